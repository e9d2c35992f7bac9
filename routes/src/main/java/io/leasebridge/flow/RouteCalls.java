package io.leasebridge.flow;

/**
 * Calls into LeaseBridge's own routes by their {@code direct:} endpoint, for run-once steps, replays and the admin API's
 * triggers: they hold this instead of a ProducerTemplate, so that only {@link CamelRouteCalls} sends exchanges.
 */
public interface RouteCalls {

    /** Runs the route with no body and waits for it. */
    void run(String endpoint);

    /** Runs the route with {@code body} and waits for its answer, converted to {@code type}. */
    <T> T request(String endpoint, Object body, Class<T> type);

    /** Starts the route with no body and returns at once. */
    void start(String endpoint);
}
