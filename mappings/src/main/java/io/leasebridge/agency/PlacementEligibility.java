package io.leasebridge.agency;

import java.time.LocalDate;
import java.util.Optional;

/**
 * Which leases are proposed for a collection agency: at least {@code minDaysPastDue} days past due, no open
 * repossession case, no open promise due within {@code graceDays} from today, and no placement already holding the
 * lease, nor one a manager rejected (the manager may still approve that one). A lease left out is left out for the first
 * of these reasons, in words.
 */
public final class PlacementEligibility {

    private final int minDaysPastDue;
    private final int graceDays;

    /**
     * @param minDaysPastDue {@code leasebridge.agency.min-days-past-due}
     * @param graceDays      {@code leasebridge.agency.grace}: a promise due today or within this many days keeps the lease
     */
    public PlacementEligibility(int minDaysPastDue, int graceDays) {
        if (minDaysPastDue < 1 || graceDays < 0) {
            throw new IllegalArgumentException("leasebridge.agency.min-days-past-due must be at least 1 and leasebridge.agency.grace"
                    + " at least 0; they are " + minDaysPastDue + " and " + graceDays);
        }
        this.minDaysPastDue = minDaysPastDue;
        this.graceDays = graceDays;
    }

    /** Empty when the lease is to be proposed; otherwise why not. */
    public Optional<String> whyNot(PlacementCandidate lease, LocalDate asOf) {
        if (lease.daysPastDue() < minDaysPastDue) {
            return Optional.of(lease.daysPastDue() + " days past due, under " + minDaysPastDue);
        }
        if (lease.openRepoCase()) {
            return Optional.of("a repossession case is open");
        }
        LocalDate lastGraceDay = asOf.plusDays(graceDays);
        Optional<LocalDate> promise = lease.openPromiseDates().stream()
                .filter(day -> !day.isBefore(asOf) && !day.isAfter(lastGraceDay)).min(LocalDate::compareTo);
        if (promise.isPresent()) {
            return Optional.of("a promise is due on " + promise.get());
        }
        Optional<PlacementStatus> held = lease.placements().stream().filter(PlacementStatus::holdsLease).findFirst();
        if (held.isPresent()) {
            return Optional.of("already placed (" + held.get() + ")");
        }
        if (lease.placements().contains(PlacementStatus.REJECTED)) {
            return Optional.of("a manager rejected its placement");
        }
        return Optional.empty();
    }

    public boolean proposes(PlacementCandidate lease, LocalDate asOf) {
        return whyNot(lease, asOf).isEmpty();
    }
}
