package io.leasebridge.ingest;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.leasebridge.LeaseBridgeApplication;
import io.leasebridge.salesforce.SalesforceWireMock;
import io.leasebridge.testing.HubTables;
import io.leasebridge.testing.LeaseWorksExports;
import io.leasebridge.testing.TestProperties;
import org.apache.camel.test.spring.junit5.CamelSpringBootTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * LeaseWorks exports the way real files arrive (hand-edited in a spreadsheet, cut short, with a value too
 * long or a stray comma): every row is stored or quarantined with its reason, nothing wrong is sent, and
 * personal data in columns the field map does not read goes nowhere. Run on H2 ({@link LeaseWorksIntakeTest}) and on
 * PostgreSQL ({@link LeaseWorksIntakePostgresIT}).
 */
@CamelSpringBootTest
@SpringBootTest(classes = LeaseBridgeApplication.class)
@ExtendWith(OutputCaptureExtension.class)
abstract class LeaseWorksIntakeContract {

    private static final WireMockServer salesforce = SalesforceWireMock.start();
    private static final String SSN = "123-45-6789";
    private static final String LICENCE = "D1234567";

    /** All but the hub's database, which each subclass gives in a {@code @DynamicPropertySource} of its own. */
    static void commonProperties(DynamicPropertyRegistry registry) {
        TestProperties.salesforceAndHub(registry, salesforce, "intake");
        registry.add("leasebridge.leaseworks.inbox", () -> System.getProperty("java.io.tmpdir") + "/leasebridge-intake-inbox");
        TestProperties.schedules(registry, TestProperties.NEVER);
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

    @Test
    void aRowCutShortIsQuarantinedWholeAndNothingOfItIsStoredOrSent() {
        ingest.ingest("accounts", "accounts_20261201.csv", LeaseWorksExports.accounts()
                .lease("C-1", "Ada Lovelace", "L-1", 12)
                .raw("C-2,Grace Hopper,555-0100,,grace@example.com,1 Main St,Arlington,VA,22201,America/New_York,Y,N,N,N,")
                .stream());

        assertThat(HubTables.count(jdbc, "select count(*) from customer where customer_id = 'C-2'")).isZero();
        assertThat(HubTables.count(jdbc, "select count(*) from sf_outbox where external_id = 'C-2'")).isZero();
        Map<String, Object> letter = jdbc.queryForMap("select error_code, reason, payload, source_line from dead_letter");
        assertThat(letter).containsEntry("error_code", "WRONG_COLUMN_COUNT").containsEntry("source_line", 3L);
        assertThat((String) letter.get("reason")).isEqualTo("expected 27 values (the header's columns), found 15: the row is cut short");
        assertThat(letter.get("payload")).as("values that may sit in the wrong columns are not kept").isNull();
    }

    @Test
    void aRowWithOneValueTooManyIsOneDeadLetterWithOneReason() {
        ingest.ingest("payments", "payments_20261201.csv", LeaseWorksExports.payments()
                .payment("P-1", "L-1", "100.00", "11/30/2026")
                .raw("P-2,L-1,1,200.00,11/30/2026,ACH,")
                .stream());

        assertThat(HubTables.count(jdbc, "select count(*) from payment")).isEqualTo(1);
        assertThat(jdbc.queryForList("select reason from dead_letter", String.class))
                .containsExactly("expected 6 values (the header's columns), found 7: an unquoted delimiter may have shifted the columns");
    }

    @Test
    void twoRowsWithTheSamePaymentIdAndOtherValuesAreBothQuarantinedAndTheHubKeepsWhatItHad() {
        ingest.ingest("payments", "payments_20261130.csv", LeaseWorksExports.payments().payment("P-1", "L-1", "100.00", "11/30/2026").stream());

        ingest.ingest("payments", "payments_20261201.csv", LeaseWorksExports.payments()
                .payment("P-1", "L-1", "150.00", "11/30/2026")
                .payment("P-2", "L-1", "20.00", "11/30/2026")
                .payment("P-1", "L-1", "175.00", "11/30/2026")
                .payment("P-2", "L-1", "20.00", "11/30/2026")
                .stream());

        assertThat(jdbc.queryForObject("select amount from payment where payment_id = 'P-1'", String.class)).isEqualTo("100.00");
        assertThat(HubTables.count(jdbc, "select count(*) from payment where payment_id = 'P-2'")).as("identical duplicates count once").isEqualTo(1);
        Map<String, Object> letter = jdbc.queryForMap("select record_key, attempts, error_code, reason from dead_letter");
        assertThat(letter).containsEntry("record_key", "P-1").containsEntry("error_code", "CONFLICTING_DUPLICATE")
                .as("both rows, one problem of one record").containsEntry("attempts", 2);
        assertThat((String) letter.get("reason")).contains("Payment ID").containsAnyOf("line 2", "line 4");
    }

    @Test
    void aPaymentWhoseValuesChangeAndComeBackInOneFileIsQuarantinedInEveryRowAndTheHubKeepsWhatItHad() {
        ingest.ingest("payments", "payments_20261130.csv", LeaseWorksExports.payments().payment("P-1", "L-1", "100.00", "11/30/2026").stream());

        ingest.ingest("payments", "payments_20261201.csv", LeaseWorksExports.payments()
                .payment("P-1", "L-1", "175.00", "11/30/2026")
                .payment("P-1", "L-1", "150.00", "11/30/2026")
                .payment("P-1", "L-1", "175.00", "11/30/2026")
                .stream());

        assertThat(jdbc.queryForObject("select amount from payment where payment_id = 'P-1'", String.class)).isEqualTo("100.00");
        assertThat(jdbc.queryForMap("select record_key, attempts, error_code from dead_letter"))
                .containsEntry("record_key", "P-1").containsEntry("error_code", "CONFLICTING_DUPLICATE").containsEntry("attempts", 3);
    }

    @Test
    void aBadRowRepeatedByEachDaysSnapshotIsOneDeadLetterSeenAgainAndClosedWhenTheRowArrivesValid() {
        for (String day : List.of("20261201", "20261202")) {
            ingest.ingest("accounts", "accounts_" + day + ".csv", LeaseWorksExports.accounts()
                    .raw("C-9,Bad Row,,,,,,,,,N,N,N,N,,L-9,ACTIVE,13/45/2026,12,0,0,0,1,,,jdoe,").stream());
        }
        Map<String, Object> letter = jdbc.queryForMap("select record_key, attempts, source_file, status from dead_letter");
        assertThat(letter).containsEntry("record_key", "L-9").containsEntry("attempts", 2)
                .containsEntry("source_file", "accounts_20261202.csv").containsEntry("status", "OPEN");

        ingest.ingest("accounts", "accounts_20261203.csv", LeaseWorksExports.accounts().lease("C-9", "Bad Row", "L-9", 12).stream());

        assertThat(jdbc.queryForObject("select status from dead_letter", String.class)).isEqualTo("RESOLVED");
        assertThat(HubTables.count(jdbc, "select count(*) from lease_account where lease_id = 'L-9'")).isEqualTo(1);
    }

    @Test
    void anOlderPromiseSnapshotReadAfterANewerOneChangesNothingAndSaysWhy() {
        ingest.ingest("promises", "promises_20261201.csv", olderSnapshot());
        ingest.ingest("promises", "promises_20261205.csv", LeaseWorksExports.promises()
                .promise("L-1", "150.00", "12/20/2026", "jdoe", "12/04/2026 10:00").stream());
        List<Map<String, Object>> ledger = jdbc.queryForList("select promise_id, type from promise_event order by sequence");
        List<Map<String, Object>> promises = jdbc.queryForList("select promise_id, status from promise order by promise_id");
        Map<String, Object> outbox = jdbc.queryForMap("select count(*) n, coalesce(sum(version), 0) versions from sf_outbox");
        assertThat(promises).extracting(p -> p.get("status")).containsExactlyInAnyOrder("CANCELLED", "CANCELLED", "OPEN");

        ingest.ingest("promises", "promises_20261201.csv", olderSnapshot());

        assertThat(jdbc.queryForList("select promise_id, type from promise_event order by sequence")).as("no ledger event").isEqualTo(ledger);
        assertThat(jdbc.queryForList("select promise_id, status from promise order by promise_id")).isEqualTo(promises);
        assertThat(jdbc.queryForMap("select count(*) n, coalesce(sum(version), 0) versions from sf_outbox")).isEqualTo(outbox);
        assertThat(jdbc.queryForList("select note from export_file where file_name = 'promises_20261201.csv' order by started_at",
                String.class)).last().asString().startsWith("older than promises_20261205.csv");
    }

    private static InputStream olderSnapshot() {
        return LeaseWorksExports.promises()
                .promise("L-1", "100.00", "12/10/2026", "jdoe", "11/30/2026 09:00")
                .promise("L-2", "80.00", "12/12/2026", "jdoe", "11/30/2026 09:30").stream();
    }

    @Test
    void aValueLongerThanItsSalesforceFieldIsQuarantinedNamingTheLimitAndTheRestOfTheFileIsStored() {
        ingest.ingest("payments", "payments_20261201.csv", LeaseWorksExports.payments()
                .payment("P-1", "L-1", "10.00", "11/30/2026")
                .raw("P-2,L-1,20.00,11/30/2026," + "x".repeat(300) + ",")
                .payment("P-3", "L-1", "30.00", "11/30/2026").stream());

        assertThat(jdbc.queryForList("select payment_id from payment order by payment_id", String.class)).containsExactly("P-1", "P-3");
        assertThat(jdbc.queryForObject("select reason from dead_letter where record_key = 'P-2'", String.class))
                .isEqualTo("column 'Payment Method' (method): longer than 255 characters (300)");
    }

    @Test
    void aPhoneThatIsNotAPhoneIsRefusedWithoutQuotingIt() {
        ingest.ingest("accounts", "accounts_20261201.csv", LeaseWorksExports.accounts()
                .raw("C-5,Ada Lovelace,call me maybe,,,,,,,,N,N,N,N,,L-5,ACTIVE,12/15/2026,12,0,0,0,1,,,jdoe,").stream());

        assertThat(jdbc.queryForObject("select reason from dead_letter", String.class))
                .startsWith("column 'Home Phone' (primaryPhone): does not match").endsWith("(13 characters)")
                .doesNotContain("call me maybe");
    }

    @Test
    void aBatchTheHubRefusesIsRetriedRowByRowAndOnlyTheGuiltyRowIsQuarantinedWithoutItsSql(CapturedOutput output) {
        jdbc.execute("alter table payment add constraint test_refuses_p3 check (payment_id <> 'P-3')");
        try {
            ingest.ingest("payments", "payments_20261201.csv", LeaseWorksExports.payments()
                    .payment("P-1", "L-1", "10.00", "11/30/2026").payment("P-2", "L-1", "20.00", "11/30/2026")
                    .payment("P-3", "L-1", "30.00", "11/30/2026").payment("P-4", "L-1", "40.00", "11/30/2026")
                    .stream());
        } finally {
            jdbc.execute("alter table payment drop constraint test_refuses_p3");
        }

        assertThat(jdbc.queryForList("select payment_id from payment order by payment_id", String.class))
                .containsExactly("P-1", "P-2", "P-4");
        Map<String, Object> letter = jdbc.queryForMap("select record_key, error_code, reason from dead_letter");
        assertThat(letter).containsEntry("record_key", "P-3").containsEntry("error_code", "HUB_REFUSED");
        assertThat((String) letter.get("reason")).startsWith("the hub refused the row: ").doesNotContainIgnoringCase("insert into");
        assertThat(output).contains("trying them one by one").doesNotContainIgnoringCase("insert into payment");
    }

    @Test
    void paymentsAndPromisesOfALeaseTheHubLacksWaitForItAndAreSentWhenItArrives() {
        ingest.ingest("payments", "payments_20261201.csv", LeaseWorksExports.payments().payment("P-7", "L-7", "70.00", "11/30/2026").stream());
        ingest.ingest("promises", "promises_20261201.csv",
                LeaseWorksExports.promises().promise("L-7", "300.00", "12/10/2026", "jdoe", "12/01/2026 09:30").stream());

        assertThat(HubTables.count(jdbc, "select count(*) from sf_outbox")).as("nothing of L-7 is sent").isZero();
        assertThat(jdbc.queryForList("select sobject || '#' || facet from sf_held order by 1", String.class))
                .contains("Payment__c#", "Promise_To_Pay__c#")
                .allSatisfy(held -> assertThat(held).doesNotStartWith("Account"));
        assertThat(jdbc.queryForList("select distinct parent_key from sf_held", String.class)).containsExactly("L-7");

        ingest.ingest("accounts", "accounts_20261202.csv", LeaseWorksExports.accounts().lease("C-7", "Ada Lovelace", "L-7", 12).stream());

        assertThat(HubTables.count(jdbc, "select count(*) from sf_held")).isZero();
        assertThat(jdbc.queryForList("select sobject from sf_outbox where status = 'PENDING'", String.class))
                .contains("Account", "Lease__c", "Payment__c", "Promise_To_Pay__c");
    }

    @Test
    void aPromiseSnapshotFarShorterThanTheLastCancelsNothing(CapturedOutput output) {
        ingest.ingest("accounts", "accounts_20261201.csv", LeaseWorksExports.accounts()
                .lease("C-1", "Ada Lovelace", "L-1", 12).lease("C-1", "Ada Lovelace", "L-2", 12)
                .lease("C-1", "Ada Lovelace", "L-3", 12).lease("C-1", "Ada Lovelace", "L-4", 12).stream());
        ingest.ingest("promises", "promises_20261201.csv", LeaseWorksExports.promises()
                .promise("L-1", "100.00", "12/20/2026", "jdoe", "12/01/2026 09:30")
                .promise("L-2", "100.00", "12/20/2026", "jdoe", "12/01/2026 09:31")
                .promise("L-3", "100.00", "12/20/2026", "jdoe", "12/01/2026 09:32")
                .promise("L-4", "100.00", "12/20/2026", "jdoe", "12/01/2026 09:33").stream());

        ingest.ingest("promises", "promises_20261202.csv", LeaseWorksExports.promises()
                .promise("L-1", "100.00", "12/20/2026", "jdoe", "12/01/2026 09:30").stream());

        assertThat(HubTables.count(jdbc, "select count(*) from promise_event where type = 'CANCELLED'")).isZero();
        assertThat(HubTables.count(jdbc, "select count(*) from promise where status = 'OPEN'")).isEqualTo(4);
        assertThat(output).contains("promises_20261202.csv: the file has 1 rows, fewer than 50% of the last accepted file's 4");
        assertThat(jdbc.queryForObject("select note from export_file where file_name = 'promises_20261202.csv'", String.class))
                .contains("fewer than 50%");
    }

    @Test
    void aBlankDoNotCallSendsDoNotCallToSalesforceWithItsSourceAndStoresTheRow() {
        ingest.ingest("accounts", "accounts_20261201.csv", LeaseWorksExports.accounts()
                .raw("C-9,Ada Lovelace,(312) 555-0100,,ada@example.com,1 Main St,Chicago,IL,60601,America/Chicago,,Y,Y,N,,"
                        + "L-9,ACTIVE,12/01/2026,3,10.00,0.00,18000.00,12,10/15/2026,450.00,jdoe,1HGCM82633A004352")
                .stream());

        assertThat(HubTables.count(jdbc, "select count(*) from dead_letter")).isZero();
        assertThat(jdbc.queryForMap("select do_not_call, preference_source from customer where customer_id = 'C-9'"))
                .containsEntry("do_not_call", true)
                .containsEntry("preference_source", "LeaseWorks; not allowed for want of a value: Do Not Call (blank)");
        assertThat(jdbc.queryForObject("select payload from sf_outbox where sobject = 'Account' and external_id = 'C-9'", String.class))
                .contains("\"Do_Not_Call__c\":true")
                .contains("\"Contact_Preference_Source__c\":\"LeaseWorks; not allowed for want of a value: Do Not Call (blank)\"");
    }

    @Test
    void anAccountsFileWithoutItsDoNotCallColumnIsRefusedNamingIt() {
        String header = LeaseWorksExports.ACCOUNTS_HEADER.replace("Do Not Call,", "");
        String row = "C-9,Ada Lovelace,(312) 555-0100,,ada@example.com,1 Main St,Chicago,IL,60601,America/Chicago,Y,Y,N,,"
                + "L-9,ACTIVE,12/01/2026,3,10.00,0.00,18000.00,12,10/15/2026,450.00,jdoe,1HGCM82633A004352";

        org.assertj.core.api.Assertions.assertThatThrownBy(() -> ingest.ingest("accounts", "accounts_20261201.csv",
                        new ByteArrayInputStream((header + "\n" + row + "\n").getBytes(StandardCharsets.UTF_8))))
                .isInstanceOf(ExportRefusedException.class).hasMessageContaining("Do Not Call");
        assertThat(HubTables.count(jdbc, "select count(*) from customer")).isZero();
    }

    @Test
    void aQuarantinedPromiseRowKeepsItsPromiseOpenUnconfirmedUntilItsReplaySettlesItAsOfTheFilesDay() {
        twoLeasesWithPromisesOnDecember1();

        ingest.ingest("promises", "promises_20261202.csv", LeaseWorksExports.promises()
                .promise("L-1", "100.00", "12/20/2026", "jdoe", "12/01/2026 09:30")
                .promise("L-2", "1O0.00", "12/22/2026", "jdoe", "12/02/2026 10:00").stream());

        assertThat(jdbc.queryForObject("select record_key from dead_letter", String.class)).isEqualTo("L-2");
        assertThat(HubTables.count(jdbc, "select count(*) from promise_event where type = 'CANCELLED'")).isZero();
        assertThat(jdbc.queryForObject("select status from promise where lease_id = 'L-2'", String.class)).isEqualTo("UNCONFIRMED");
        assertThat(jdbc.queryForObject("select payload from sf_outbox where sobject = 'Promise_To_Pay__c' and external_id = ?",
                String.class, "PTP-L-2-20261201T153100Z")).contains("\"Status__c\":\"UNCONFIRMED\"");

        ingest.replay("promises", new io.leasebridge.mapping.SourceRow("promises_20261202.csv", 3, Map.of(
                "Contract Number", "L-2", "Promise Amount", "100.00", "Promise Date", "12/22/2026",
                "Promise Entered By", "jdoe", "Promise Entered At", "12/02/2026 10:00")), 0);

        assertThat(jdbc.queryForList("select type || ' ' || occurred_on from promise_event where lease_id = 'L-2' order by sequence",
                String.class)).containsExactly("MADE 2026-12-01", "UNCONFIRMED 2026-12-02", "CONFIRMED 2026-12-02",
                "CANCELLED 2026-12-02", "MADE 2026-12-02");
        assertThat(jdbc.queryForObject("select status from promise where promise_id = 'PTP-L-2-20261202T160000Z'", String.class))
                .isEqualTo("OPEN");
    }

    private void twoLeasesWithPromisesOnDecember1() {
        ingest.ingest("accounts", "accounts_20261201.csv", LeaseWorksExports.accounts()
                .lease("C-1", "Ada Lovelace", "L-1", 12).lease("C-1", "Ada Lovelace", "L-2", 12).stream());
        ingest.ingest("promises", "promises_20261201.csv", LeaseWorksExports.promises()
                .promise("L-1", "100.00", "12/20/2026", "jdoe", "12/01/2026 09:30")
                .promise("L-2", "150.00", "12/20/2026", "jdoe", "12/01/2026 09:31").stream());
    }

    @Test
    void anSsnAndALicenceNumberInUnmappedColumnsReachNoTableAndNoLogLineEvenWhenShiftedIntoMappedOnes(CapturedOutput output) {
        String header = LeaseWorksExports.ACCOUNTS_HEADER + ",Driver License";
        String good = "C-1,Ada Lovelace,555-201-0100,,ada@example.com,1 Main St,Arlington,VA,22201,America/New_York,N,N,Y,Y,"
                + SSN + ",L-1,ACTIVE,12/15/2026,12,450.00,25.00,9000.00,10,11/15/2026,450.00,jdoe,," + LICENCE;
        String shifted = "C-2,Hopper, Grace,555-201-0101,,grace@example.com,2 Main St,Arlington,VA,22201,America/New_York,N,N,Y,Y,"
                + SSN + ",L-2,ACTIVE,12/15/2026,12,450.00,25.00,9000.00,10,11/15/2026,450.00,jdoe,," + LICENCE;
        String cut = "C-3,Alan Turing,555-201-0102,,alan@example.com,3 Main St,Arlington,VA,22201,America/New_York,N,N,Y,Y," + SSN;
        String badDate = "C-4,Mary Jackson,555-201-0103,,mary@example.com,4 Main St,Arlington,VA,22201,America/New_York,N,N,Y,Y,"
                + SSN + ",L-4,ACTIVE,13/45/2026,12,450.00,25.00,9000.00,10,11/15/2026,450.00,jdoe,," + LICENCE;
        String text = String.join("\n", header, good, shifted, cut, badDate) + "\n";

        ingest.ingest("accounts", "accounts_20261201.csv", new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)));

        assertThat(HubTables.count(jdbc, "select count(*) from lease_account")).isEqualTo(1);
        assertThat(HubTables.count(jdbc, "select count(*) from dead_letter")).isEqualTo(3);
        for (String secret : List.of(SSN, "123456789", LICENCE)) {
            assertThat(HubTextScan.rowsContaining(jdbc, secret)).as("rows holding " + secret).isEmpty();
            assertThat(output).doesNotContain(secret);
        }
        String payload = jdbc.queryForObject("select payload from dead_letter where source_line = 5", String.class);
        assertThat(payload).contains("\"Contract Number\":\"L-4\"").doesNotContain("Mary Jackson").doesNotContain("SSN");
    }

    @Test
    void aCardNumberAcrossTheEndOfAQuarantinedRowsKeptTextIsMaskedNotCutInHalf() {
        String card = "4111111111111111";
        String text = "x".repeat(991) + " " + card + " tail";

        ingest.ingest("notes", "notes_20261201.csv", LeaseWorksExports.notes().raw("N-1,L-1,jdoe,13/45/2026 09:30," + text).stream());

        String payload = jdbc.queryForObject("select payload from dead_letter", String.class);
        assertThat(payload).contains("\"Note ID\":\"N-1\"").doesNotContain("41111111");
    }

    @Test
    void anEmptyExportIsARunWithNoRowsAndAWarning(CapturedOutput output) {
        ingest.ingest("payments", "payments_20261201.csv", new ByteArrayInputStream(new byte[0]));
        ingest.ingest("payments", "payments_20261202.csv", LeaseWorksExports.payments().stream());

        assertThat(jdbc.queryForList("select status, note from export_file order by file_name"))
                .extracting(r -> r.get("STATUS") + " " + r.get("NOTE"))
                .containsExactly("DONE empty export", "DONE empty export");
        assertThat(HubTables.count(jdbc, "select count(*) from flow_run where status = 'SUCCEEDED' and rows_read = 0")).isEqualTo(2);
        assertThat(output).contains("payments_20261201.csv is an empty export (no rows)");
    }
}
