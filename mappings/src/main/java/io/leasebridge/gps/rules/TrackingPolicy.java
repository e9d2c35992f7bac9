package io.leasebridge.gps.rules;

import io.leasebridge.model.LeaseAccount;
import io.leasebridge.model.Vehicle;

import java.util.Locale;
import java.util.Set;

/**
 * The lessor's GPS policy: a vehicle's location is pulled only while the lessor still has a claim on it (the
 * vehicle is not sold or closed, its lease not paid off or closed), when its lease is at least
 * {@code minDaysPastDue} days past due and the customer signed the GPS disclosure, and only from a vendor
 * LeaseBridge is configured for. Nothing else (no starter-interrupt, no device command) is ever sent.
 */
public final class TrackingPolicy {

    /** A sold vehicle is the buyer's; a closed one is out of the portfolio. */
    public static final Set<String> ENDED_DISPOSITIONS = Set.of("SOLD", "CLOSED");
    /** LeaseWorks contract statuses after which nothing is owed on the lease. */
    public static final Set<String> ENDED_LEASE_STATUSES = Set.of("PAID_OFF", "CLOSED");

    private final int minDaysPastDue;
    private final Set<String> configuredProviders;
    private final Set<String> endedDispositions;
    private final Set<String> endedLeaseStatuses;

    public TrackingPolicy(int minDaysPastDue, Set<String> configuredProviders) {
        this(minDaysPastDue, configuredProviders, ENDED_DISPOSITIONS, ENDED_LEASE_STATUSES);
    }

    /**
     * @param endedDispositions  vehicle dispositions that end the lessor's claim (compared as {@link #code}s)
     * @param endedLeaseStatuses lease statuses that end it, e.g. {@code PAID_OFF} also matches "Paid Off" and "paid-off"
     */
    public TrackingPolicy(int minDaysPastDue, Set<String> configuredProviders, Set<String> endedDispositions,
                          Set<String> endedLeaseStatuses) {
        this.minDaysPastDue = minDaysPastDue;
        this.configuredProviders = configuredProviders;
        this.endedDispositions = endedDispositions.stream().map(TrackingPolicy::code).collect(java.util.stream.Collectors.toSet());
        this.endedLeaseStatuses = endedLeaseStatuses.stream().map(TrackingPolicy::code).collect(java.util.stream.Collectors.toSet());
    }

    /** A status as a code: upper case, runs of blanks and hyphens as one underscore ("Paid Off" is PAID_OFF). */
    static String code(String status) {
        return status == null ? "" : status.strip().toUpperCase(Locale.ROOT).replaceAll("[\\s-]+", "_");
    }

    /** Whether to pull the vehicle's location, and why (the reason goes into the pull audit or the skip list). */
    public Decision decide(Vehicle vehicle, LeaseAccount lease) {
        if (vehicle.gpsProvider() == null || vehicle.gpsDeviceId() == null || vehicle.gpsDeviceId().isBlank()) {
            return Decision.skip("no GPS device on the vehicle");
        }
        if (endedDispositions.contains(code(vehicle.disposition()))) {
            return Decision.skip("vehicle " + code(vehicle.disposition()) + ": the lessor no longer has a claim on it");
        }
        if (lease != null && endedLeaseStatuses.contains(code(lease.status()))) {
            return Decision.skip("lease " + code(lease.status()) + ": the lessor no longer has a claim on the vehicle");
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
