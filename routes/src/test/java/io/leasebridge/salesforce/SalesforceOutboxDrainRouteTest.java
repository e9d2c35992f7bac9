package io.leasebridge.salesforce;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import io.leasebridge.LeaseBridgeApplication;
import io.leasebridge.hub.RunCounts;
import io.leasebridge.ingest.LeaseWorksExportIngest;
import io.leasebridge.testing.HubTables;
import io.leasebridge.testing.LeaseWorksExports;
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

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import static com.github.tomakehurst.wiremock.client.WireMock.patch;
import static com.github.tomakehurst.wiremock.client.WireMock.patchRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static io.leasebridge.salesforce.SalesforceWireMock.body;
import static io.leasebridge.salesforce.SalesforceWireMock.json;
import static io.leasebridge.salesforce.SalesforceWireMock.upsertPath;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * camel-salesforce against a WireMock server speaking Salesforce's wire format: what the drain sends
 * (batches of at most 200, external ids, parents first) and what it records.
 */
@CamelSpringBootTest
@SpringBootTest(classes = LeaseBridgeApplication.class)
class SalesforceOutboxDrainRouteTest {

    private static final WireMockServer salesforce = SalesforceWireMock.start();
    private static final ObjectMapper json = new ObjectMapper();

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) throws Exception {
        TestProperties.salesforceAndHub(registry, salesforce, "sf-drain-route");
        String inbox = Files.createTempDirectory("inbox").toString();
        registry.add("leasebridge.leaseworks.inbox", () -> inbox);
        registry.add("leasebridge.salesforce.retry.max-redeliveries", () -> "2");
        TestProperties.schedules(registry, TestProperties.NEVER);
    }

    @Autowired
    LeaseWorksExportIngest ingest;
    @Autowired
    ProducerTemplate producer;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    SalesforceApiUsage apiUsage;

    @AfterAll
    static void stopSalesforce() {
        salesforce.stop();
    }

    @BeforeEach
    void emptyHubAndSalesforce() {
        HubTables.clear(jdbc);
        apiUsage.record("api-usage=25/15000");
        salesforce.resetAll();
        SalesforceWireMock.stubLogin(salesforce);
        stubUpsert("Account", "LeaseWorks_Customer_Id__c");
        stubUpsert("Lease__c", "LeaseWorks_Lease_Id__c");
        stubUpsert("Payment__c", "LeaseWorks_Payment_Id__c");
        stubUpsert("Collector_Note__c", "LeaseWorks_Note_Id__c");
    }

    @Test
    void deliversParentsBeforeChildrenInCallsOfAtMost200AndDeadLettersRejectedRecords() throws Exception {
        ingestPortfolio(450);

        DrainReport report = drain();

        assertThat(callSizes("Account")).containsExactly(3);
        assertThat(callSizes("Lease__c")).containsExactly(4);
        assertThat(callSizes("Payment__c")).containsExactly(200, 200, 50);
        assertThat(callSizes("Collector_Note__c")).containsExactly(2);
        assertThat(callOrder()).containsExactly("Account", "Lease__c", "Payment__c", "Payment__c", "Payment__c", "Collector_Note__c");

        JsonNode lease = firstRecord("Lease__c");
        assertThat(lease.path("attributes").path("type").asText()).isEqualTo("Lease__c");
        assertThat(lease.path("LeaseWorks_Lease_Id__c").asText()).isEqualTo("L-1");
        assertThat(lease.path("Customer__r").path("LeaseWorks_Customer_Id__c").asText()).isEqualTo("C-1");
        assertThat(lease.path("Past_Due_Amount__c").decimalValue()).isEqualByComparingTo("1234.50");
        assertThat(lease.path("Next_Due_Date__c").asText()).isEqualTo("2026-12-01");
        assertThat(firstRecord("Account").has("SSN__c")).isFalse();
        assertThat(firstRecord("Account").toString()).doesNotContain("123-45-6789");

        assertThat(report.bySObject().get("Account")).isEqualTo(new RunCounts(3, 0, 2, 1, 0, 1));
        assertThat(report.bySObject().get("Payment__c")).isEqualTo(new RunCounts(450, 0, 450, 0, 0, 3));
        assertThat(outboxCount("PENDING")).isZero();
        assertThat(outboxCount("FAILED")).isEqualTo(1);
        assertThat(outboxCount("DELIVERED")).isEqualTo(3 + 4 + 450 + 2 - 1);

        Map<String, Object> deadLetter = jdbc.queryForMap(
                "select flow, record_type, record_key, field, error_code, reason, payload from dead_letter");
        assertThat(deadLetter).containsEntry("flow", "salesforce-outbox-drain")
                .containsEntry("record_type", "Account")
                .containsEntry("record_key", "C-3")
                .containsEntry("field", "Email__c")
                .containsEntry("error_code", "DUPLICATE_VALUE");
        assertThat((String) deadLetter.get("reason")).contains("duplicate value found: Email__c");
        assertThat((String) deadLetter.get("payload")).contains("\"LeaseWorks_Customer_Id__c\":\"C-3\"");
    }

    @Test
    void aSecondDrainWithNothingChangedMakesNoCall() throws Exception {
        ingestPortfolio(10);
        drain();
        int calls = salesforce.findAll(patchRequestedFor(urlPathMatching("/services/data/.*"))).size();

        ingestPortfolio(10);
        DrainReport again = drain();

        assertThat(salesforce.findAll(patchRequestedFor(urlPathMatching("/services/data/.*")))).hasSize(calls);
        assertThat(again.total().apiCalls()).isZero();
    }

    @Test
    void anExpiredSessionIsRenewedAndTheCallRepeated() throws Exception {
        ingestPortfolio(5);
        salesforce.stubFor(patch(urlPathEqualTo(upsertPath("Lease__c", "LeaseWorks_Lease_Id__c")))
                .inScenario("session").whenScenarioStateIs(STARTED)
                .willReturn(json(401, body("invalid-session.json")))
                .willSetStateTo("renewed"));
        salesforce.stubFor(patch(urlPathEqualTo(upsertPath("Lease__c", "LeaseWorks_Lease_Id__c")))
                .inScenario("session").whenScenarioStateIs("renewed")
                .willReturn(json(200, body("collections-upsert-results.json"))));
        int loginsBefore = salesforce.findAll(postRequestedFor(urlPathEqualTo("/services/oauth2/token"))).size();

        DrainReport report = drain();

        assertThat(salesforce.findAll(postRequestedFor(urlPathEqualTo("/services/oauth2/token")))).hasSize(loginsBefore + 1);
        assertThat(callSizes("Lease__c")).containsExactly(4, 4);
        assertThat(report.bySObject().get("Lease__c").sent()).isEqualTo(4);
        assertThat(outboxCount("PENDING")).isZero();
        assertThat(report.total().apiCalls()).as("every data API request, the one repeated after the log-in too")
                .isEqualTo(salesforce.findAll(patchRequestedFor(urlPathMatching("/services/data/.*"))).size());
    }

    @Test
    void aServiceUnavailableAnswerIsRetriedWithBackoff() throws Exception {
        ingestPortfolio(5);
        salesforce.stubFor(patch(urlPathEqualTo(upsertPath("Payment__c", "LeaseWorks_Payment_Id__c")))
                .inScenario("outage").whenScenarioStateIs(STARTED)
                .willReturn(json(503, body("server-unavailable.json")))
                .willSetStateTo("back"));
        salesforce.stubFor(patch(urlPathEqualTo(upsertPath("Payment__c", "LeaseWorks_Payment_Id__c")))
                .inScenario("outage").whenScenarioStateIs("back")
                .willReturn(json(200, body("collections-upsert-results.json"))));

        DrainReport report = drain();

        assertThat(callSizes("Payment__c")).containsExactly(5, 5);
        assertThat(report.bySObject().get("Payment__c")).isEqualTo(new RunCounts(5, 0, 5, 0, 0, 2));
        assertThat(outboxCount("PENDING")).isZero();
        assertThat(jdbc.queryForObject("select status from flow_run where flow = 'salesforce-outbox-drain'", String.class))
                .isEqualTo("SUCCEEDED");
    }

    @Test
    void anOutageThatOutlastsTheRetriesLeavesRecordsPendingForTheNextRun() throws Exception {
        ingestPortfolio(5);
        salesforce.stubFor(patch(urlPathEqualTo(upsertPath("Payment__c", "LeaseWorks_Payment_Id__c")))
                .willReturn(json(503, body("server-unavailable.json"))));

        DrainReport failed = drain();

        assertThat(callSizes("Payment__c")).containsExactly(5, 5, 5);
        assertThat(failed.total().sent()).as("2 of 3 accounts and 4 leases").isEqualTo(2 + 4);
        assertThat(pending("Payment__c")).isEqualTo(5);
        assertThat(jdbc.queryForObject("select error from flow_run where flow = 'salesforce-outbox-drain'", String.class))
                .contains("Payment__c").contains("SERVER_UNAVAILABLE");

        stubUpsert("Payment__c", "LeaseWorks_Payment_Id__c");
        DrainReport recovered = drain();

        assertThat(recovered.bySObject().get("Payment__c").sent()).isEqualTo(5);
        assertThat(outboxCount("PENDING")).isZero();
    }

    @Test
    void theDrainStopsForTheRunOnceTheOrgsUsagePassesTheApiBudgetAndSaysWhy() throws Exception {
        ingestPortfolio(450);
        // another client of the org has been busy: the answer to the first Payment__c call reports 60% of the day used
        salesforce.stubFor(patch(urlPathEqualTo(upsertPath("Payment__c", "LeaseWorks_Payment_Id__c")))
                .willReturn(com.github.tomakehurst.wiremock.client.WireMock.aResponse().withStatus(200)
                        .withHeader("Content-Type", "application/json;charset=UTF-8")
                        .withHeader("Sforce-Limit-Info", "api-usage=9000/15000")
                        .withBody(body("collections-upsert-results.json"))));

        DrainReport report = drain();

        assertThat(callSizes("Payment__c")).containsExactly(200);
        assertThat(callSizes("Collector_Note__c")).isEmpty();
        assertThat(pending("Payment__c")).isEqualTo(250);
        assertThat(report.stoppedFor()).contains("API budget", "9000 of its 15000", "60%");
        assertThat(report.orgUsageBefore()).isEqualTo("25/15000");
        assertThat(report.orgUsageAfter()).isEqualTo("9000/15000");
        assertThat(jdbc.queryForObject("select error from flow_run where flow = 'salesforce-outbox-drain'", String.class))
                .contains("API budget reached");
    }

    private void ingestPortfolio(int payments) {
        ingest.ingest("accounts", "accounts_20261127.csv", LeaseWorksExports.accounts()
                .lease("C-1", "Ada Lovelace", "L-1", 12)
                .lease("C-1", "Ada Lovelace", "L-2", 0)
                .lease("C-2", "José Núñez, Jr.", "L-3", 45)
                .lease("C-3", "DUPLICATE Co", "L-4", 95)
                .stream());
        LeaseWorksExports paymentFile = LeaseWorksExports.payments();
        for (int i = 1; i <= payments; i++) {
            paymentFile.payment("P-" + i, "L-1", "450.00", "10/15/2026");
        }
        ingest.ingest("payments", "payments_20261127.csv", paymentFile.stream());
        ingest.ingest("notes", "notes_20261127.csv", LeaseWorksExports.notes()
                .note("N-1", "L-1", "Promised to pay Friday, \"for sure\"")
                .note("N-2", "L-3", "Cliente llamó — 約束 🚗")
                .stream());
    }

    private DrainReport drain() {
        return producer.requestBody(SalesforceOutboxDrainRoute.DRAIN, null, DrainReport.class);
    }

    private void stubUpsert(String sObject, String externalIdField) {
        salesforce.stubFor(patch(urlPathEqualTo(upsertPath(sObject, externalIdField)))
                .willReturn(json(200, body("collections-upsert-results.json"))));
    }

    private List<ServeEvent> upsertCalls() {
        return salesforce.getAllServeEvents().stream()
                .filter(e -> e.getRequest().getMethod().getName().equals("PATCH"))
                .sorted(Comparator.comparing(e -> e.getRequest().getLoggedDate()))
                .toList();
    }

    private List<Integer> callSizes(String sObject) throws Exception {
        List<Integer> sizes = new java.util.ArrayList<>();
        for (ServeEvent call : upsertCalls()) {
            if (call.getRequest().getUrl().contains("/composite/sobjects/" + sObject + "/")) {
                JsonNode body = json.readTree(call.getRequest().getBodyAsString());
                assertThat(body.path("allOrNone").asBoolean(true)).isFalse();
                sizes.add(body.path("records").size());
            }
        }
        return sizes;
    }

    private List<String> callOrder() {
        return upsertCalls().stream().map(e -> e.getRequest().getUrl().split("/")[6]).toList();
    }

    private JsonNode firstRecord(String sObject) throws Exception {
        ServeEvent call = upsertCalls().stream()
                .filter(e -> e.getRequest().getUrl().contains("/composite/sobjects/" + sObject + "/"))
                .findFirst().orElseThrow();
        return json.readTree(call.getRequest().getBodyAsString()).path("records").get(0);
    }

    private long outboxCount(String status) {
        return HubTables.count(jdbc, "select count(*) from sf_outbox where status = ?", status);
    }

    private long pending(String sObject) {
        return HubTables.count(jdbc, "select count(*) from sf_outbox where status = 'PENDING' and sobject = ?", sObject);
    }
}
