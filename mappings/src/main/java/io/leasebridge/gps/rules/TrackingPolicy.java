package io.leasebridge.gps.rules;

import io.leasebridge.model.LeaseAccount;
import io.leasebridge.model.Vehicle;

import java.util.Locale;
import java.util.Set;

/**
 * The lessor's GPS policy: a vehicle's location is pulled only when its lease is at least
 * {@code minDaysPastDue} days past due and the customer signed the GPS disclosure, and only from a vendor
 * LeaseBridge is configured for. Nothing else (no starter-interrupt, no device command) is ever sent.
 */
public final class TrackingPolicy {

    private final int minDaysPastDue;
    private final Set<String> configuredProviders;

    public TrackingPolicy(int minDaysPastDue, Set<String> configuredProviders) {
        this.minDaysPastDue = minDaysPastDue;
        this.configuredProviders = configuredProviders;
    }

    /** Whether to pull the vehicle's location, and why (the reason goes into the pull audit or the skip list). */
    public Decision decide(Vehicle vehicle, LeaseAccount lease) {
        if (vehicle.gpsProvider() == null || vehicle.gpsDeviceId() == null || vehicle.gpsDeviceId().isBlank()) {
            return Decision.skip("no GPS device on the vehicle");
        }
        String provider = vehicle.gpsProvider().toUpperCase(Locale.ROOT);
        if (!configuredProviders.contains(provider)) {
            return Decision.skip("GPS provider " + provider + " is not configured");
        }
        if (lease == null) {
            return Decision.skip("no lease in the hub for the vehicle");
        }
        if (lease.daysPastDue() < minDaysPastDue) {
            return Decision.skip("below " + minDaysPastDue + " days past due");
        }
        if (!Boolean.TRUE.equals(lease.gpsDisclosure())) {
            return Decision.skip("no GPS disclosure on file");
        }
        return Decision.pull(lease.daysPastDue() + " days past due (at least " + minDaysPastDue + "); GPS disclosure on file");
    }

    public record Decision(boolean pull, String reason) {

        static Decision pull(String reason) {
            return new Decision(true, reason);
        }

        static Decision skip(String reason) {
            return new Decision(false, reason);
        }
    }
}
