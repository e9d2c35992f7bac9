package io.leasebridge.fleetrock;

import io.leasebridge.connectors.fleetrock.FleetRockException;
import org.apache.camel.LoggingLevel;
import org.apache.camel.builder.RouteConfigurationBuilder;

import java.io.IOException;

/**
 * FleetRock's error policy, in one place: a call that failed for a passing reason (no answer, timeout, 5xx,
 * 429) is redelivered with exponential backoff; anything else fails at once.
 */
class FleetRockRouteConfiguration extends RouteConfigurationBuilder {

    static final String ID = "fleetrock-errors";

    private final FleetRockProperties.Retry retry;

    FleetRockRouteConfiguration(FleetRockProperties properties) {
        this.retry = properties.retry();
    }

    @Override
    public void configuration() {
        routeConfiguration(ID)
                .onException(Exception.class)
                .onWhen(exchange -> retryable(exchange.getException()))
                .maximumRedeliveries(retry.maxRedeliveries())
                .redeliveryDelay(retry.initialDelay().toMillis())
                .useExponentialBackOff()
                .backOffMultiplier(2)
                .maximumRedeliveryDelay(retry.maxDelay().toMillis())
                .retryAttemptedLogLevel(LoggingLevel.WARN)
                .logStackTrace(false)
                .logExhausted(false);
    }

    static boolean retryable(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof FleetRockException f) {
                return f.retryable();
            }
            if (t instanceof IOException) {
                return true;
            }
        }
        return false;
    }
}
