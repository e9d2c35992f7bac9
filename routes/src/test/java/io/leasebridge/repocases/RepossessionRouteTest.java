package io.leasebridge.repocases;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetupTest;
import io.leasebridge.LeaseBridgeApplication;
import io.leasebridge.mapping.FieldSpec;
import io.leasebridge.mapping.LeaseWorksMapping;
import io.leasebridge.replay.DeadLetterReplay;
import io.leasebridge.flow.ReplayOutcome;
import io.leasebridge.salesforce.SalesforceOutboxDrainRoute;
import io.leasebridge.salesforce.SalesforceWireMock;
import io.leasebridge.testing.HubTables;
import io.leasebridge.testing.TestProperties;
import io.leasebridge.vehicles.LeaseWorksVehicleImport;
import io.leasebridge.vehicles.VehicleSync;
import jakarta.mail.internet.MimeMessage;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.test.spring.junit5.CamelSpringBootTest;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.patch;
import static com.github.tomakehurst.wiremock.client.WireMock.patchRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Vehicles and repossession cases end to end against Salesforce on WireMock (SOQL pages in Salesforce's
 * query format) and a real SMTP server (GreenMail) for the repo orders.
 */
@CamelSpringBootTest
@SpringBootTest(classes = LeaseBridgeApplication.class)
class RepossessionRouteTest {

    private static final WireMockServer salesforce = SalesforceWireMock.start();
    private static final GreenMail mail = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
    private static final Path outbox;
    private static final String QUERY = "/services/data/v62.0/query/?";
    private static final String NEXT_PAGE = "/services/data/v62.0/query/01gD0000002HU6KIAW-2000";
    private static final String CASE_UPDATE = "/services/data/v62.0/composite/sobjects";

    static {
        mail.start();
        try {
            outbox = Files.createTempDirectory("leasebridge-vehicle-import");
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        TestProperties.salesforceAndHub(registry, salesforce, "repossession");
        TestProperties.schedules(registry, TestProperties.NEVER);
        registry.add("leasebridge.repo.mail.endpoint", () -> "smtp://localhost:" + mail.getSmtp().getPort());
        registry.add("leasebridge.leaseworks.vehicle-import.endpoint", () -> "file:" + outbox + "?tempPrefix=.inprogress-");
        registry.add("leasebridge.leaseworks.adjustment-import.endpoint",
                () -> "file:" + outbox + "?tempPrefix=.inprogress-&fileExist=Override");
    }

    @Autowired
    VehicleSync vehicles;
    @Autowired
    LeaseWorksVehicleImport vehicleImport;
    @Autowired
    RepoCaseSync cases;
    @Autowired
    RepoAdjustmentImport adjustmentImport;
    @Autowired
    RepoOrderMail orders;
    @Autowired
    ProducerTemplate producer;
    @Autowired
    DeadLetterReplay replay;
    @Autowired
    JdbcTemplate jdbc;

    @AfterAll
    static void stopServers() {
        salesforce.stop();
        mail.stop();
    }

    @BeforeEach
    void emptyHubSalesforceAndMail() throws Exception {
        HubTables.clear(jdbc);
        salesforce.resetAll();
        SalesforceWireMock.stubLogin(salesforce);
        salesforce.stubFor(patch(urlPathEqualTo(SalesforceWireMock.upsertPath("Vehicle__c", "VIN__c")))
                .willReturn(SalesforceWireMock.json(200, SalesforceWireMock.body("collections-upsert-results.json"))));
        salesforce.stubFor(patch(urlPathEqualTo(CASE_UPDATE))
                .willReturn(SalesforceWireMock.json(200, SalesforceWireMock.body("collections-update-one-result.json"))));
        stubQuery("FROM Vehicle__c", "vehicles-page-1.json");
        salesforce.stubFor(get(urlPathEqualTo(NEXT_PAGE))
                .willReturn(SalesforceWireMock.json(200, SalesforceWireMock.body("vehicles-page-2.json"))));
        stubQuery("FROM CaseHistory", "query-empty.json");
        mail.purgeEmailFromAllMailboxes();
        try (Stream<Path> files = Files.list(outbox)) {
            for (Path file : files.toList()) {
                Files.delete(file);
            }
        }
    }

    @Test
    void vehiclesAreReadAcrossPagesAndWrittenToOneImportFileColumnByColumn() throws IOException {
        vehicles.read();

        assertThat(salesforce.findAll(getRequestedFor(urlPathEqualTo(NEXT_PAGE)))).hasSize(1);
        assertThat(jdbc.queryForList("select vin from vehicle order by vin", String.class))
                .containsExactly("1FTFW1ET9DFC10312", "2T1BURHE2JC074366");
        Map<String, Object> badVin = jdbc.queryForMap("select record_key, field, reason from dead_letter where flow = ?", VehicleSync.FLOW);
        assertThat(badVin).containsEntry("RECORD_KEY", "a05D000000Pq3AAAAZ").containsEntry("FIELD", "VIN__c");
        assertThat((String) badVin.get("REASON")).contains("Vehicle__c a05D000000Pq3AAAAZ", "check digit '3'", "'2'");

        String file = vehicleImport.write();

        List<FieldSpec> mapping = LeaseWorksMapping.load(Path.of(System.getProperty("leasebridge.config.dir", "../config"),
                "mappings", "leaseworks.yml")).importLayout("vehicles").records().get(0).fields();
        List<CSVRecord> rows = csv(outbox.resolve(file));
        assertThat(file).matches("vehicles-\\d{8}-\\d{6}\\.csv");
        assertThat(rows.get(0).toList()).as("header, in mapping order").isEqualTo(mapping.stream().map(FieldSpec::column).toList());
        Map<String, String> ford = row(rows, 1);
        assertThat(ford).containsEntry("VIN", "1FTFW1ET9DFC10312").containsEntry("Contract Number", "L-1001")
                .containsEntry("Year", "2013").containsEntry("Make", "Ford").containsEntry("Model", "F-150 XLT")
                .containsEntry("Unit Number", "U-0417").containsEntry("Disposition", "ACTIVE")
                .containsEntry("Title Status", "RECEIVED").containsEntry("Market Value", "14250.00")
                .containsEntry("Condition", "Fair").containsEntry("GPS Provider", "PASSTIME").containsEntry("GPS Device", "PT-884120");
        Map<String, String> toyota = row(rows, 2);
        assertThat(toyota).containsEntry("VIN", "2T1BURHE2JC074366").containsEntry("Unit Number", "")
                .containsEntry("Market Value", "11800.50").containsEntry("Condition", "");
        assertThat(rows).hasSize(3);
        assertThat(outbox).isDirectoryNotContaining("glob:**/.inprogress-*");
        assertThat(jdbc.queryForMap("""
                select title_status, title_requested_date, title_received_date, title_transferred_date from vehicle
                where vin = '1FTFW1ET9DFC10312'"""))
                .containsEntry("TITLE_STATUS", "RECEIVED").containsEntry("TITLE_REQUESTED_DATE", java.sql.Date.valueOf("2026-11-02"))
                .containsEntry("TITLE_RECEIVED_DATE", java.sql.Date.valueOf("2026-11-16")).containsEntry("TITLE_TRANSFERRED_DATE", null);
    }

    @Test
    void aQuarantinedVehicleIsReplayedOnceARepCorrectedItsVinInSalesforce() {
        vehicles.read();
        long deadLetter = jdbc.queryForObject("select id from dead_letter where flow = ?", Long.class, VehicleSync.FLOW);

        stubQuery("WHERE Id = 'a05D000000Pq3AAAAZ'", "vehicles-page-2.json");
        ReplayOutcome stillWrong = replay.replay(deadLetter);
        stubQuery("WHERE Id = 'a05D000000Pq3AAAAZ'", "vehicle-corrected.json");
        ReplayOutcome corrected = replay.replay(deadLetter);

        assertThat(stillWrong.replayed()).isFalse();
        assertThat(stillWrong.detail()).contains("check digit '3'");
        assertThat(corrected.replayed()).isTrue();
        assertThat(jdbc.queryForObject("select status from dead_letter where id = ?", String.class, deadLetter)).isEqualTo("REPLAYED");
        assertThat(jdbc.queryForObject("select model from vehicle where vin = '1C4RJFBG2FC625797'", String.class))
                .isEqualTo("Grand Cherokee");
    }

    @Test
    void theOverlapWindowReadsRecordsAgainWithoutWritingThemAgain() {
        vehicles.read();
        String first = vehicleImport.write();

        vehicles.read();
        String second = vehicleImport.write();

        assertThat(first).isNotNull();
        assertThat(second).as("no change since the last file: no file, never an empty one").isNull();
        assertThat(outbox.toFile().list()).containsExactly(first);
        List<LoggedRequest> vehicleQueries = salesforce.findAll(getRequestedFor(urlPathMatching(QUERY)).withQueryParam("q", containing("FROM Vehicle__c")));
        assertThat(vehicleQueries.get(1).queryParameter("q").firstValue())
                .contains("SystemModstamp >= 2026-11-20T10:10:00Z", "ORDER BY SystemModstamp, Id");
        assertThat(vehicleQueries.get(0).queryParameter("q").firstValue()).contains("SystemModstamp >= 2000-01-01T00:00:00Z");
    }

    @Test
    void aCaseMovingFromPendingToOrderedSendsOneRepoOrderWithTheFiveFactsAndARerunSendsNone() throws Exception {
        caseOpened("case-pending.json");
        assertThat(vehicleDisposition()).isEqualTo("PENDING");

        salesforceShows("case-ordered.json", "history-pending-to-ordered.json");
        cases.read();
        orders.sendPending();

        MimeMessage[] received = mail.getReceivedMessages();
        assertThat(received).hasSize(1);
        assertThat(received[0].getAllRecipients()[0].toString()).isEqualTo("dispatch@lonestar-recovery.example");
        assertThat(received[0].getSubject()).contains("00001027", "2013 Ford F-150 XLT");
        assertThat(received[0].getMessageID()).isEqualTo("<repo-order.500D000000Rp1AAAAZ@leasebridge>");
        String order = GreenMailUtil.getBody(received[0]);
        assertThat(order).contains("Repo type: Involuntary", "Order date: 11/21/2026", "Payments made: 14",
                "Days past due: 47", "GPS status: REPORTING, last located at 32.776700, -96.797000 on 2026-11-21T09:00:00Z",
                "Vehicle: 2013 Ford F-150 XLT, VIN 1FTFW1ET9DFC10312, unit U-0417",
                "Garaging address: 4410 Gaston Ave, Dallas, TX 75246");
        assertThat(caseStatus()).isEqualTo("ORDERED");

        cases.read();
        orders.sendPending();
        drainToSalesforce();

        assertThat(mail.getReceivedMessages()).as("the same order is never sent twice").hasSize(1);
        assertThat(HubTables.count(jdbc, "select count(*) from repo_case_event where case_id = '500D000000Rp1AAAAZ'")).isEqualTo(2);
        List<LoggedRequest> caseWrites = salesforce.findAll(patchRequestedFor(urlPathEqualTo(CASE_UPDATE)));
        assertThat(caseWrites).hasSize(1);
        assertThat(caseWrites.get(0).getBodyAsString()).contains("\"Id\":\"500D000000Rp1AAAAZ\"", "Repo_Order__c",
                "Repo_Order_Sent_At__c", "Days past due: 47");
        List<LoggedRequest> dispositions = salesforce.findAll(patchRequestedFor(
                urlPathEqualTo(SalesforceWireMock.upsertPath("Vehicle__c", "VIN__c"))));
        assertThat(dispositions).hasSize(1);
        assertThat(dispositions.get(0).getBodyAsString()).contains("\"Disposition__c\":\"PENDING\"", "1FTFW1ET9DFC10312");
    }

    @Test
    void aCaseReadBeforeItsVehicleIsHeldForItNotRefusedAndTakenWithItsWholeHistoryOnceTheVehicleArrives() throws Exception {
        hubKnowsTheLease();
        salesforceShows("case-ordered.json", "history-pending-to-ordered.json");

        cases.read();
        orders.sendPending();

        assertThat(jdbc.queryForList("select vin from repo_case_held where case_id = '500D000000Rp1AAAAZ'", String.class))
                .containsExactly("1FTFW1ET9DFC10312");
        assertThat(HubTables.count(jdbc, "select count(*) from repo_case")).isZero();
        assertThat(HubTables.count(jdbc, "select count(*) from dead_letter")).as("held, not refused").isZero();
        assertThat(cases.lastReport()).containsExactly("case 00001027: held for its vehicle 1FTFW1ET9DFC10312 (not in the hub yet)");
        assertThat(mail.getReceivedMessages()).isEmpty();

        // the vehicle arrives; the change read has moved past the Case, so it is read again by its id
        vehicles.read();
        stubQuery("FROM Case ", "query-empty.json");
        stubQuery("WHERE Id = '500D000000Rp1AAAAZ'", "case-ordered.json");
        cases.read();
        orders.sendPending();
        cases.read();
        orders.sendPending();

        assertThat(caseStatus()).isEqualTo("ORDERED");
        assertThat(jdbc.queryForList("select to_status from repo_case_event where case_id = '500D000000Rp1AAAAZ' order by id",
                String.class)).containsExactly("PENDING", "ORDERED");
        assertThat(mail.getReceivedMessages()).as("its repo order, once").hasSize(1);
        assertThat(HubTables.count(jdbc, "select count(*) from repo_case_held")).isZero();
        assertThat(HubTables.count(jdbc, "select count(*) from dead_letter where flow = '" + RepoCaseSync.FLOW + "'")).isZero();
        assertThat(cases.lastReport()).isEmpty();
    }

    @Test
    void anOrderTheMailServerTookJustBeforeACrashIsResentOnceUnderTheSameMessageId() throws Exception {
        caseOrdered();
        orders.sendPending();
        // the process died after the mail server took the order and before SENT was committed
        jdbc.update("update repo_order set status = 'SENDING', sent_at = null where case_id = '500D000000Rp1AAAAZ'");

        orders.sendPending();
        orders.sendPending();

        MimeMessage[] received = mail.getReceivedMessages();
        assertThat(received).hasSize(2);
        assertThat(received).extracting(MimeMessage::getMessageID).containsOnly("<repo-order.500D000000Rp1AAAAZ@leasebridge>");
        assertThat(jdbc.queryForObject("select status from repo_order where case_id = '500D000000Rp1AAAAZ'", String.class))
                .isEqualTo("SENT");
    }

    @Test
    void anIllegalJumpIsNotAppliedAndItsReasonGoesBackToTheCaseOnce() {
        caseOpened("case-pending.json");

        salesforceShows("case-sold.json", "history-pending-to-sold.json");
        cases.read();
        drainToSalesforce();
        cases.read();
        drainToSalesforce();

        assertThat(caseStatus()).isEqualTo("PENDING");
        assertThat(HubTables.count(jdbc, "select count(*) from repo_sale")).isZero();
        Map<String, Object> refused = jdbc.queryForMap("select record_key, field, error_code, reason from dead_letter where flow = ?",
                RepoCaseSync.FLOW);
        assertThat(refused).containsEntry("RECORD_KEY", "500D000000Rp1AAAAZ").containsEntry("FIELD", "Repo_Status__c")
                .containsEntry("ERROR_CODE", "ILLEGAL_TRANSITION");
        assertThat((String) refused.get("REASON")).contains("Case 00001027", "PENDING -> SOLD");
        List<LoggedRequest> caseWrites = salesforce.findAll(patchRequestedFor(urlPathEqualTo(CASE_UPDATE)));
        assertThat(caseWrites).as("the refusal is written back once, not on every read").hasSize(1);
        assertThat(caseWrites.get(0).getBodyAsString()).contains("Integration_Error__c", "PENDING -> SOLD");
        assertThat(mail.getReceivedMessages()).isEmpty();
    }

    @Test
    void aVoluntaryReturnDroppedOffGoesFromPendingToRecoveredWithoutARepoOrder() {
        caseOpened("case-voluntary-pending.json");

        salesforceShows("case-voluntary-recovered.json", "history-pending-to-recovered.json");
        cases.read();
        orders.sendPending();
        drainToSalesforce();

        assertThat(caseStatus()).isEqualTo("RECOVERED");
        assertThat(vehicleDisposition()).isEqualTo("REPOSSESSED");
        assertThat(HubTables.count(jdbc, "select count(*) from repo_order")).as("no agent order for a voluntary return").isZero();
        assertThat(mail.getReceivedMessages()).isEmpty();
        assertThat(HubTables.count(jdbc, "select count(*) from dead_letter where flow = '" + RepoCaseSync.FLOW + "'")).isZero();
        List<LoggedRequest> dispositions = salesforce.findAll(patchRequestedFor(
                urlPathEqualTo(SalesforceWireMock.upsertPath("Vehicle__c", "VIN__c"))));
        assertThat(dispositions).extracting(LoggedRequest::getBodyAsString)
                .anySatisfy(body -> assertThat(body).contains("\"Disposition__c\":\"REPOSSESSED\"", "1FTFW1ET9DFC10312"));
        assertThat(salesforce.findAll(getRequestedFor(urlPathMatching(QUERY))).stream()
                .map(r -> r.queryParameter("q").firstValue()).filter(q -> q.contains("FROM Case ")).findFirst().orElseThrow())
                .contains("Drop_Off_Date__c", "Drop_Off_Location__c");
    }

    @Test
    void anInvoluntaryRepossessionRecoveredWithoutAnOrderIsRefusedAndTheCaseToldWhy() {
        caseOpened("case-pending.json");

        salesforceShows("case-recovered-without-order.json", "history-pending-to-recovered.json");
        cases.read();
        drainToSalesforce();

        assertThat(caseStatus()).isEqualTo("PENDING");
        assertThat(vehicleDisposition()).isEqualTo("PENDING");
        List<LoggedRequest> caseWrites = salesforce.findAll(patchRequestedFor(urlPathEqualTo(CASE_UPDATE)));
        assertThat(caseWrites).hasSize(1);
        assertThat(caseWrites.get(0).getBodyAsString()).contains("Integration_Error__c",
                "PENDING -> RECOVERED is refused", "Repo_Type__c VOLUNTARY (it is INVOLUNTARY");
    }

    @Test
    void aLeaseBroughtCurrentIsReinstatedItsUnsentOrderWithdrawnItsVehicleActiveAgainAndItsChargesListedOnTheCase()
            throws Exception {
        caseOrdered();
        // the lessee paid before the order went out; the next LeaseWorks export shows the lease current
        jdbc.update("update lease_account set days_past_due = 0 where lease_id = 'L-1001'");

        salesforceShows("case-reinstated.json", "history-ordered-to-reinstated.json");
        cases.read();
        orders.sendPending();
        drainToSalesforce();
        String file = vehicleImport.write();

        assertThat(caseStatus()).isEqualTo("REINSTATED");
        assertThat(jdbc.queryForObject("select status from repo_order where case_id = '500D000000Rp1AAAAZ'", String.class))
                .isEqualTo("WITHDRAWN");
        assertThat(mail.getReceivedMessages()).as("the withdrawn order never reaches the agent").isEmpty();
        assertThat(HubTables.count(jdbc, "select count(*) from repo_order_recall")).as("nothing to recall").isZero();
        assertThat(vehicleDisposition()).isEqualTo("ACTIVE");
        assertThat(row(csv(outbox.resolve(file)), 1)).containsEntry("VIN", "1FTFW1ET9DFC10312").containsEntry("Disposition", "ACTIVE");
        List<LoggedRequest> dispositions = salesforce.findAll(patchRequestedFor(
                urlPathEqualTo(SalesforceWireMock.upsertPath("Vehicle__c", "VIN__c"))));
        assertThat(dispositions.get(dispositions.size() - 1).getBodyAsString())
                .contains("\"Disposition__c\":\"ACTIVE\"", "1FTFW1ET9DFC10312");
        List<LoggedRequest> caseWrites = salesforce.findAll(patchRequestedFor(urlPathEqualTo(CASE_UPDATE)));
        assertThat(caseWrites).extracting(LoggedRequest::getBodyAsString).anySatisfy(body -> assertThat(body)
                .contains("\"Id\":\"500D000000Rp1AAAAZ\"",
                        "\"Reinstatement_Charges__c\":\"Repo agent fee (Lone Star Recovery LLC): 425.00\\nTotal charged to the lessee: 425.00\""));
        assertThat(jdbc.queryForObject("select action from repo_case_event where case_id = '500D000000Rp1AAAAZ'"
                + " and to_status = 'REINSTATED'", String.class))
                .contains("unsent repo order withdrawn", "reinstated (lease current)", "charges to the lessee: 425.00");
    }

    @Test
    void aReinstatedCaseWhoseOrderWasMailedGetsOneRecallThreadedToTheOrderAndTheCaseNotesItAndARerunSendsNoMore()
            throws Exception {
        orderMailedThen("case-reinstated.json", "history-ordered-to-reinstated.json");
        cases.read();
        orders.sendPending();
        drainToSalesforce();

        MimeMessage[] received = mail.getReceivedMessages();
        assertThat(received).as("the order, then one recall").hasSize(2);
        MimeMessage recall = received[1];
        assertThat(recall.getAllRecipients()[0].toString()).isEqualTo("dispatch@lonestar-recovery.example");
        assertThat(recall.getMessageID()).isEqualTo("<repo-order-recall.500D000000Rp1AAAAZ@leasebridge>");
        assertThat(recall.getHeader("In-Reply-To")).containsExactly("<repo-order.500D000000Rp1AAAAZ@leasebridge>");
        assertThat(recall.getHeader("References")).containsExactly("<repo-order.500D000000Rp1AAAAZ@leasebridge>");
        assertThat(recall.getSubject()).startsWith("STOP:").contains("00001027", "1FTFW1ET9DFC10312");
        assertThat(GreenMailUtil.getBody(recall))
                .contains("STOP: repossession order for case 00001027, VIN 1FTFW1ET9DFC10312, lease L-1001, is recalled:"
                        + " the lease was reinstated on 2026-11-23")
                .doesNotContain("Marcus Bell", "Gaston");
        assertThat(jdbc.queryForObject("select action from repo_case_event where case_id = '500D000000Rp1AAAAZ'"
                + " and to_status = 'REINSTATED'", String.class)).contains("repo order recalled from its agent");
        assertThat(salesforce.findAll(patchRequestedFor(urlPathEqualTo(CASE_UPDATE))))
                .extracting(LoggedRequest::getBodyAsString).anySatisfy(body -> assertThat(body)
                        .contains("\"Id\":\"500D000000Rp1AAAAZ\"", "Days past due: 47", "Recall sent 2026-",
                                "STOP: repossession order for case 00001027"));
    }

    @Test
    void aCaseCancelledAfterItsOrderWasMailedGetsOneRecall() throws Exception {
        orderMailedThen("case-cancelled.json", "history-ordered-to-cancelled.json");

        MimeMessage[] received = mail.getReceivedMessages();
        assertThat(received).as("the order, then one recall").hasSize(2);
        assertThat(received[1].getHeader("In-Reply-To")).containsExactly("<repo-order.500D000000Rp1AAAAZ@leasebridge>");
        assertThat(GreenMailUtil.getBody(received[1])).contains("is recalled: the case was cancelled on 2026-11-23");
    }

    @Test
    void aRecallWaitsForAnOrderThatMayHaveReachedTheMailServerAndFollowsItOnce() throws Exception {
        caseOrdered();
        // another node is mailing the order when the rep reinstates the case
        jdbc.update("update repo_order set status = 'SENDING', message_id = '<repo-order.500D000000Rp1AAAAZ@leasebridge>',"
                + " claimed_by = 'node-b', claimed_until = ? where case_id = '500D000000Rp1AAAAZ'",
                Timestamp.from(Instant.parse("2099-01-01T00:00:00Z")));
        jdbc.update("update lease_account set days_past_due = 0 where lease_id = 'L-1001'");
        salesforceShows("case-reinstated.json", "history-ordered-to-reinstated.json");
        cases.read();

        orders.sendPending();
        assertThat(mail.getReceivedMessages()).as("no recall ahead of the order it recalls").isEmpty();

        // node B died before SENT was committed; its claim ends and the order goes again, then its recall
        jdbc.update("update repo_order set claimed_by = null, claimed_until = null where case_id = '500D000000Rp1AAAAZ'");
        orders.sendPending();
        orders.sendPending();

        assertThat(mail.getReceivedMessages()).extracting(MimeMessage::getMessageID).containsExactly(
                "<repo-order.500D000000Rp1AAAAZ@leasebridge>", "<repo-order-recall.500D000000Rp1AAAAZ@leasebridge>");
    }

    /** The case goes from PENDING to ORDERED on a lease the hub knows, and its repo order is queued. */
    private void caseOrdered() {
        caseOpened("case-pending.json");
        salesforceShows("case-ordered.json", "history-pending-to-ordered.json");
        cases.read();
    }

    /** The case's order is mailed to its agent; then the case takes the given step and the recall goes out. */
    private void orderMailedThen(String caseFile, String historyFile) {
        caseOrdered();
        orders.sendPending();
        jdbc.update("update lease_account set days_past_due = 0 where lease_id = 'L-1001'");

        salesforceShows(caseFile, historyFile);
        cases.read();
        orders.sendPending();
        cases.read();
        orders.sendPending();
    }

    @Test
    void aLeaseStillPastDueIsNotReinstatedWithoutARepsReason() {
        caseOrdered();

        salesforceShows("case-reinstated.json", "history-ordered-to-reinstated.json");
        cases.read();
        drainToSalesforce();

        assertThat(caseStatus()).isEqualTo("ORDERED");
        assertThat(salesforce.findAll(patchRequestedFor(urlPathEqualTo(CASE_UPDATE)))).extracting(LoggedRequest::getBodyAsString)
                .anySatisfy(body -> assertThat(body).contains("Integration_Error__c", "ORDERED -> REINSTATED is refused",
                        "the last LeaseWorks export shows 47 days past due", "Reinstatement_Reason__c"))
                .noneSatisfy(body -> assertThat(body).contains("Reinstatement_Charges__c"));
    }

    @Test
    void aVehicleGoesToInventoryOnlyOnceItsFleetRockRepairOrderIsFinished() {
        hubKnowsTheLease();
        vehicles.read();
        jdbc.update("""
                insert into work_order (ro_id, ro_number, vin, vendor_name, status, date_created, date_finished, grand_total,
                       content_hash, updated_at)
                values ('88412', 'RO-5001', '1FTFW1ET9DFC10312', 'Midway Truck Repair', 'In Progress', ?, null, 1240.00, 'h', ?)""",
                Timestamp.from(Instant.parse("2026-11-24T12:00:00Z")), Timestamp.from(Instant.parse("2026-11-24T12:00:00Z")));
        stubQuery("FROM Case ", "case-pending.json");
        cases.read();

        salesforceShows("case-inventory.json", "history-pending-to-inventory.json");
        cases.read();
        drainToSalesforce();

        assertThat(caseStatus()).isEqualTo("INSPECTED");
        assertThat(vehicleDisposition()).isEqualTo("REPOSSESSED");
        assertThat(salesforce.findAll(patchRequestedFor(urlPathEqualTo(CASE_UPDATE)))).extracting(LoggedRequest::getBodyAsString)
                .anySatisfy(body -> assertThat(body).contains("INSPECTED -> INVENTORY is refused",
                        "FleetRock repair order RO-5001 is not finished", "Inventory_Override_Reason__c"));

        // FleetRock finishes the repair; the next read of the Case, without a new status change, goes through
        jdbc.update("update work_order set status = 'Finished', date_finished = ? where ro_id = '88412'",
                Timestamp.from(Instant.parse("2026-11-27T16:00:00Z")));
        stubQuery("FROM CaseHistory", "query-empty.json");
        cases.read();

        assertThat(caseStatus()).isEqualTo("INVENTORY");
        assertThat(vehicleDisposition()).isEqualTo("INVENTORY");
    }

    @Test
    void everyCostOfACaseIsReadOrDerivedWrittenAsItsRecoveryCostsAndTotalledOnTheCaseOnceAndABadOneIsQuarantinedNamingItsFields() {
        hubKnowsTheLease();
        vehicles.read();
        salesforceTakesRecoveryCosts();
        // a repair before the case opened is the lessee's maintenance, not a recovery cost; the one after is
        workOrder("77001", "RO-4410", "2026-10-02T09:00:00Z", "310.00");
        workOrder("88412", "RO-5001", "2026-11-24T12:00:00Z", "1240.00");
        caseToInventoryWithItsCostsInSalesforce();
        drainToSalesforce();
        readCasesThroughTheRoute();
        drainToSalesforce();

        assertThat(jdbc.queryForList("select cost_key || ' ' || cost_type || ' ' || amount || ' ' || source from recovery_cost"
                + " where case_id = '500D000000Rp1AAAAZ' order by cost_key", String.class)).containsExactly(
                "AGENT_FEE-500D000000Rp1AAAAZ AGENT_FEE 425.00 CASE",
                "REPAIR-88412 REPAIR 1240.00 FLEETROCK",
                "a0AD000000Rc1AAAAZ TRANSPORT 385.50 SALESFORCE");
        List<LoggedRequest> costWrites = salesforce.findAll(patchRequestedFor(
                urlPathEqualTo(SalesforceWireMock.upsertPath("Recovery_Cost__c", "LeaseBridge_Cost_Key__c"))));
        assertThat(costWrites).as("derived costs written once").hasSize(1);
        assertThat(costWrites.get(0).getBodyAsString()).contains("\"LeaseBridge_Cost_Key__c\":\"REPAIR-88412\"",
                "\"Case__c\":\"500D000000Rp1AAAAZ\"", "\"Type__c\":\"REPAIR\"", "\"Vendor__c\":\"Midway Truck Repair\"",
                "\"Amount__c\":1240.00", "\"Invoice_Number__c\":\"RO-5001\"", "\"LeaseBridge_Cost_Key__c\":\"AGENT_FEE-500D000000Rp1AAAAZ\"")
                .doesNotContain("RO-4410");
        List<String> totals = salesforce.findAll(patchRequestedFor(urlPathEqualTo(CASE_UPDATE))).stream()
                .map(LoggedRequest::getBodyAsString).filter(body -> body.contains("Total_Recovery_Cost__c")).toList();
        assertThat(totals).as("the total is written when it changes, not on every read").hasSize(1);
        assertThat(totals.get(0)).contains("\"Id\":\"500D000000Rp1AAAAZ\"", "\"Total_Recovery_Cost__c\":2050.50");
        Map<String, Object> bad = jdbc.queryForMap("select record_type, record_key, field, error_code, reason from dead_letter where flow = ?",
                RecoveryCosts.FLOW);
        assertThat(bad).containsEntry("RECORD_TYPE", "Recovery_Cost__c").containsEntry("RECORD_KEY", "a0AD000000Rc2AAAAZ")
                .containsEntry("FIELD", "Vendor__c, Amount__c").containsEntry("ERROR_CODE", "INVALID_RECOVERY_COST");
        assertThat((String) bad.get("REASON")).contains("Recovery_Cost__c a0AD000000Rc2AAAAZ", "no vendor (Vendor__c)",
                "Amount__c is empty");
        assertThat(salesforce.findAll(getRequestedFor(urlPathMatching(QUERY))).stream()
                .map(r -> r.queryParameter("q").firstValue()).filter(q -> q.contains("FROM Recovery_Cost__c")).findFirst().orElseThrow())
                .contains("LeaseBridge_Cost_Key__c = null");
    }

    @Test
    void aSoldCaseIsReviewedToTheCentFromThePayoffAtRecoveryItsCostsAndThePriceOnTheCaseAndTheLeaseAndThenCloses() {
        hubKnowsTheLease();
        jdbc.update("update lease_account set payoff_balance = 12000.00 where lease_id = 'L-1001'");
        vehicles.read();
        salesforceTakesRecoveryCosts();
        salesforce.stubFor(patch(urlPathEqualTo(SalesforceWireMock.upsertPath("Lease__c", "LeaseWorks_Lease_Id__c")))
                .willReturn(SalesforceWireMock.json(200, SalesforceWireMock.body("collections-upsert-results.json"))));
        workOrder("88412", "RO-5001", "2026-11-24T12:00:00Z", "1240.00");
        caseToInventoryWithItsCostsInSalesforce();
        // an export after the recovery moves the payoff on; the review starts from the payoff at recovery
        jdbc.update("update lease_account set payoff_balance = 11400.00 where lease_id = 'L-1001'");

        salesforceShows("case-sold-from-inventory.json", "history-inventory-to-sold.json");
        readCasesThroughTheRoute();
        salesforceShows("case-closed.json", "history-sold-to-closed.json");
        readCasesThroughTheRoute();
        drainToSalesforce();

        // 12,000.00 + (425.00 agent + 1,240.00 repair + 385.50 transport) - 9,800.00 = 4,250.50
        Map<String, Object> review = jdbc.queryForMap("select * from repo_review where case_id = '500D000000Rp1AAAAZ'");
        assertThat(review).containsEntry("PAYOFF_AT_RECOVERY", new java.math.BigDecimal("12000.00"))
                .containsEntry("TOTAL_COSTS", new java.math.BigDecimal("2050.50"))
                .containsEntry("NET_PROCEEDS", new java.math.BigDecimal("9800.00"))
                .containsEntry("DEFICIENCY", new java.math.BigDecimal("4250.50"))
                .containsEntry("SURPLUS", new java.math.BigDecimal("0.00")).containsEntry("LEASE_ID", "L-1001");
        assertThat(caseStatus()).isEqualTo("CLOSED");
        assertThat(salesforce.findAll(patchRequestedFor(urlPathEqualTo(CASE_UPDATE)))).extracting(LoggedRequest::getBodyAsString)
                .anySatisfy(body -> assertThat(body).contains("\"Id\":\"500D000000Rp1AAAAZ\"", "\"Payoff_At_Recovery__c\":12000.00",
                        "\"Net_Sale_Proceeds__c\":9800.00", "\"Deficiency_Amount__c\":4250.50",
                        "\"Surplus_Amount__c\":0.00", "+ REPAIR: 1240.00", "Deficiency (the lessee owes): 4250.50"));
        assertThat(salesforce.findAll(patchRequestedFor(urlPathEqualTo(SalesforceWireMock.upsertPath("Lease__c", "LeaseWorks_Lease_Id__c")))))
                .extracting(LoggedRequest::getBodyAsString).anySatisfy(body -> assertThat(body).contains("\"LeaseWorks_Lease_Id__c\":\"L-1001\"",
                        "\"Recovery_Costs__c\":2050.50", "\"Deficiency_Amount__c\":4250.50", "\"Surplus_Amount__c\":0.00"));
        // the title was RECEIVED (read with the Case); the sale hands it to the buyer on the sale date, once
        assertThat(jdbc.queryForMap("select title_status, title_transferred_date from vehicle where vin = '1FTFW1ET9DFC10312'"))
                .containsEntry("TITLE_STATUS", "TRANSFERRED").containsEntry("TITLE_TRANSFERRED_DATE", java.sql.Date.valueOf("2026-11-28"));
        assertThat(salesforce.findAll(patchRequestedFor(urlPathEqualTo(SalesforceWireMock.upsertPath("Vehicle__c", "VIN__c"))))
                .stream().map(LoggedRequest::getBodyAsString).filter(body -> body.contains("Title_Transferred_Date__c")).toList())
                .singleElement().asString().contains("\"VIN__c\":\"1FTFW1ET9DFC10312\"", "\"Title_Status__c\":\"TRANSFERRED\"",
                        "\"Title_Transferred_Date__c\":\"2026-11-28\"");
    }

    @Test
    void aRecordedReviewLeavesOneLeaseAdjustmentForLeaseWorksWrittenOnceAcrossRerunsAndACrash() throws IOException {
        caseInInventory("12000.00");
        assertThat(adjustmentFiles()).as("no review, no adjustment").isEmpty();

        salesforceShows("case-sold-from-inventory.json", "history-inventory-to-sold.json");
        readCasesThroughTheRoute();
        readCasesThroughTheRoute();

        List<Path> files = adjustmentFiles();
        assertThat(files).hasSize(1);
        List<FieldSpec> mapping = LeaseWorksMapping.load(Path.of(System.getProperty("leasebridge.config.dir", "../config"),
                "mappings", "leaseworks.yml")).importLayout("repo-adjustments").records().get(0).fields();
        List<CSVRecord> rows = csv(files.get(0));
        assertThat(rows.get(0).toList()).as("header, in mapping order").isEqualTo(mapping.stream().map(FieldSpec::column).toList());
        assertThat(rows).hasSize(2);
        // 12,000.00 + 425.00 agent fee - 9,800.00 = 2,625.00 still owed
        assertThat(row(rows, 1)).containsExactly(Map.entry("Adjustment Id", "500D000000Rp1AAAAZ"), Map.entry("Contract Number", "L-1001"),
                Map.entry("Repo Case", "00001027"), Map.entry("Adjustment Type", "DEFICIENCY"), Map.entry("Adjustment Amount", "2625.00"),
                Map.entry("Payoff At Recovery", "12000.00"), Map.entry("Recovery Costs", "425.00"), Map.entry("Net Sale Proceeds", "9800.00"),
                Map.entry("Sale Date", "11/28/2026"));

        // the file was written but the crash came before it was recorded: the same file again, never a second one
        jdbc.update("update repo_adjustment set written_at = null");
        assertThat(adjustmentImport.write()).isEqualTo(files.get(0).getFileName().toString());
        assertThat(adjustmentFiles()).containsExactlyElementsOf(files);
        assertThat(csv(files.get(0))).hasSize(2);
        assertThat(adjustmentImport.write()).isNull();
        assertThat(outbox).isDirectoryNotContaining("glob:**/.inprogress-*");
    }

    private List<Path> adjustmentFiles() throws IOException {
        try (Stream<Path> files = Files.list(outbox)) {
            return files.filter(f -> f.getFileName().toString().startsWith("repo-adjustments-")).sorted().toList();
        }
    }

    @Test
    void aSaleBeforeTheTitleIsReceivedIsRefusedNamingTheCaseAndTheVehiclesTitleStatus() {
        caseInInventory(null);

        salesforceShows("case-sold-title-requested.json", "history-inventory-to-sold.json");
        readCasesThroughTheRoute();
        drainToSalesforce();

        assertThat(caseStatus()).isEqualTo("INVENTORY");
        assertThat(HubTables.count(jdbc, "select count(*) from repo_sale")).isZero();
        assertThat(jdbc.queryForObject("select title_status from vehicle where vin = '1FTFW1ET9DFC10312'", String.class))
                .isEqualTo("RECEIVED");
        assertThat(jdbc.queryForObject("select reason from dead_letter where flow = ? and field = 'Repo_Status__c'", String.class,
                RepoCaseSync.FLOW)).isEqualTo("Case 00001027: INVENTORY -> SOLD is refused: the sale needs the vehicle's title received"
                + " (its Vehicle__c.Title_Status__c is REQUESTED, not RECEIVED)");
        assertThat(salesforce.findAll(patchRequestedFor(urlPathEqualTo(CASE_UPDATE)))).extracting(LoggedRequest::getBodyAsString)
                .anySatisfy(body -> assertThat(body).contains("\"Id\":\"500D000000Rp1AAAAZ\"",
                        "the sale needs the vehicle's title received (its Vehicle__c.Title_Status__c is REQUESTED, not RECEIVED)"));
        assertThat(salesforce.findAll(patchRequestedFor(urlPathEqualTo(SalesforceWireMock.upsertPath("Vehicle__c", "VIN__c")))))
                .extracting(LoggedRequest::getBodyAsString).noneMatch(body -> body.contains("TRANSFERRED"));
    }

    @Test
    void aSoldCaseWithoutAPayoffAtRecoveryIsNotClosedAndTheCaseIsToldWhy() {
        caseInInventory(null);
        salesforceShows("case-sold-from-inventory.json", "history-inventory-to-sold.json");
        readCasesThroughTheRoute();

        salesforceShows("case-closed.json", "history-sold-to-closed.json");
        readCasesThroughTheRoute();
        drainToSalesforce();

        assertThat(caseStatus()).isEqualTo("SOLD");
        assertThat(HubTables.count(jdbc, "select count(*) from repo_review")).isZero();
        assertThat(jdbc.queryForObject("select action from repo_case_event where to_status = 'SOLD'", String.class))
                .contains("final account review not made", "no payoff balance at recovery");
        assertThat(salesforce.findAll(patchRequestedFor(urlPathEqualTo(CASE_UPDATE)))).extracting(LoggedRequest::getBodyAsString)
                .anySatisfy(body -> assertThat(body).contains("SOLD -> CLOSED is refused: the final account review is not recorded",
                        "no payoff balance at recovery"));
    }

    private void workOrder(String roId, String roNumber, String created, String total) {
        jdbc.update("""
                insert into work_order (ro_id, ro_number, vin, vendor_name, status, date_created, date_finished, grand_total,
                       content_hash, updated_at)
                values (?, ?, '1FTFW1ET9DFC10312', 'Midway Truck Repair', 'Finished', ?, ?, ?, 'h', ?)""",
                roId, roNumber, Timestamp.from(Instant.parse(created)), Timestamp.from(Instant.parse(created).plusSeconds(86_400)),
                new java.math.BigDecimal(total), Timestamp.from(Instant.parse(created)));
    }

    private void stubQuery(String from, String body) {
        salesforce.stubFor(get(urlPathMatching(QUERY)).withQueryParam("q", containing(from))
                .willReturn(SalesforceWireMock.json(200, SalesforceWireMock.body(body))));
    }

    /** Salesforce answers the Case change query with this page and the CaseHistory query with that one. */
    private void salesforceShows(String casePage, String historyPage) {
        stubQuery("FROM Case ", casePage);
        stubQuery("FROM CaseHistory", historyPage);
    }

    /** The lease and its vehicle in the hub, and the case read as it opens (PENDING). */
    private void caseOpened(String casePage) {
        hubKnowsTheLease();
        vehicles.read();
        stubQuery("FROM Case ", casePage);
        cases.read();
    }

    /** A scheduled read: recovery costs, cases, cost roll-up, adjustments and repo orders, as the route runs them. */
    private void readCasesThroughTheRoute() {
        producer.requestBody(RepoCaseRoutes.READ, (Object) null);
    }

    private void drainToSalesforce() {
        producer.requestBody(SalesforceOutboxDrainRoute.DRAIN, (Object) null);
    }

    private void salesforceTakesRecoveryCosts() {
        salesforce.stubFor(patch(urlPathEqualTo(SalesforceWireMock.upsertPath("Recovery_Cost__c", "LeaseBridge_Cost_Key__c")))
                .willReturn(SalesforceWireMock.json(200, SalesforceWireMock.body("collections-upsert-results.json"))));
    }

    /** The hub's status of the one case these tests follow. */
    private String caseStatus() {
        return jdbc.queryForObject("select status from repo_case where case_id = '500D000000Rp1AAAAZ'", String.class);
    }

    /** The hub's disposition of that case's vehicle. */
    private String vehicleDisposition() {
        return jdbc.queryForObject("select disposition from vehicle where vin = '1FTFW1ET9DFC10312'", String.class);
    }

    /** The lease (with this payoff balance, unless null) and the vehicle in the hub, and the case read PENDING then INVENTORY. */
    private void caseInInventory(String payoffBalance) {
        hubKnowsTheLease();
        if (payoffBalance != null) {
            jdbc.update("update lease_account set payoff_balance = ? where lease_id = 'L-1001'", new java.math.BigDecimal(payoffBalance));
        }
        vehicles.read();
        stubQuery("FROM Case ", "case-pending.json");
        readCasesThroughTheRoute();
        salesforceShows("case-inventory.json", "history-pending-to-inventory.json");
        readCasesThroughTheRoute();
    }

    /** The case read PENDING, then INVENTORY with its recovery costs in Salesforce, each time through the route. */
    private void caseToInventoryWithItsCostsInSalesforce() {
        stubQuery("FROM Case ", "case-pending.json");
        readCasesThroughTheRoute();
        stubQuery("FROM Recovery_Cost__c", "recovery-costs-page.json");
        salesforceShows("case-inventory.json", "history-pending-to-inventory.json");
        readCasesThroughTheRoute();
    }

    private void hubKnowsTheLease() {
        Timestamp now = Timestamp.from(Instant.parse("2026-11-21T08:00:00Z"));
        jdbc.update("""
                insert into customer (customer_id, name, street, city, state, postal_code, do_not_call, do_not_text,
                       text_consent, email_consent, content_hash, updated_at)
                values ('C-501', 'Marcus Bell', '4410 Gaston Ave', 'Dallas', 'TX', '75246', false, false, false, false, 'h', ?)""", now);
        jdbc.update("""
                insert into lease_account (lease_id, customer_id, status, days_past_due, payments_made, content_hash, updated_at)
                values ('L-1001', 'C-501', 'Active', 47, 14, 'h', ?)""", now);
        jdbc.update("""
                insert into vehicle_location (vin, provider, latitude, longitude, located_at, gps_status, updated_at)
                values ('1FTFW1ET9DFC10312', 'PASSTIME', 32.7767, -96.797, ?, 'REPORTING', ?)""",
                Timestamp.from(Instant.parse("2026-11-21T09:00:00Z")), now);
    }

    private static List<CSVRecord> csv(Path file) throws IOException {
        try (Reader in = Files.newBufferedReader(file)) {
            return CSVFormat.DEFAULT.parse(in).getRecords();
        }
    }

    private static Map<String, String> row(List<CSVRecord> rows, int index) {
        List<String> header = rows.get(0).toList();
        Map<String, String> row = new java.util.LinkedHashMap<>();
        for (int i = 0; i < header.size(); i++) {
            row.put(header.get(i), rows.get(index).get(i));
        }
        return row;
    }
}
