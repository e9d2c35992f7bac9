package io.leasebridge.quickbooks;

import io.leasebridge.mapping.quickbooks.PostingType;
import io.leasebridge.quickbooks.Reconciliation.Day;
import io.leasebridge.quickbooks.Reconciliation.Difference;
import io.leasebridge.quickbooks.Reconciliation.Tally;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Compares the hub's sources, the QuickBooks outbox and what QuickBooks confirmed. */
public class QuickBooksReconciliation {

    private final QuickBooksSources sources;
    private final QuickBooksOutbox outbox;

    QuickBooksReconciliation(QuickBooksSources sources, QuickBooksOutbox outbox) {
        this.sources = sources;
        this.outbox = outbox;
    }

    private record Key(LocalDate day, PostingType type) {
    }

    private static final class Tallies {
        Tally source = Tally.NONE;
        Tally outbox = Tally.NONE;
        Tally confirmed = Tally.NONE;
    }

    public Reconciliation reconcile() {
        Map<Key, Tallies> byDay = new TreeMap<>(Comparator.comparing(Key::day, Comparator.nullsFirst(Comparator.naturalOrder()))
                .thenComparing(Key::type));
        List<Difference> differences = new ArrayList<>();
        Map<String, OutboxPosting> queued = new HashMap<>();
        for (OutboxPosting row : outbox.all()) {
            queued.put(row.type() + "|" + row.sourceKey(), row);
            Tallies t = byDay.computeIfAbsent(new Key(row.txnDate(), row.type()), k -> new Tallies());
            t.outbox = t.outbox.plus(row.amount());
            if (QuickBooksOutbox.CONFIRMED.equals(row.status())) {
                t.confirmed = t.confirmed.plus(row.qbAmount() != null ? row.qbAmount() : row.amount());
            }
        }
        for (SourceRecord record : sources.all()) {
            OutboxPosting row = queued.remove(record.type() + "|" + record.sourceKey());
            LocalDate day = record.day() != null ? record.day() : row != null ? row.txnDate() : null;
            Tallies t = byDay.computeIfAbsent(new Key(day, record.type()), k -> new Tallies());
            t.source = t.source.plus(record.amount());
            if (row == null) {
                differences.add(new Difference(record.type(), record.sourceKey(), day, "NOT_QUEUED",
                        record.refusal() != null ? record.refusal().getMessage() : "not queued yet"));
                continue;
            }
            compare(record, row, differences);
        }
        queued.values().forEach(row -> differences.add(new Difference(row.type(), row.sourceKey(), row.txnDate(), "NOT_IN_SOURCE",
                row.requestId() + " is in the outbox (" + row.status() + ") but no longer in the source")));
        List<Day> days = new ArrayList<>();
        byDay.forEach((key, t) -> days.add(new Day(key.day(), key.type(), t.source, t.outbox, t.confirmed)));
        return new Reconciliation(days, differences);
    }

    private static void compare(SourceRecord record, OutboxPosting row, List<Difference> differences) {
        if (record.refusal() != null) {
            differences.add(new Difference(record.type(), record.sourceKey(), row.txnDate(), "NOT_QUEUED",
                    "changed and refused since it was queued: " + record.refusal().getMessage()));
        } else if (!QuickBooksOutbox.CONFIRMED.equals(row.status())) {
            differences.add(new Difference(record.type(), record.sourceKey(), row.txnDate(), row.status(),
                    row.requestId() + (row.error() == null ? "" : ": " + row.error())));
        } else if (differs(record.amount(), row.amount()) || (row.qbAmount() != null && differs(row.amount(), row.qbAmount()))) {
            differences.add(new Difference(record.type(), record.sourceKey(), row.txnDate(), "AMOUNT_MISMATCH",
                    "source " + record.amount() + ", outbox " + row.amount() + ", QuickBooks " + row.qbAmount()));
        }
    }

    private static boolean differs(BigDecimal a, BigDecimal b) {
        return a == null || b == null ? a != b : a.compareTo(b) != 0;
    }
}
