package io.leasebridge.flow;

import java.util.Objects;

/**
 * A flow LeaseBridge runs and records in the run history. Its id is what users see of it: the cron key
 * {@code leasebridge.schedules.<id>}, the flow of its runs, the {@code flow} tag of its metrics and its name in the
 * admin API.
 *
 * @param id      kebab-case, source and purpose: {@code promise-judgement}, {@code salesforce-outbox-drain}
 * @param trigger what starts it when serving
 */
public record Flow(String id, Trigger trigger) {

    public Flow {
        Objects.requireNonNull(id, "a flow needs an id");
        Objects.requireNonNull(trigger, id + " needs a trigger");
    }

    /** What starts a flow when serving. */
    public sealed interface Trigger permits Cron, Polled, OnDemand {
    }

    /** The cron at {@code leasebridge.schedules.<id>} sends an empty message to {@code endpoint}, the route doing the work. */
    public record Cron(String endpoint) implements Trigger {
    }

    /** The cron at {@code leasebridge.schedules.<id>} drives the polling consumer of the route {@code routeId} (a drop folder). */
    public record Polled(String routeId) implements Trigger {
    }

    /** Started by what arrives (a webhook) or by an operator (a replay); no cron. */
    public record OnDemand() implements Trigger {
    }

    /** A flow whose cron sends to {@code endpoint}. */
    public static Flow scheduled(String id, String endpoint) {
        return new Flow(id, new Cron(endpoint));
    }

    /** A flow whose cron polls the route {@code routeId}. */
    public static Flow polled(String id, String routeId) {
        return new Flow(id, new Polled(routeId));
    }

    public static Flow onDemand(String id) {
        return new Flow(id, new OnDemand());
    }

    /** The property its cron is read from. */
    public String scheduleKey() {
        return RunProperties.SCHEDULES + "." + id;
    }

    /** The route its cron fires: the flow's id and {@code -schedule}. */
    public String scheduleRouteId() {
        return id + "-schedule";
    }
}
