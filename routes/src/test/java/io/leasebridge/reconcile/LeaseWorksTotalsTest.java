package io.leasebridge.reconcile;

import io.leasebridge.reconcile.ReconciliationProperties.SalesforceObject;
import io.leasebridge.testing.TestDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** LeaseWorks' column of the reconciliation: the export files' control totals and the export's quarantined rows. */
class LeaseWorksTotalsTest {

    private static final LocalDate SINCE = LocalDate.of(2026, 11, 26);
    private static final SalesforceObject PAYMENTS = new SalesforceObject("Payment__c", "Amount__c", "Received_Date__c",
            "payments", "payment.amount");
    private static final SalesforceObject LEASES = new SalesforceObject("Lease__c", "Past_Due_Amount__c", null,
            "accounts", "lease.pastDueAmount");

    private static TestDatabase database;
    private JdbcTemplate jdbc;
    private LeaseWorksTotals totals;

    @BeforeAll
    static void start() {
        database = TestDatabase.h2();
    }

    @AfterAll
    static void stop() {
        database.close();
    }

    @BeforeEach
    void hub() {
        jdbc = new JdbcTemplate(database.freshSchema());
        totals = new LeaseWorksTotals(jdbc);
    }

    @Test
    void aDayTakesTheLatestFileThatCountedItAndDaysBeforeTheWindowAreLeftOut() {
        total("payments_1", "payments", 1, SINCE.minusDays(1), "payment.amount", 9, "900.00");
        total("payments_1", "payments", 1, SINCE, "payment.amount", 2, "150.00");
        total("payments_2", "payments", 2, SINCE, "payment.amount", 3, "250.00");
        total("payments_2", "payments", 2, SINCE, null, 3, null);
        total("payments_2", "payments", 2, SINCE.plusDays(1), "payment.amount", 1, "80.00");

        LeaseWorksFigures figures = totals.of(PAYMENTS, SINCE);

        assertThat(figures.whole()).isNull();
        assertThat(figures.byDay()).containsOnlyKeys(SINCE, SINCE.plusDays(1));
        assertThat(figures.byDay().get(SINCE)).isEqualTo(new Tally(3, new BigDecimal("250.00")));
        assertThat(figures.byDay().get(SINCE.plusDays(1))).isEqualTo(new Tally(1, new BigDecimal("80.00")));
    }

    @Test
    void anObjectWithoutADayTakesTheLatestFilesWholeTotalAndCountsItsExportsOpenQuarantinedRows() {
        total("accounts_1", "accounts", 1, null, "lease.pastDueAmount", 4, "1000.00");
        total("accounts_2", "accounts", 2, null, "lease.pastDueAmount", 5, "1234.50");
        total("accounts_2", "accounts", 2, SINCE, "lease.pastDueAmount", 5, "1234.50");
        quarantined("leaseworks-accounts", "accounts row", "OPEN");
        quarantined("leaseworks-accounts", "accounts row", "OPEN");
        quarantined("leaseworks-accounts", "accounts row", "REPLAYED");
        quarantined("leaseworks-payments", "payments row", "OPEN");

        LeaseWorksFigures figures = totals.of(LEASES, SINCE);

        assertThat(figures.whole()).isEqualTo(new Tally(5, new BigDecimal("1234.50")));
        assertThat(figures.byDay()).isEmpty();
        assertThat(figures.quarantined()).isEqualTo(2);
        assertThat(totals.of(new SalesforceObject("Account", null, null, null, null), SINCE)).isEqualTo(new LeaseWorksFigures(null, Map.of(), 0));
    }

    @Test
    void theCheckOfADayShowsLeaseWorksBesideTheHubAndSaysWhenTheyDisagree() {
        Tally hub = new Tally(2, new BigDecimal("150.00"));
        ObjectCheck check = new ObjectCheck("Payment__c", hub, hub, 0, 0, 0, List.of(new ObjectCheck.DayCheck(SINCE, hub, hub)), List.of());

        ObjectCheck withSource = check.withSource(new LeaseWorksFigures(null, Map.of(SINCE, new Tally(3, new BigDecimal("250.00"))), 1));

        assertThat(withSource.quarantined()).isEqualTo(1);
        assertThat(withSource.days().get(0).matches()).isTrue();
        assertThat(withSource.days().get(0).matchesLeaseWorks()).isFalse();
        assertThat(check.days().get(0).matchesLeaseWorks()).as("no totals, nothing to disagree with").isTrue();
    }

    private void total(String file, String export, long run, LocalDate day, String measure, long rows, String amount) {
        jdbc.update("insert into export_file_total (file_key, export, run_id, total_day, measure, row_count, amount) values (?, ?, ?, ?, ?, ?, ?)",
                file, export, run, day, measure, rows, amount == null ? null : new BigDecimal(amount));
    }

    private void quarantined(String flow, String recordType, String status) {
        Timestamp now = Timestamp.from(Instant.now());
        jdbc.update("""
                insert into dead_letter (dedup_key, flow, record_type, record_key, reason, status, created_at, updated_at)
                values (?, ?, ?, 'L-1', 'Days Past Due is not a number', ?, ?, ?)""",
                UUID.randomUUID().toString(), flow, recordType, status, now, now);
    }
}
