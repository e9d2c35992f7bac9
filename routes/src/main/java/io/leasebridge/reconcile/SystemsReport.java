package io.leasebridge.reconcile;

import java.io.PrintStream;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Stream;

/**
 * A reconciliation of the targets against the hub: per object, in total and per day since {@code since}, every
 * difference, and the API calls it cost.
 */
public record SystemsReport(Instant at, LocalDate since, List<ObjectCheck> objects, long salesforceCalls,
                            List<ObjectCheck> quickBooks, long quickBooksCalls) {

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
        out.println();
    }

    /** Currency to the cent: QuickBooks answers {@code 1000.0} where the hub holds {@code 1000.00}. */
    private static String money(BigDecimal amount) {
        return amount.scale() < 2 ? amount.setScale(2).toPlainString() : amount.toPlainString();
    }
}
