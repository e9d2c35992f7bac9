package io.leasebridge.quickbooks;

import io.leasebridge.mapping.quickbooks.PostingType;

import java.io.PrintStream;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * Per day and posting type: how many and how much the source holds, the QuickBooks outbox holds, and
 * QuickBooks confirmed; and every record where they differ.
 */
public record Reconciliation(List<Day> days, List<Difference> differences) {

    public record Tally(long count, BigDecimal total) {

        static final Tally NONE = new Tally(0, BigDecimal.ZERO);

        Tally plus(BigDecimal amount) {
            return new Tally(count + 1, total.add(amount == null ? BigDecimal.ZERO : amount));
        }
    }

    public record Day(LocalDate day, PostingType type, Tally source, Tally outbox, Tally confirmed) {
    }

    /**
     * @param kind NOT_QUEUED (the source record was refused: see its dead letter), PENDING, FAILED,
     *             AMOUNT_MISMATCH, NOT_IN_SOURCE (queued, but the source no longer has it)
     */
    public record Difference(PostingType type, String sourceKey, LocalDate day, String kind, String detail) {
    }

    public boolean balanced() {
        return differences.isEmpty();
    }

    public void print(PrintStream out) {
        String row = "%-10s %-16s %6s %14s %6s %14s %6s %14s%n";
        out.println("QuickBooks reconciliation (source / hub outbox / confirmed by QuickBooks)");
        out.printf(row, "day", "posting", "source", "total", "outbox", "total", "qbo", "total");
        days.forEach(d -> out.printf(row, d.day(), d.type(), d.source().count(), d.source().total(), d.outbox().count(),
                d.outbox().total(), d.confirmed().count(), d.confirmed().total()));
        out.println("differences: " + differences.size());
        differences.forEach(d -> out.printf("  %s %s %s (%s): %s%n", d.kind(), d.type(), d.sourceKey(), d.day(), d.detail()));
        out.println();
    }
}
