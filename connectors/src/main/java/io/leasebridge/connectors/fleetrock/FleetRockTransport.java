package io.leasebridge.connectors.fleetrock;

import java.util.Map;

/**
 * One HTTP GET to FleetRock; the routes module sends it with camel-http. Throws {@link FleetRockException}
 * (retryable) when no answer came at all; any answer, whatever its status, is returned.
 */
@FunctionalInterface
public interface FleetRockTransport {

    Response get(String path, Map<String, String> query);

    record Response(int status, String body) {
    }
}
