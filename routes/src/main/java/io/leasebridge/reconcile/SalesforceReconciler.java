package io.leasebridge.reconcile;

import io.leasebridge.reconcile.Difference.Kind;
import io.leasebridge.reconcile.ObjectCheck.DayCheck;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Reconciles one object between the hub and Salesforce in a bounded number of calls. It asks Salesforce for the
 * count (and amount) of all records with an external id; when that differs from what the hub delivered, it halves
 * the hub's external ids, sorted as Salesforce compares text (ignoring case), and asks again for each half whose
 * figures differ, until a slice is small enough to list: so k differences among n records cost about k log n
 * aggregate calls, not n. Two halves cost one call: the second is the whole less the first.
 */
final class SalesforceReconciler {

    static final String SALESFORCE = "Salesforce";
    private static final Comparator<String> SALESFORCE_ORDER = String.CASE_INSENSITIVE_ORDER;

    private final SalesforceHoldings salesforce;
    private final int listBelow;

    SalesforceReconciler(SalesforceHoldings salesforce, int listBelow) {
        this.salesforce = salesforce;
        this.listBelow = listBelow;
    }

    ObjectCheck reconcile(ReconciledObject object, List<HubRecord> hub, List<String> held, long waitingForParent, LocalDate since) {
        List<HubRecord> sent = hub.stream().filter(HubRecord::everDelivered)
                .sorted(Comparator.comparing(HubRecord::externalId, SALESFORCE_ORDER)).toList();
        List<Difference> differences = new ArrayList<>();
        Tally there = salesforce.tally(object, KeyRange.ALL);
        descend(object, KeyRange.ALL, sent, there, differences);
        for (HubRecord record : hub) {
            if (!record.delivered()) {
                boolean refused = "FAILED".equals(record.status());
                differences.add(new Difference(SALESFORCE, object.apiName(), record.externalId(), record.day(),
                        refused ? Kind.REFUSED : Kind.PENDING, refused ? "refused by Salesforce: see its dead letter"
                        : record.everDelivered() ? "a newer version waits to be sent" : "waits to be sent"));
            }
        }
        held.forEach(key -> differences.add(new Difference(SALESFORCE, object.apiName(), key, null, Kind.WAITING_FOR_PARENT,
                "held until its lease or customer is in the hub")));
        long pending = hub.stream().filter(r -> "PENDING".equals(r.status())).count();
        long refused = hub.stream().filter(r -> "FAILED".equals(r.status())).count();
        return new ObjectCheck(object.apiName(), tally(sent), there, pending, refused, waitingForParent,
                days(object, sent, since), List.copyOf(differences));
    }

    private void descend(ReconciledObject object, KeyRange range, List<HubRecord> slice, Tally there, List<Difference> differences) {
        Tally here = tally(slice);
        boolean amountsComparable = object.amountField().isPresent() && slice.stream().allMatch(HubRecord::delivered);
        if (here.sameCount(there) && (!amountsComparable || here.sameAmount(there))) {
            return;
        }
        if (slice.size() <= listBelow) {
            compareRecords(object, range, slice, differences);
            return;
        }
        int middle = slice.size() / 2;
        String boundary = slice.get(middle).externalId();
        KeyRange lower = new KeyRange(range.from(), boundary);
        KeyRange upper = new KeyRange(boundary, range.to());
        Tally lowerThere = salesforce.tally(object, lower);
        Tally upperThere = new Tally(there.count() - lowerThere.count(), there.amount().subtract(lowerThere.amount()));
        descend(object, lower, slice.subList(0, middle), lowerThere, differences);
        descend(object, upper, slice.subList(middle, slice.size()), upperThere, differences);
    }

    private void compareRecords(ReconciledObject object, KeyRange range, List<HubRecord> slice, List<Difference> differences) {
        Map<String, BigDecimal> there = salesforce.records(object, range);
        Set<String> known = new HashSet<>();
        for (HubRecord record : slice) {
            known.add(record.externalId());
            if (!there.containsKey(record.externalId())) {
                differences.add(new Difference(SALESFORCE, object.apiName(), record.externalId(), record.day(),
                        Kind.MISSING_IN_SALESFORCE, "delivered, no longer in Salesforce (deleted there?)"));
            } else if (object.amountField().isPresent() && record.delivered() && differs(record.amount(), there.get(record.externalId()))) {
                differences.add(new Difference(SALESFORCE, object.apiName(), record.externalId(), record.day(),
                        Kind.CHANGED_IN_SALESFORCE, object.amountField().get() + " is " + plain(there.get(record.externalId()))
                        + " in Salesforce, " + plain(record.amount()) + " as delivered"));
            }
        }
        there.keySet().stream().filter(id -> !known.contains(id)).forEach(id -> differences.add(new Difference(SALESFORCE,
                object.apiName(), id, null, Kind.NOT_FROM_LEASEBRIDGE, "in Salesforce, never delivered by LeaseBridge")));
    }

    private List<DayCheck> days(ReconciledObject object, List<HubRecord> sent, LocalDate since) {
        if (object.dayField().isEmpty()) {
            return List.of();
        }
        SortedMap<LocalDate, Tally> here = new TreeMap<>();
        sent.stream().filter(r -> r.day() != null && !r.day().isBefore(since))
                .forEach(r -> here.merge(r.day(), Tally.NONE.plus(r.amount()), (a, b) -> new Tally(a.count() + b.count(), a.amount().add(b.amount()))));
        SortedMap<LocalDate, Tally> there = salesforce.byDay(object, since);
        Set<LocalDate> days = new TreeSet<>(here.keySet());
        days.addAll(there.keySet());
        return days.stream().map(d -> new DayCheck(d, here.getOrDefault(d, Tally.NONE), there.getOrDefault(d, Tally.NONE))).toList();
    }

    private static Tally tally(List<HubRecord> records) {
        Tally tally = Tally.NONE;
        for (HubRecord record : records) {
            tally = tally.plus(record.amount());
        }
        return tally;
    }

    private static boolean differs(BigDecimal a, BigDecimal b) {
        return a == null || b == null ? a != b : a.compareTo(b) != 0;
    }

    private static String plain(BigDecimal amount) {
        return amount == null ? "blank" : amount.toPlainString();
    }
}
