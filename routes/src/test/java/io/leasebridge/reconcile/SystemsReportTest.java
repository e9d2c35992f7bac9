package io.leasebridge.reconcile;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Run-once's printed reconciliation: every system's figures to the cent, LeaseWorks and quarantined rows included. */
class SystemsReportTest {

    @Test
    void theTablePrintsLeaseWorksQuarantinedRowsAndQuickBooksDocumentsToTheCent() {
        Tally leases = new Tally(3, new BigDecimal("1234.50"));
        ObjectCheck lease = new ObjectCheck("Lease__c", leases, leases, 0, 0, 0, List.of(), List.of())
                .withSource(new LeaseWorksFigures(new Tally(3, new BigDecimal("1234.50")), Map.of(), 2));
        ObjectCheck bills = new ObjectCheck("Bill", new Tally(3, new BigDecimal("1000.00")), new Tally(3, new BigDecimal("1000.0")),
                0, 0, 0, List.of(), List.of());
        ByteArrayOutputStream printed = new ByteArrayOutputStream();

        new SystemsReport(Instant.parse("2026-12-02T07:00:00Z"), LocalDate.of(2026, 11, 26), List.of(lease), 6, List.of(bills), 1, List.of())
                .print(new PrintStream(printed, true, StandardCharsets.UTF_8));

        String table = printed.toString(StandardCharsets.UTF_8);
        assertThat(table).containsPattern("Lease__c +3 +1234\\.50 +3 +1234\\.50 +0 +0 +0 +2 +3 +1234\\.50")
                .containsPattern("Bill +3 +1000\\.00 +3 +1000\\.00 +0 +0 +-")
                .contains("unexplained differences: 0 (Salesforce API calls: 6, QuickBooks API calls: 1)");
    }
}
