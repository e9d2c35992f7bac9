package io.leasebridge.reconcile;

import java.time.LocalDate;
import java.util.List;

/**
 * One object (or QuickBooks entity) reconciled: what the hub delivered and the target holds now, in total and per
 * day, how many records the hub still has on the way, and every difference.
 */
public record ObjectCheck(String object, Tally hub, Tally target, long pending, long refused, long waitingForParent,
                          List<DayCheck> days, List<Difference> differences) {

    public record DayCheck(LocalDate day, Tally hub, Tally target) {
        public boolean matches() {
            return hub.sameCount(target) && hub.sameAmount(target);
        }
    }

    public long unexplained() {
        return differences.stream().filter(d -> !d.explained()).count();
    }
}
