package io.leasebridge.reconcile;

import io.leasebridge.quickbooks.QuickBooksHoldings;
import io.leasebridge.quickbooks.QuickBooksHoldings.Held;
import io.leasebridge.quickbooks.QuickBooksHoldings.Posted;
import io.leasebridge.reconcile.Difference.Kind;
import io.leasebridge.reconcile.ObjectCheck.DayCheck;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Reconciles the documents LeaseBridge posted to QuickBooks since a day with what QuickBooks holds now, entity by
 * entity: a document confirmed once and gone (deleted), voided, or holding another total is listed; the outbox's
 * pending and refused documents explain themselves. Documents others entered in QuickBooks are not counted.
 */
final class QuickBooksReconciler {

    static final String QUICKBOOKS = "QuickBooks";

    private final QuickBooksHoldings quickBooks;

    QuickBooksReconciler(QuickBooksHoldings quickBooks) {
        this.quickBooks = quickBooks;
    }

    List<ObjectCheck> reconcile(LocalDate since) {
        Map<String, List<Posted>> byEntity = new LinkedHashMap<>();
        quickBooks.posted(since).forEach(p -> byEntity.computeIfAbsent(p.entity(), e -> new ArrayList<>()).add(p));
        List<ObjectCheck> checks = new ArrayList<>();
        byEntity.forEach((entity, posted) -> checks.add(reconcile(entity, posted, quickBooks.held(entity, since))));
        return checks;
    }

    private static ObjectCheck reconcile(String entity, List<Posted> posted, List<Held> held) {
        Map<String, Held> byKey = new HashMap<>();
        held.forEach(h -> {
            if (h.docNumber() != null) {
                byKey.put("doc:" + h.docNumber(), h);
            }
            byKey.put("id:" + h.id(), h);
        });
        List<Difference> differences = new ArrayList<>();
        SortedMap<LocalDate, Tally> ours = new TreeMap<>();
        SortedMap<LocalDate, Tally> theirs = new TreeMap<>();
        Tally hub = Tally.NONE;
        Tally there = Tally.NONE;
        long pending = 0;
        long refused = 0;
        for (Posted p : posted) {
            String key = p.docNumber() != null ? p.docNumber() : p.qbId();
            if (!p.confirmed()) {
                boolean failed = p.refused();
                pending += failed ? 0 : 1;
                refused += failed ? 1 : 0;
                differences.add(new Difference(QUICKBOOKS, entity, key, p.txnDate(), failed ? Kind.REFUSED : Kind.PENDING,
                        failed ? "refused by QuickBooks: " + p.error() : "waits to be posted"));
                continue;
            }
            hub = hub.plus(p.expected());
            ours.merge(p.txnDate(), Tally.NONE.plus(p.expected()), QuickBooksReconciler::sum);
            Held doc = p.docNumber() != null && byKey.containsKey("doc:" + p.docNumber()) ? byKey.get("doc:" + p.docNumber())
                    : byKey.get("id:" + p.qbId());
            if (doc == null) {
                differences.add(new Difference(QUICKBOOKS, entity, key, p.txnDate(), Kind.MISSING_IN_QUICKBOOKS,
                        "confirmed as " + entity + " " + p.qbId() + ", not in QuickBooks now (deleted there?)"));
                continue;
            }
            there = there.plus(doc.totalAmt());
            theirs.merge(p.txnDate(), Tally.NONE.plus(doc.totalAmt()), QuickBooksReconciler::sum);
            if (doc.voided()) {
                differences.add(new Difference(QUICKBOOKS, entity, key, p.txnDate(), Kind.VOIDED_IN_QUICKBOOKS,
                        entity + " " + doc.id() + " was voided in QuickBooks (" + doc.privateNote() + ")"));
            } else if (p.expected() != null && doc.totalAmt().compareTo(p.expected()) != 0) {
                differences.add(new Difference(QUICKBOOKS, entity, key, p.txnDate(), Kind.CHANGED_IN_QUICKBOOKS,
                        "TotalAmt is " + doc.totalAmt().toPlainString() + " in QuickBooks, " + p.expected().toPlainString() + " as posted"));
            }
        }
        TreeSet<LocalDate> days = new TreeSet<>(ours.keySet());
        days.addAll(theirs.keySet());
        List<DayCheck> dayChecks = days.stream().map(d -> new DayCheck(d, ours.getOrDefault(d, Tally.NONE), theirs.getOrDefault(d, Tally.NONE))).toList();
        return new ObjectCheck(entity, hub, there, pending, refused, 0, dayChecks, List.copyOf(differences));
    }

    private static Tally sum(Tally a, Tally b) {
        return new Tally(a.count() + b.count(), a.amount().add(b.amount() == null ? BigDecimal.ZERO : b.amount()));
    }
}
