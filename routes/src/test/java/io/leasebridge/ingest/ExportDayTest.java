package io.leasebridge.ingest;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.leasebridge.LeaseBridgeApplication;
import io.leasebridge.hub.ExportFiles;
import io.leasebridge.salesforce.SalesforceWireMock;
import io.leasebridge.testing.HubTables;
import io.leasebridge.testing.LeaseWorksExports;
import io.leasebridge.testing.TestProperties;
import org.apache.camel.test.spring.junit5.CamelSpringBootTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.time.LocalDate;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A deployment whose export file names carry no date dates its files by a column ({@code files.<export>.as-of-column}):
 * the payments a file shows whole, the snapshot a later one supersedes, follow that day; the name stays the fallback.
 */
@CamelSpringBootTest
@SpringBootTest(classes = LeaseBridgeApplication.class)
class ExportDayTest {

    private static final WireMockServer salesforce = SalesforceWireMock.start();
    private static final String PAYMENTS = "Payment ID,Contract Number,Amount,Received Date,Payment Method,Reversal Of,Export Date\n";
    private static final String PROMISES = "Contract Number,Promise Amount,Promise Date,Promise Entered By,Promise Entered At,Export Date\n";

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        TestProperties.parked(registry, salesforce, "export-day");
        registry.add("leasebridge.leaseworks.mapping-file", ExportDayTest::fieldMapWithExportDateColumns);
    }

    @RegisterExtension
    static final ExportIntake intake = new ExportIntake();

    @Autowired
    LeaseWorksExportIngest ingest;
    @Autowired
    ExportFiles exportFiles;
    @Autowired
    JdbcTemplate jdbc;

    @AfterAll
    static void stopSalesforce() {
        salesforce.stop();
    }

    @Test
    void aPaymentsFileWhoseNameHasNoDateIsDatedByItsExportDateColumnAndShowsThePaymentsOfTheDayBefore() {
        intake.read("payments", "payments.csv", PAYMENTS + "P-1,L-1,100.00,01/20/2026,ACH,,01/21/2026\n");

        assertThat(asOf("payments.csv")).isEqualTo(LocalDate.of(2026, 1, 21));
        assertThat(exportFiles.readThrough("payments")).contains(LocalDate.of(2026, 1, 20));
    }

    @Test
    void aFileSavedWithAByteOrderMarkOrItsColumnSpelledAsASpreadsheetDoesIsDatedByItsExportDateColumnToo() {
        intake.read("payments", "payments.csv", "\uFEFFExport Date,Payment ID,Contract Number,Amount,Received Date,Payment Method,"
                + "Reversal Of\n01/21/2026,P-1,L-1,100.00,01/20/2026,ACH,\n");
        intake.read("payments", "payments-2.csv", PAYMENTS.replace("Export Date", "EXPORT\u00A0DATE ")
                + "P-2,L-1,100.00,01/21/2026,ACH,,01/22/2026\n");

        assertThat(asOf("payments.csv")).isEqualTo(LocalDate.of(2026, 1, 21));
        assertThat(asOf("payments-2.csv")).isEqualTo(LocalDate.of(2026, 1, 22));
    }

    @Test
    void aFileWhoseExportDateIsBlankOrNotADateIsDatedByItsName() {
        intake.read("payments", "payments_20260125.csv", PAYMENTS + "P-1,L-1,100.00,01/20/2026,ACH,,\n");
        intake.read("payments", "payments_20260126.csv", PAYMENTS + "P-2,L-1,100.00,01/20/2026,ACH,,soon\n");

        assertThat(asOf("payments_20260125.csv")).isEqualTo(LocalDate.of(2026, 1, 25));
        assertThat(asOf("payments_20260126.csv")).isEqualTo(LocalDate.of(2026, 1, 26));
    }

    @Test
    void aSnapshotOfAnEarlierExportDateReadAfterALaterOneCancelsNothing() {
        ingest.ingest("accounts", "accounts_20260120.csv", LeaseWorksExports.accounts()
                .lease("C-1", "Ada Lovelace", "L-1", 12).lease("C-1", "Ada Lovelace", "L-2", 12).stream());
        intake.read("promises", "promises-current.csv", PROMISES
                + "L-1,100.00,02/20/2026,jdoe,01/20/2026 09:30,01/22/2026\n"
                + "L-2,100.00,02/20/2026,jdoe,01/20/2026 09:31,01/22/2026\n");
        // the transfer of the day before arrives late, without L-2's promise, which was entered after it ran
        intake.read("promises", "promises-late.csv", PROMISES + "L-1,100.00,02/20/2026,jdoe,01/20/2026 09:30,01/21/2026\n");

        assertThat(HubTables.count(jdbc, "select count(*) from promise where status = 'OPEN'")).isEqualTo(2);
        assertThat(jdbc.queryForObject("select note from export_file where file_name = 'promises-late.csv'", String.class))
                .contains("older than promises-current.csv");
    }

    private LocalDate asOf(String fileName) {
        return jdbc.queryForObject("select as_of from export_file where file_name = ?", java.sql.Date.class, fileName).toLocalDate();
    }

    /** The shipped field map, the payments and promise files dated by their "Export Date" column. */
    private static String fieldMapWithExportDateColumns() {
        return ExportIntake.shippedFieldMapWith(Map.of(
                "totals-by-day: payment.receivedDate }", "totals-by-day: payment.receivedDate, as-of-column: \"Export Date\" }",
                "totals: [ promise.amount ] }", "totals: [ promise.amount ], as-of-column: \"Export Date\" }"));
    }
}
