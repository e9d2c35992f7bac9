package io.leasebridge.reconcile;

import java.time.LocalDate;
import java.util.Map;

/**
 * What LeaseWorks says of an object: the control totals of its export (the latest file's, or per day) and how many
 * of its rows are quarantined.
 *
 * @param whole null where the totals go by day, or there are none
 */
record LeaseWorksFigures(Tally whole, Map<LocalDate, Tally> byDay, long quarantined) {

    LeaseWorksFigures {
        byDay = Map.copyOf(byDay);
    }
}
