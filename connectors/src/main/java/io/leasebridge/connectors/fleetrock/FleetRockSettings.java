package io.leasebridge.connectors.fleetrock;

import java.time.Duration;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Objects;

/**
 * How to talk to one FleetRock account: credentials, the API paths, how long a token is trusted, and how
 * FleetRock wants the {@code start}/{@code end} of a window written (in the account's zone).
 * {@link #toString()} hides the key.
 */
public record FleetRockSettings(String username, String key, String tokenPath, String repairOrdersPath,
                                Duration tokenTtl, DateTimeFormatter queryDateFormat, ZoneId zone) {

    public FleetRockSettings {
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(tokenPath, "tokenPath");
        Objects.requireNonNull(repairOrdersPath, "repairOrdersPath");
        Objects.requireNonNull(tokenTtl, "tokenTtl");
        Objects.requireNonNull(queryDateFormat, "queryDateFormat");
        Objects.requireNonNull(zone, "zone");
    }

    @Override
    public String toString() {
        return "FleetRockSettings[username=" + username + ", key=****, tokenPath=" + tokenPath + ", repairOrdersPath="
                + repairOrdersPath + ", tokenTtl=" + tokenTtl + ", zone=" + zone + "]";
    }
}
