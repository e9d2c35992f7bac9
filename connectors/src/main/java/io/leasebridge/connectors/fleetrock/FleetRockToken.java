package io.leasebridge.connectors.fleetrock;

import java.time.Instant;

/** A FleetRock API token and when LeaseBridge stops trusting it. {@link #toString()} hides the value. */
public record FleetRockToken(String value, Instant expiresAt) {

    public boolean validAt(Instant now) {
        return now.isBefore(expiresAt);
    }

    @Override
    public String toString() {
        return "FleetRockToken[expiresAt=" + expiresAt + "]";
    }
}
