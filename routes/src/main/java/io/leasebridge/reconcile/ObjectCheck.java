package io.leasebridge.reconcile;

import java.time.LocalDate;
import java.util.List;

/**
 * One object (or QuickBooks entity) reconciled: what LeaseWorks' control totals say (where configured), what the hub
 * delivered and the target holds now, in total and per day, how many records the hub still has on the way or
 * quarantined, and every difference.
 *
 * @param leaseWorks  the export's control totals, or null where none are set against this object
 * @param quarantined rows of the object's export quarantined and not yet replayed
 */
public record ObjectCheck(String object, Tally leaseWorks, Tally hub, Tally target, long pending, long refused,
                          long waitingForParent, long quarantined, List<DayCheck> days, List<Difference> differences) {

    public ObjectCheck(String object, Tally hub, Tally target, long pending, long refused, long waitingForParent,
                       List<DayCheck> days, List<Difference> differences) {
        this(object, null, hub, target, pending, refused, waitingForParent, 0, days, differences);
    }

    /** @param leaseWorks the control totals of the export files for that day, or null where none are known */
    public record DayCheck(LocalDate day, Tally leaseWorks, Tally hub, Tally target) {

        public DayCheck(LocalDate day, Tally hub, Tally target) {
            this(day, null, hub, target);
        }

        public boolean matches() {
            return hub.sameCount(target) && hub.sameAmount(target);
        }

        /** Whether LeaseWorks' control totals for the day agree with the hub; true where there are none. */
        public boolean matchesLeaseWorks() {
            return leaseWorks == null || leaseWorks.sameCount(hub) && leaseWorks.sameAmount(hub);
        }
    }

    /** The same check with LeaseWorks' figures beside it. */
    ObjectCheck withSource(LeaseWorksFigures source) {
        List<DayCheck> withTotals = days.stream().map(d -> new DayCheck(d.day(), source.byDay().get(d.day()), d.hub(), d.target()))
                .toList();
        return new ObjectCheck(object, source.whole(), hub, target, pending, refused, waitingForParent, source.quarantined(),
                source.byDay().isEmpty() ? days : withTotals, differences);
    }

    public long unexplained() {
        return differences.stream().filter(d -> !d.explained()).count();
    }
}
