package io.leasebridge.ingest;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.leasebridge.LeaseBridgeApplication;
import io.leasebridge.salesforce.SalesforceWireMock;
import io.leasebridge.testing.HubTables;
import io.leasebridge.testing.LeaseWorksExports;
import io.leasebridge.testing.TestProperties;
import org.apache.camel.test.spring.junit5.CamelSpringBootTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each export file's rows and sums are counted as it is read and kept with its run; where the lessor's export writes
 * a control file, a file it disagrees with (or that lacks it) is stored row by row but means nothing by absence.
 */
@CamelSpringBootTest
@SpringBootTest(classes = LeaseBridgeApplication.class)
@ExtendWith(OutputCaptureExtension.class)
class ControlTotalsTest {

    private static final WireMockServer salesforce = SalesforceWireMock.start();

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        TestProperties.parked(registry, salesforce, "control-totals");
        registry.add("leasebridge.leaseworks.mapping-file", ControlTotalsTest::fieldMapWithControlFiles);
    }

    @RegisterExtension
    static final ExportIntake intake = new ExportIntake();

    @Autowired
    LeaseWorksExportIngest ingest;
    @Autowired
    JdbcTemplate jdbc;

    @AfterAll
    static void stopSalesforce() {
        salesforce.stop();
    }

    @BeforeEach
    void emptyTotals() {
        jdbc.update("delete from export_file_total");
    }

    @Test
    void aPaymentsFileKeepsItsRowsAndAmountsPerDayWithItsRunWhenItsControlFileAgrees() {
        intake.read("payments", "payments_20261201.csv", LeaseWorksExports.payments()
                .payment("P-1", "L-1", "100.00", "11/30/2026")
                .payment("P-2", "L-1", "1250.50", "11/30/2026")
                .payment("P-3", "L-2", "20.00", "12/01/2026"), "Record Count,Total Amount\n3,\"1,370.50\"\n");

        assertThat(totalsOf("payments_20261201.csv")).containsExactly("null null 3 null", "null payment.amount 3 1370.50",
                        "2026-11-30 null 2 null", "2026-11-30 payment.amount 2 1350.50",
                        "2026-12-01 null 1 null", "2026-12-01 payment.amount 1 20.00");
        assertThat(jdbc.queryForObject("select note from export_file where file_name = 'payments_20261201.csv'", String.class)).isNull();
    }

    @Test
    void anAmountNoTotalCanKeepQuarantinesOnlyItsRowAndTheFileFinishesWithTotalsThatLeaveItOut() {
        intake.read("payments", "payments_20261201.csv", LeaseWorksExports.payments()
                .payment("P-1", "L-1", "10.00", "11/30/2026")
                .payment("P-2", "L-1", "4111111111111111111", "11/30/2026")
                .payment("P-3", "L-1", "", "11/30/2026")
                .payment("P-4", "L-1", "30.00", "11/30/2026"), "Record Count,Total Amount\n4,4111111111111111151.00\n");

        assertThat(jdbc.queryForList("select payment_id from payment order by payment_id", String.class)).containsExactly("P-1", "P-4");
        assertThat(jdbc.queryForList("select record_key, reason from dead_letter order by record_key"))
                .extracting(letter -> letter.get("RECORD_KEY") + ": " + letter.get("REASON"))
                .containsExactly("P-2: column 'Amount' (amount): more than 14 digits before the decimal point: 4111111111111111111.00",
                        "P-3: column 'Amount' (amount): required value is blank");
        assertThat(jdbc.queryForMap("select status, note from export_file where file_name = 'payments_20261201.csv'"))
                .containsEntry("STATUS", "DONE")
                .containsEntry("NOTE", "the control file payments_20261201.ctl disagrees: 'Total Amount' is 4111111111111111151.00, "
                        + "the rows' payment.amount sum to 40.00 (1 value could not be summed)");
        assertThat(jdbc.queryForList("select status from flow_run where flow = 'leaseworks-payments'", String.class))
                .containsExactly("SUCCEEDED");
        assertThat(totalsOf("payments_20261201.csv")).containsExactly("null null 4 null", "null payment.amount 4 40.00",
                "2026-11-30 null 4 null", "2026-11-30 payment.amount 4 40.00");
    }

    @Test
    void aSumOfValidAmountsBeyondWhatATotalKeepsIsKeptAsUnknownAndTheFileFinishes(CapturedOutput output) {
        LeaseWorksExports payments = LeaseWorksExports.payments();
        for (int i = 1; i <= 1_001; i++) {
            payments.payment("P-" + i, "L-1", "99999999999999.99", "11/30/2026");
        }

        intake.read("payments", "payments_20261201.csv", payments, "Record Count,Total Amount\n1001,100099999999999989.99\n");

        assertThat(HubTables.count(jdbc, "select count(*) from payment")).isEqualTo(1_001);
        assertThat(jdbc.queryForMap("select status, note from export_file where file_name = 'payments_20261201.csv'"))
                .as("the control file agrees with the exact sum").containsEntry("STATUS", "DONE").containsEntry("NOTE", null);
        assertThat(totalsOf("payments_20261201.csv")).containsExactly("null null 1001 null", "null payment.amount 1001 null",
                "2026-11-30 null 1001 null", "2026-11-30 payment.amount 1001 null");
        assertThat(output).contains("payments: the payment.amount sum is 100099999999999989.99, more than a control total can keep");
    }

    @Test
    void aPromiseSnapshotThatAgreesWithItsControlFileCancelsThePromiseItLacks() {
        twoLeasesWithPromises();

        intake.read("promises", "promises_20261202.csv", LeaseWorksExports.promises()
                .promise("L-1", "100.00", "12/20/2026", "jdoe", "12/01/2026 09:30"), "Record Count,Promised\n1,100.00\n");

        assertThat(jdbc.queryForList("select lease_id from promise where status = 'OPEN'", String.class)).containsExactly("L-1");
    }

    @Test
    void aPromiseSnapshotShortOfItsControlFilesRowsIsStoredButCancelsNothingAndItsRunSaysWhy(CapturedOutput output) {
        twoLeasesWithPromises();

        intake.read("promises", "promises_20261202.csv", LeaseWorksExports.promises()
                .promise("L-1", "120.00", "12/20/2026", "jdoe", "12/01/2026 09:30"), "Record Count,Promised\n2,220.00\n");

        assertThat(HubTables.count(jdbc, "select count(*) from promise_event where type = 'CANCELLED'")).isZero();
        assertThat(HubTables.count(jdbc, "select count(*) from promise where status = 'OPEN'")).isEqualTo(2);
        assertThat(HubTables.count(jdbc, "select count(*) from promise_event where type = 'AMENDED'")).as("its rows are stored").isEqualTo(1);
        String why = "the control file promises_20261202.ctl disagrees: 'Record Count' is 2, the file has 1 rows; "
                + "'Promised' is 220.00, the rows' promise.amount sum to 120.00";
        assertThat(jdbc.queryForObject("select note from export_file where file_name = 'promises_20261202.csv'", String.class)).isEqualTo(why);
        assertThat(output).contains("promises_20261202.csv: " + why);
    }

    @Test
    void aPromiseSnapshotWithoutItsControlFileCancelsNothing() {
        twoLeasesWithPromises();

        intake.read("promises", "promises_20261203.csv", LeaseWorksExports.promises()
                .promise("L-1", "100.00", "12/20/2026", "jdoe", "12/01/2026 09:30"), null);

        assertThat(HubTables.count(jdbc, "select count(*) from promise where status = 'OPEN'")).isEqualTo(2);
        assertThat(jdbc.queryForObject("select note from export_file where file_name = 'promises_20261203.csv'", String.class))
                .isEqualTo("its control file promises_20261203.ctl is missing");
    }

    /** The totals kept with a file's run, each as "day measure rows amount". */
    private List<String> totalsOf(String fileName) {
        long runId = jdbc.queryForObject("select run_id from export_file where file_name = ?", Long.class, fileName);
        return jdbc.queryForList("""
                select cast(total_day as varchar) as on_day, measure, row_count, cast(amount as varchar) as amount
                from export_file_total where run_id = ? order by total_day nulls first, measure nulls first""", runId).stream()
                .map(t -> t.get("on_day") + " " + t.get("measure") + " " + t.get("row_count") + " " + t.get("amount"))
                .toList();
    }

    private void twoLeasesWithPromises() {
        ingest.ingest("accounts", "accounts_20261201.csv", LeaseWorksExports.accounts()
                .lease("C-1", "Ada Lovelace", "L-1", 12).lease("C-1", "Ada Lovelace", "L-2", 12).stream());
        intake.read("promises", "promises_20261201.csv", LeaseWorksExports.promises()
                .promise("L-1", "100.00", "12/20/2026", "jdoe", "12/01/2026 09:30")
                .promise("L-2", "100.00", "12/20/2026", "jdoe", "12/01/2026 09:31"), "Record Count,Promised\n2,200.00\n");
        assertThat(HubTables.count(jdbc, "select count(*) from promise where status = 'OPEN'")).isEqualTo(2);
    }

    /** The shipped field map, with control files for payments and promises. */
    private static String fieldMapWithControlFiles() {
        return ExportIntake.shippedFieldMapWith(Map.of(
                "totals-by-day: payment.receivedDate }", "totals-by-day: payment.receivedDate,"
                        + " control: { file: \"{base}.ctl\", rows: \"Record Count\", sums: { payment.amount: \"Total Amount\" } } }",
                "totals: [ promise.amount ] }", "totals: [ promise.amount ],"
                        + " control: { file: \"{base}.ctl\", rows: \"Record Count\", sums: { promise.amount: \"Promised\" } } }"));
    }
}
