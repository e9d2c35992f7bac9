package io.leasebridge.reconcile;

import java.io.PrintStream;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Stream;

/**
 * A reconciliation of the targets against the hub: per object, in total and per day since {@code since}, every
 * difference, and the API calls it cost; and each repossession case's costs and final account review, as delivered.
 */
public record SystemsReport(Instant at, LocalDate since, List<ObjectCheck> objects, long salesforceCalls,
                            List<ObjectCheck> quickBooks, long quickBooksCalls, List<RepoCaseCheck> repoCases) {

    public long unexplained() {
        return objects.stream().mapToLong(ObjectCheck::unexplained).sum() + quickBooks.stream().mapToLong(ObjectCheck::unexplained).sum();
    }

    /** The Salesforce objects, then the QuickBooks entities. */
    public List<ObjectCheck> allChecks() {
        return Stream.concat(objects.stream(), quickBooks.stream()).toList();
    }

    public void print(PrintStream out) {
        String row = "%-20s %8s %16s %10s %16s %8s %8s %8s %11s %10s %16s%n";
        out.println("Salesforce reconciliation (delivered by the hub / held by Salesforce now)");
        out.printf(row, "object", "hub", "amount", "salesforce", "amount", "pending", "refused", "waiting", "quarantined",
                "leaseworks", "amount");
        objects.forEach(o -> out.printf(row, o.object(), o.hub().count(), money(o.hub().amount()), o.target().count(),
                money(o.target().amount()), o.pending(), o.refused(), o.waitingForParent(), o.quarantined(),
                o.leaseWorks() == null ? "-" : o.leaseWorks().count(), o.leaseWorks() == null ? "-" : money(o.leaseWorks().amount())));
        objects.forEach(o -> o.days().stream().filter(d -> !d.matches() || !d.matchesLeaseWorks()).forEach(d -> out.printf(
                "  %s %s: leaseworks %s, hub %d (%s), salesforce %d (%s)%n", o.object(), d.day(),
                d.leaseWorks() == null ? "-" : d.leaseWorks().count() + " (" + money(d.leaseWorks().amount()) + ")",
                d.hub().count(), money(d.hub().amount()), d.target().count(), money(d.target().amount()))));
        if (!quickBooks.isEmpty()) {
            out.println("QuickBooks documents since " + since + " (confirmed to LeaseBridge / held by QuickBooks now)");
            String books = "%-20s %8s %16s %10s %16s %8s %8s %8s%n";
            quickBooks.forEach(o -> out.printf(books, o.object(), o.hub().count(), money(o.hub().amount()), o.target().count(),
                    money(o.target().amount()), o.pending(), o.refused(), "-"));
        }
        out.println("unexplained differences: " + unexplained() + " (Salesforce API calls: " + salesforceCalls
                + (quickBooks.isEmpty() ? "" : ", QuickBooks API calls: " + quickBooksCalls) + ")");
        Stream.concat(objects.stream(), quickBooks.stream()).forEach(o -> o.differences().stream()
                .filter(d -> !d.explained()).forEach(d -> out.printf("  %s %s %s: %s%n", d.kind(), d.object(), d.key(), d.detail())));
        printRepoCases(out);
        out.println();
    }

    private void printRepoCases(PrintStream out) {
        if (repoCases.isEmpty()) {
            return;
        }
        out.println("Repossession cases (recovery cost Bills posted/pending/refused; final account review; resale JournalEntry; "
                + "LeaseWorks adjustment)");
        String row = "%-20s %6s %12s %18s %24s %14s %14s%n";
        out.printf(row, "case", "costs", "amount", "bills", "review", "journal entry", "adjustment");
        repoCases.forEach(c -> out.printf(row, c.name(), c.costs().count(), money(c.costs().amount()),
                c.billsPosted() + "/" + c.billsPending() + "/" + c.billsRefused(), review(c),
                c.reviewed() ? c.resaleJournalEntry() : "-", c.reviewed() ? c.adjustment() : "-"));
        repoCases.forEach(c -> c.differences().forEach(d -> out.printf("  %s case %s %s: %s%n", d.kind(), c.name(), d.object(), d.detail())));
    }

    private static String review(RepoCaseCheck c) {
        if (!c.reviewed()) {
            return "-";
        }
        return c.deficiency().signum() > 0 ? "deficiency " + money(c.deficiency())
                : c.surplus().signum() > 0 ? "surplus " + money(c.surplus()) : "settled";
    }

    /** Currency to the cent: QuickBooks answers {@code 1000.0} where the hub holds {@code 1000.00}. */
    private static String money(BigDecimal amount) {
        return amount.scale() < 2 ? amount.setScale(2).toPlainString() : amount.toPlainString();
    }
}
