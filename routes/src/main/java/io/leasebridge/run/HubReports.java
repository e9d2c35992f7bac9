package io.leasebridge.run;

import io.leasebridge.flow.RunOnce;
import io.leasebridge.flow.RunOnceParts;
import io.leasebridge.hub.ExportFiles;
import io.leasebridge.hub.HeldRecords;
import io.leasebridge.hub.LeaseAccounts;
import io.leasebridge.model.PreferenceSource;
import org.springframework.stereotype.Component;

import java.io.PrintStream;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** What run-once says of the hub itself: records held for their parent, contact preferences it could not read, export files to look at. */
@Component
class HubReports implements RunOnceParts {

    private final HeldRecords heldRecords;
    private final ExportFiles exportFiles;
    private final LeaseAccounts leases;

    HubReports(HeldRecords heldRecords, ExportFiles exportFiles, LeaseAccounts leases) {
        this.heldRecords = heldRecords;
        this.exportFiles = exportFiles;
        this.leases = leases;
    }

    @Override
    public List<Report> reports() {
        return List.of(
                new Report(500, (out, once) -> printHeldForParent(out)),
                new Report(600, (out, once) -> printContactPreferencesNotAllowed(out)),
                new Report(1000, this::printNotedExportFiles));
    }

    /** Records not sent because the hub lacks their lease or customer: they go by themselves when it arrives. */
    private void printHeldForParent(PrintStream out) {
        Map<String, Long> held = heldRecords.countsByObject();
        out.println("Held for parent (WAITING_FOR_PARENT, sent when their lease or customer arrives): "
                + (held.isEmpty() ? "none" : held.values().stream().mapToLong(Long::longValue).sum()));
        held.forEach((object, count) -> out.printf("  %-28s %d%n", object, count));
        out.println();
    }

    /** Customers whose contact preferences LeaseWorks left blank or unreadable: each taken as "not allowed". */
    private void printContactPreferencesNotAllowed(PrintStream out) {
        Map<String, Long> bySource = new TreeMap<>();
        leases.customersByPreferenceSource(PreferenceSource.NOT_ALLOWED).forEach((source, count) ->
                bySource.put(source.substring(PreferenceSource.NOT_ALLOWED.length()), count));
        out.println("Contact preferences taken as not allowed (no usable value in LeaseWorks): "
                + (bySource.isEmpty() ? "none" : bySource.values().stream().mapToLong(Long::longValue).sum() + " customers"));
        bySource.forEach((preferences, count) -> out.printf("  %-60s %d%n", preferences, count));
        out.println();
    }

    /** Empty exports, snapshots read without inferences, files refused whole: each with why. */
    private void printNotedExportFiles(PrintStream out, RunOnce once) {
        List<ExportFiles.Noted> noted = exportFiles.notedSince(once.started());
        if (noted.isEmpty()) {
            return;
        }
        out.println("Export files to look at:");
        noted.forEach(file -> out.printf("  %-40s %-8s %s%n", file.fileName(), file.status(), file.note()));
        out.println();
    }
}
