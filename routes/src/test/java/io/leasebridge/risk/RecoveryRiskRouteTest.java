package io.leasebridge.risk;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import io.leasebridge.LeaseBridgeApplication;
import io.leasebridge.salesforce.SalesforceOutboxDrainRoute;
import io.leasebridge.salesforce.SalesforceUpserts;
import io.leasebridge.salesforce.SalesforceWireMock;
import io.leasebridge.testing.HubTables;
import io.leasebridge.testing.TestProperties;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.test.spring.junit5.CamelSpringBootTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Recovery risk end to end: facts in the hub and the ledger, reviewed, delivered to a Salesforce org on WireMock as
 * the lease's recovery-risk fields (only when they changed) and one Task per rise to HIGH.
 */
@CamelSpringBootTest
@SpringBootTest(classes = LeaseBridgeApplication.class)
class RecoveryRiskRouteTest {

    private static final WireMockServer salesforce = SalesforceWireMock.start();
    private static final SalesforceUpserts upserts = new SalesforceUpserts(salesforce);
    private static final LocalDate TODAY = LocalDate.of(2026, 12, 2);
    private static final ZoneId LESSOR = ZoneId.of("America/Chicago");

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        TestProperties.parked(registry, salesforce, "recovery-risk");
        // pages of two leases: every test's leases span more than one page
        registry.add("leasebridge.risk.batch-size", () -> "2");
        registry.add("leasebridge.ledger.collector-owners.jdoe", () -> "005000000000001AAA");
        registry.add("leasebridge.ledger.fallback-owner", () -> "00G000000000009AAA");
    }

    @Autowired
    RecoveryRiskReview review;
    @Autowired
    ProducerTemplate producer;
    @Autowired
    JdbcTemplate jdbc;

    @AfterAll
    static void stopSalesforce() {
        salesforce.stop();
    }

    @BeforeEach
    void emptyHubAndSalesforce() {
        HubTables.clear(jdbc);
        jdbc.update("delete from promise");
        jdbc.update("delete from lease_dpd_history");
        jdbc.update("delete from lease_risk");
        upserts.acceptAll();
    }

    @Test
    void aLeaseRisingToHighGetsItsRiskInWordsAndOneTaskForItsCollectorAndUnchangedLeasesSendNothing() throws Exception {
        customer("C-1", true, false);
        lease("L-1", "C-1", "Active", 62, true, "jdoe");
        reading("L-1", TODAY.minusDays(30), 31);
        broken("P-1", "L-1", TODAY.minusDays(30));
        broken("P-2", "L-1", TODAY.minusDays(3));
        alert("L-1", "OUT_OF_STATE", TODAY.minusDays(2));
        customer("C-2", false, false);
        lease("L-2", "C-2", "Active", 35, true, "zed");
        lease("L-3", "C-2", "Active", 0, true, "zed");
        lease("L-4", "C-2", "Paid Off", 95, false, "zed");

        RiskReviewReport report = review.review(TODAY);
        drain();

        JsonNode high = leaseRisk("L-1");
        assertThat(high.path("Recovery_Risk__c").asText()).isEqualTo("HIGH");
        assertThat(high.path("Recovery_Risk_Score__c").asInt()).isEqualTo(100);
        assertThat(high.path("Recovery_Risk_Reasons__c").asText())
                .isEqualTo("62 days past due; 2 broken promises in 30 days; left garaging state 2 days ago");
        assertThat(high.has("Days_Past_Due__c")).as("the risk facet carries only its own fields").isFalse();
        JsonNode low = leaseRisk("L-2");
        assertThat(low.path("Recovery_Risk__c").asText()).isEqualTo("LOW");
        assertThat(low.path("Recovery_Risk_Score__c").asInt()).isEqualTo(15);
        assertThat(upserts.records("Lease__c")).extracting(r -> r.path("LeaseWorks_Lease_Id__c").asText())
                .as("a lease with nothing against it, and an ended one, send nothing").containsExactly("L-1", "L-2");

        JsonNode task = single(upserts.records("Task"));
        assertThat(task.path("LeaseBridge_Key__c").asText()).isEqualTo("RISK-HIGH-L-1");
        assertThat(task.path("OwnerId").asText()).isEqualTo("005000000000001AAA");
        assertThat(task.path("What").path("LeaseWorks_Lease_Id__c").asText()).isEqualTo("L-1");
        assertThat(task.path("ActivityDate").asText()).isEqualTo("2026-12-02");
        assertThat(task.path("Description").asText()).contains("score 100", "left garaging state 2 days ago (25)", "repeat breaker");
        assertThat(report.risenToHigh()).singleElement().asString().startsWith("L-1 (score 100)");
        assertThat(report.changed()).isEqualTo(2);

        // reviewed again the same day: nothing changed, nothing sent, no second Task
        int calls = upserts.calls().size();
        RiskReviewReport again = review.review(TODAY);
        drain();

        assertThat(upserts.calls()).hasSize(calls);
        assertThat(again.changed()).isZero();
        assertThat(again.risenToHigh()).isEmpty();

        // the reasons count days from the review's day, not from the machine's
        salesforce.resetRequests();
        review.review(TODAY.plusDays(1));
        drain();
        assertThat(leaseRisk("L-1").path("Recovery_Risk_Reasons__c").asText())
                .isEqualTo("62 days past due; 2 broken promises in 31 days; left garaging state 3 days ago");
    }

    @Test
    void aLeaseStayingHighWithOtherReasonsIsUpdatedWithoutATaskAndOneRisingAgainGetsANewTask() throws Exception {
        customer("C-1", false, false);
        lease("L-1", "C-1", "Active", 95, true, "jdoe");
        alert("L-1", "OUT_OF_STATE", TODAY.minusDays(1));
        review.review(TODAY);
        drain();
        assertThat(upserts.records("Task")).extracting(t -> t.path("LeaseBridge_Key__c").asText()).containsExactly("RISK-HIGH-L-1");

        // the alert clears, a promise breaks: still HIGH (45 + 15), other reasons; no Task
        jdbc.update("update gps_alert set status = 'CLOSED' where lease_id = 'L-1'");
        broken("P-1", "L-1", TODAY.plusDays(1));
        salesforce.resetRequests();
        review.review(TODAY.plusDays(1));
        drain();
        assertThat(leaseRisk("L-1").path("Recovery_Risk_Reasons__c").asText()).isEqualTo("95 days past due; 1 broken promise in 1 day");
        assertThat(leaseRisk("L-1").path("Recovery_Risk__c").asText()).isEqualTo("HIGH");
        assertThat(upserts.records("Task")).isEmpty();

        // paid off: LOW, reasons cleared
        jdbc.update("update lease_account set days_past_due = 0, status = 'Paid Off' where lease_id = 'L-1'");
        salesforce.resetRequests();
        review.review(TODAY.plusDays(2));
        drain();
        assertThat(leaseRisk("L-1").path("Recovery_Risk__c").asText()).isEqualTo("LOW");
        assertThat(leaseRisk("L-1").has("Recovery_Risk_Reasons__c")).as("sent as null: Salesforce clears the old reasons").isTrue();
        assertThat(leaseRisk("L-1").get("Recovery_Risk_Reasons__c").isNull()).isTrue();
        assertThat(upserts.records("Task")).isEmpty();

        // reinstated, behind again and out of state: a second episode, a second Task
        jdbc.update("update lease_account set days_past_due = 70, status = 'Active' where lease_id = 'L-1'");
        alert("L-1", "OUT_OF_STATE", TODAY.plusDays(40));
        salesforce.resetRequests();
        review.review(TODAY.plusDays(40));
        drain();
        assertThat(upserts.records("Task")).extracting(t -> t.path("LeaseBridge_Key__c").asText()).containsExactly("RISK-HIGH-L-1-2");
        assertThat(jdbc.queryForObject("select high_episodes from lease_risk where lease_id = 'L-1'", Integer.class)).isEqualTo(2);
    }

    @Test
    void aReviewThatFailsMidwayLeavesNothingHalfWrittenAndTheNextOneSendsEachChangeOnce() throws Exception {
        customer("C-1", false, false);
        for (int i = 0; i < 600; i++) {
            lease("L-" + i, "C-1", "Active", 95, true, "jdoe");
            alert("L-" + i, "SILENT", TODAY.minusDays(1));
        }
        // the second chunk of 500 leases fails to save: the first chunk's changes stand, with their outbox rows
        jdbc.execute("alter table lease_risk add constraint lease_risk_test_refusal check (lease_id <> 'L-95')");
        try {
            assertThat(org.assertj.core.api.Assertions.catchThrowable(() -> review.review(TODAY))).isNotNull();
        } finally {
            jdbc.execute("alter table lease_risk drop constraint lease_risk_test_refusal");
        }
        long saved = HubTables.count(jdbc, "select count(*) from lease_risk");
        assertThat(saved).isEqualTo(HubTables.count(jdbc, "select count(*) from sf_outbox where facet = 'recovery-risk'"))
                .isEqualTo(HubTables.count(jdbc, "select count(*) from sf_outbox where sobject = 'Task'"))
                .isLessThan(600);

        review.review(TODAY);
        drain();

        assertThat(upserts.records("Lease__c")).hasSize(600).extracting(r -> r.path("LeaseWorks_Lease_Id__c").asText()).doesNotHaveDuplicates();
        assertThat(upserts.records("Task")).extracting(t -> t.path("LeaseBridge_Key__c").asText())
                .containsExactlyInAnyOrderElementsOf(java.util.stream.IntStream.range(0, 600).mapToObj(i -> "RISK-HIGH-L-" + i).toList());
    }

    private void customer(String id, boolean doNotCall, boolean doNotText) {
        jdbc.update("""
                insert into customer (customer_id, name, do_not_call, do_not_text, text_consent, email_consent, content_hash, updated_at)
                values (?, ?, ?, ?, false, false, 'h', current_timestamp)""", id, "Customer " + id, doNotCall, doNotText);
    }

    private void lease(String id, String customer, String status, int dpd, Boolean disclosure, String collector) {
        jdbc.update("""
                insert into lease_account (lease_id, customer_id, status, days_past_due, payments_made, collector, gps_disclosure,
                    content_hash, updated_at) values (?, ?, ?, ?, 10, ?, ?, 'h', current_timestamp)""",
                id, customer, status, dpd, collector, disclosure);
    }

    private void reading(String lease, LocalDate asOf, int dpd) {
        jdbc.update("insert into lease_dpd_history (lease_id, as_of, days_past_due) values (?, ?, ?)", lease, Date.valueOf(asOf), dpd);
    }

    private void broken(String promise, String lease, LocalDate judgedOn) {
        jdbc.update("""
                insert into promise (promise_id, lease_id, amount, promised_date, made_on, status, amount_applied, judged_on,
                    amended_count, last_sequence) values (?, ?, 300.00, ?, ?, 'BROKEN', 0, ?, 0, 1)""",
                promise, lease, Date.valueOf(judgedOn.minusDays(2)), Date.valueOf(judgedOn.minusDays(10)), Date.valueOf(judgedOn));
    }

    private void alert(String lease, String type, LocalDate openedOn) {
        Timestamp opened = Timestamp.from(openedOn.atTime(10, 0).atZone(LESSOR).toInstant());
        jdbc.update("""
                insert into gps_alert (alert_key, vin, lease_id, alert_type, status, opened_at, detail, updated_at)
                values (?, '1HGCM82633A004352', ?, ?, 'OPEN', ?, 'seen', ?)""",
                lease + "-" + type + "-" + openedOn, lease, type, opened, opened);
    }

    private void drain() {
        producer.requestBody(SalesforceOutboxDrainRoute.DRAIN, (Object) null);
    }

    private JsonNode leaseRisk(String leaseId) {
        return single(upserts.records("Lease__c").stream()
                .filter(r -> leaseId.equals(r.path("LeaseWorks_Lease_Id__c").asText()) && r.has("Recovery_Risk__c")).toList());
    }

    private static JsonNode single(List<JsonNode> records) {
        assertThat(records).hasSize(1);
        return records.get(0);
    }
}
