package io.leasebridge.quickbooks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.leasebridge.LeaseBridgeApplication;
import io.leasebridge.connectors.quickbooks.QuickBooksTokens;
import io.leasebridge.ingest.LeaseWorksExportIngest;
import io.leasebridge.salesforce.SalesforceWireMock;
import io.leasebridge.testing.HubTables;
import io.leasebridge.testing.TestProperties;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.test.spring.junit5.CamelSpringBootTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.actuate.health.Status;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import io.leasebridge.security.DevelopmentUsers;
import java.util.stream.StreamSupport;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.leasebridge.quickbooks.QuickBooksWireMock.API;
import static io.leasebridge.quickbooks.QuickBooksWireMock.TOKEN_PATH;
import static io.leasebridge.quickbooks.QuickBooksWireMock.json;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * QuickBooks postings against WireMock in QuickBooks' wire format: Bills for approved work orders exactly
 * once through timeouts, throttling, stale SyncTokens and duplicate vendor names; OAuth refresh-token
 * rotation, a lost refresh answer and invalid_grant; a GL day refused when unbalanced; the company's
 * limits held under a backlog.
 */
@CamelSpringBootTest
@SpringBootTest(classes = LeaseBridgeApplication.class)
@AutoConfigureMockMvc
class QuickBooksPostingsTest {

    private static final WireMockServer salesforce = SalesforceWireMock.start();
    private static final WireMockServer quickbooks = QuickBooksWireMock.start();
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String QUERY = API + "/query";
    private static final String BILL = API + "/bill";
    private static final String VENDOR = API + "/vendor";
    private static final String BILL_BY_DOC = "select * from Bill where DocNumber = 'RO-1001'";
    private static final String VENDOR_BY_NAME = "select * from Vendor where DisplayName = 'Midwest Truck Repair'";

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        TestProperties.salesforceAndHub(registry, salesforce, "quickbooks-postings");
        TestProperties.schedules(registry, TestProperties.NEVER);
        registry.add("leasebridge.quickbooks.base-url", quickbooks::baseUrl);
        registry.add("leasebridge.quickbooks.token-url", () -> quickbooks.baseUrl() + TOKEN_PATH);
        registry.add("leasebridge.quickbooks.realm-id", () -> QuickBooksWireMock.REALM);
        registry.add("leasebridge.quickbooks.client-id", () -> "ABtestClientId");
        registry.add("leasebridge.quickbooks.client-secret", () -> "test-client-secret");
        registry.add("leasebridge.quickbooks.refresh-token", () -> "RT-initial");
        registry.add("leasebridge.quickbooks.token-encryption-key",
                () -> Base64.getEncoder().encodeToString("0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.US_ASCII)));
        registry.add("leasebridge.quickbooks.response-timeout", () -> "1500ms");
        registry.add("leasebridge.quickbooks.retry.delay", () -> "10ms");
        registry.add("leasebridge.quickbooks.retry.throttle-wait", () -> "10ms");
        registry.add("leasebridge.quickbooks.limits.concurrent-calls", () -> "3");
        registry.add("leasebridge.quickbooks.workers", () -> "8");
        registry.add("leasebridge.leaseworks.inbox", () -> System.getProperty("java.io.tmpdir") + "/leasebridge-qb-inbox");
    }

    @Autowired
    QuickBooksPostingRun postings;
    @Autowired
    QuickBooksTokens tokens;
    @Autowired
    JdbcRefreshTokenStore tokenStore;
    @Autowired
    LeaseWorksExportIngest ingest;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    ProducerTemplate producer;
    @Autowired
    Map<String, HealthIndicator> health;
    @Autowired
    MockMvc mvc;

    @AfterAll
    static void stop() {
        salesforce.stop();
        quickbooks.stop();
    }

    @BeforeEach
    void emptyHubAndQuickBooks() {
        HubTables.clear(jdbc);
        tokens.reconnected();
        quickbooks.resetAll();
        SalesforceWireMock.stubLogin(salesforce);
        quickbooks.stubFor(post(urlPathEqualTo(TOKEN_PATH)).willReturn(json(200, "token.json")));
        quickbooks.stubFor(get(urlPathEqualTo(QUERY)).atPriority(9).willReturn(json(200, "query-empty.json")));
        quickbooks.stubFor(post(urlPathEqualTo(VENDOR)).willReturn(json(200, "vendor-created.json")));
    }

    @Test
    void anApprovedWorkOrderBecomesOneBillToItsVendorWithTheRoNumberAndSalesforceId() throws Exception {
        approvedWorkOrder("RO-1001", "1250.00");
        quickbooks.stubFor(post(urlPathEqualTo(BILL)).willReturn(json(200, "bill-created.json")));

        QuickBooksRunReport report = producer.requestBody(QuickBooksPostingRoute.POST, null, QuickBooksRunReport.class);

        assertThat(report.confirmed()).isEqualTo(1);
        assertThat(report.error()).isNull();
        List<LoggedRequest> bills = quickbooks.findAll(postRequestedFor(urlPathEqualTo(BILL)));
        assertThat(bills).hasSize(1);
        LoggedRequest bill = bills.get(0);
        assertThat(bill.queryParameter("requestid").firstValue()).isEqualTo("wo-fr-1001-bill");
        assertThat(bill.queryParameter("minorversion").firstValue()).isEqualTo("75");
        assertThat(bill.getHeader("Authorization")).isEqualTo("Bearer AT-2");
        JsonNode body = JSON.readTree(bill.getBodyAsString());
        assertThat(body.path("DocNumber").asText()).isEqualTo("RO-1001");
        assertThat(body.path("PrivateNote").asText()).contains("Salesforce WorkOrder 0WO000000000001AAA");
        assertThat(body.path("VendorRef").path("value").asText()).isEqualTo("77");
        assertThat(body.path("TxnDate").asText()).isEqualTo("2026-03-30");
        assertThat(body.path("Line")).hasSize(3);
        assertThat(body.path("Line").get(0).path("AccountBasedExpenseLineDetail").path("AccountRef").path("value").asText()).isEqualTo("58");
        assertThat(body.path("Line").get(1).path("AccountBasedExpenseLineDetail").path("AccountRef").path("value").asText()).isEqualTo("59");
        assertThat(body.path("Line").get(2).path("AccountBasedExpenseLineDetail").path("AccountRef").path("value").asText()).isEqualTo("60");
        quickbooks.verify(1, postRequestedFor(urlPathEqualTo(VENDOR)).withRequestBody(matchingJsonPath("$.DisplayName", equalTo("Midwest Truck Repair"))));
        assertThat(outbox("wo-fr-1001-bill")).containsEntry("STATUS", "CONFIRMED").containsEntry("QB_ID", "146");

        postings.run();
        assertThat(quickbooks.findAll(postRequestedFor(urlPathEqualTo(BILL)))).as("a rerun posts nothing again").hasSize(1);
    }

    @Test
    void aWorkOrderApprovedAt9pmInChicagoIsABillOfThatDayNotOfTheNextUtcDay() throws Exception {
        approvedWorkOrder("RO-1001", "1250.00", "2026-03-31T02:00:00Z");
        quickbooks.stubFor(post(urlPathEqualTo(BILL)).willReturn(json(200, "bill-created.json")));

        postings.run();

        JsonNode body = JSON.readTree(quickbooks.findAll(postRequestedFor(urlPathEqualTo(BILL))).get(0).getBodyAsString());
        assertThat(body.path("TxnDate").asText()).isEqualTo("2026-03-30");
        assertThat(outbox("wo-fr-1001-bill").get("TXN_DATE").toString()).isEqualTo("2026-03-30");
    }

    @Test
    void aTimeoutAfterQuickBooksCreatedTheBillDoesNotCreateASecondOne() {
        approvedWorkOrder("RO-1001", "1250.00");
        vendorExists();
        quickbooks.stubFor(post(urlPathEqualTo(BILL)).inScenario("bill").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(json(200, "bill-created.json").withFixedDelay(3_500)).willSetStateTo("created"));
        quickbooks.stubFor(get(urlPathEqualTo(QUERY)).withQueryParam("query", equalTo(BILL_BY_DOC))
                .inScenario("bill").whenScenarioStateIs("created").willReturn(json(200, "bill-query.json")));

        QuickBooksRunReport report = postings.run();

        assertThat(report.confirmed()).isEqualTo(1);
        quickbooks.verify(1, postRequestedFor(urlPathEqualTo(BILL)));
        quickbooks.verify(getRequestedFor(urlPathEqualTo(QUERY)).withQueryParam("query", equalTo(BILL_BY_DOC)));
        assertThat(outbox("wo-fr-1001-bill")).containsEntry("STATUS", "CONFIRMED").containsEntry("QB_ID", "146");
    }

    @Test
    void aBillFoundByDocNumberAfterALostAnswerIsUpdatedWhenTheSourceChangedMeanwhileNotConfirmedAsItIs() {
        approvedWorkOrder("RO-1001", "1300.00");
        jdbc.update("update work_order set labor_total = 850.00 where ro_id = 'fr-1001'");
        jdbc.update("update work_order_line set amount = 850.00 where ro_id = 'fr-1001' and line_no = 1");
        vendorExists();
        quickbooks.stubFor(post(urlPathEqualTo(BILL)).inScenario("bill").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(json(200, "bill-created.json").withFixedDelay(3_500)).willSetStateTo("created"));
        // what QuickBooks kept from the lost try: the bill as it was then, 1,250.00
        quickbooks.stubFor(get(urlPathEqualTo(QUERY)).withQueryParam("query", equalTo(BILL_BY_DOC))
                .inScenario("bill").whenScenarioStateIs("created").willReturn(json(200, "bill-query.json")));
        quickbooks.stubFor(post(urlPathEqualTo(BILL)).withRequestBody(matchingJsonPath("$.Id", equalTo("146")))
                .inScenario("bill").whenScenarioStateIs("created").willReturn(json(200, "bill-updated.json")));

        QuickBooksRunReport report = postings.run();

        assertThat(report.confirmed()).isEqualTo(1);
        quickbooks.verify(1, postRequestedFor(urlPathEqualTo(BILL)).withRequestBody(matchingJsonPath("$.Id", equalTo("146"))
                .and(matchingJsonPath("$.SyncToken", equalTo("0")))
                .and(matchingJsonPath("$.sparse", equalTo("true")))));
        quickbooks.verify(2, postRequestedFor(urlPathEqualTo(BILL)));
        assertThat(outbox("wo-fr-1001-bill")).containsEntry("STATUS", "CONFIRMED").containsEntry("QB_ID", "146");
    }

    @Test
    void throttledThenAccepted() {
        approvedWorkOrder("RO-1001", "1250.00");
        vendorExists();
        quickbooks.stubFor(post(urlPathEqualTo(BILL)).inScenario("throttle").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(json(429, "fault-429.json")).willSetStateTo("open"));
        quickbooks.stubFor(post(urlPathEqualTo(BILL)).inScenario("throttle").whenScenarioStateIs("open")
                .willReturn(json(200, "bill-created.json")));

        QuickBooksRunReport report = postings.run();

        assertThat(report.confirmed()).isEqualTo(1);
        quickbooks.verify(2, postRequestedFor(urlPathEqualTo(BILL)).withQueryParam("requestid", equalTo("wo-fr-1001-bill")));
        assertThat(outbox("wo-fr-1001-bill")).containsEntry("STATUS", "CONFIRMED");
    }

    @Test
    void aStaleSyncTokenIsReadAgainAndTheUpdateTriedOnceMore() {
        approvedWorkOrder("RO-1001", "1250.00");
        vendorExists();
        quickbooks.stubFor(post(urlPathEqualTo(BILL)).withRequestBody(matchingJsonPath("$.Id", equalTo("146")).and(
                        matchingJsonPath("$.SyncToken", equalTo("0"))))
                .willReturn(json(400, "fault-5010.json")));
        quickbooks.stubFor(post(urlPathEqualTo(BILL)).withRequestBody(matchingJsonPath("$.SyncToken", equalTo("1")))
                .willReturn(json(200, "bill-updated.json")));
        quickbooks.stubFor(post(urlPathEqualTo(BILL)).atPriority(9).willReturn(json(200, "bill-created.json")));
        quickbooks.stubFor(get(urlPathEqualTo(BILL + "/146")).willReturn(json(200, "bill-read.json")));
        postings.run();

        // the repair order grew after it was posted: QuickBooks' Bill is updated, not posted twice
        jdbc.update("update work_order set labor_total = 850.00, grand_total = 1300.00 where ro_id = 'fr-1001'");
        jdbc.update("update work_order_line set amount = 850.00 where ro_id = 'fr-1001' and line_no = 1");
        QuickBooksRunReport report = postings.run();

        assertThat(report.confirmed()).isEqualTo(1);
        quickbooks.verify(1, postRequestedFor(urlPathEqualTo(BILL)).withRequestBody(matchingJsonPath("$.Id", equalTo("146"))
                .and(matchingJsonPath("$.SyncToken", equalTo("1")))
                .and(matchingJsonPath("$.sparse", equalTo("true")))));
        quickbooks.verify(1, getRequestedFor(urlPathEqualTo(BILL + "/146")));
        quickbooks.verify(3, postRequestedFor(urlPathEqualTo(BILL)));
        assertThat(outbox("wo-fr-1001-bill")).containsEntry("STATUS", "CONFIRMED").containsEntry("SYNC_TOKEN", "2");
        assertThat((BigDecimal) outbox("wo-fr-1001-bill").get("QB_AMOUNT")).isEqualByComparingTo("1300.00");
    }

    @Test
    void aDuplicateVendorNameReusesTheVendorThatExists() throws Exception {
        approvedWorkOrder("RO-1001", "1250.00");
        quickbooks.stubFor(get(urlPathEqualTo(QUERY)).withQueryParam("query", equalTo(VENDOR_BY_NAME))
                .inScenario("vendor").whenScenarioStateIs(Scenario.STARTED).willReturn(json(200, "query-empty.json")));
        quickbooks.stubFor(post(urlPathEqualTo(VENDOR)).inScenario("vendor").willReturn(json(400, "fault-6240.json"))
                .willSetStateTo("duplicate"));
        quickbooks.stubFor(get(urlPathEqualTo(QUERY)).withQueryParam("query", equalTo(VENDOR_BY_NAME))
                .inScenario("vendor").whenScenarioStateIs("duplicate").willReturn(json(200, "vendor-query.json")));
        quickbooks.stubFor(post(urlPathEqualTo(BILL)).willReturn(json(200, "bill-created.json")));

        QuickBooksRunReport report = postings.run();

        assertThat(report.confirmed()).isEqualTo(1);
        quickbooks.verify(1, postRequestedFor(urlPathEqualTo(VENDOR)));
        quickbooks.verify(1, postRequestedFor(urlPathEqualTo(BILL)).withRequestBody(matchingJsonPath("$.VendorRef.value", equalTo("77"))));
        assertThat(jdbc.queryForObject("select qb_id from qb_vendor where display_name = 'Midwest Truck Repair'", String.class)).isEqualTo("77");
    }

    @Test
    void aLostRefreshAnswerIsRetriedWithTheStoredTokenAndTheRotatedOneIsStoredEncrypted() throws Exception {
        tokenStore.save(QuickBooksWireMock.REALM, "RT-stored-1", Instant.parse("2026-07-01T00:00:00Z"));
        approvedWorkOrder("RO-1001", "1250.00");
        vendorExists();
        quickbooks.stubFor(post(urlPathEqualTo(TOKEN_PATH)).inScenario("refresh").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(json(200, "token.json").withFixedDelay(3_500)).willSetStateTo("answer lost"));
        quickbooks.stubFor(post(urlPathEqualTo(TOKEN_PATH)).inScenario("refresh").whenScenarioStateIs("answer lost")
                .willReturn(json(200, "token.json")));
        quickbooks.stubFor(post(urlPathEqualTo(BILL)).willReturn(json(200, "bill-created.json")));

        QuickBooksRunReport report = postings.run();

        assertThat(report.confirmed()).isEqualTo(1);
        List<LoggedRequest> refreshes = quickbooks.findAll(postRequestedFor(urlPathEqualTo(TOKEN_PATH)));
        assertThat(refreshes).hasSize(2);
        assertThat(refreshes).allSatisfy(r -> {
            assertThat(r.getBodyAsString()).isEqualTo("grant_type=refresh_token&refresh_token=RT-stored-1");
            assertThat(r.getHeader("Authorization")).isEqualTo("Basic " + Base64.getEncoder()
                    .encodeToString("ABtestClientId:test-client-secret".getBytes(StandardCharsets.UTF_8)));
        });
        assertThat(tokenStore.load(QuickBooksWireMock.REALM)).contains("RT-rotated-2");
        String atRest = jdbc.queryForObject("select refresh_token_enc from qb_token", String.class);
        assertThat(atRest).doesNotContain("RT-rotated-2");
        quickbooks.verify(1, postRequestedFor(urlPathEqualTo(BILL)).withHeader("Authorization", equalTo("Bearer AT-2")));
    }

    @Test
    void invalidGrantStopsTheFlowWithReconnectQuickBooks() {
        approvedWorkOrder("RO-1001", "1250.00");
        quickbooks.stubFor(post(urlPathEqualTo(TOKEN_PATH)).willReturn(json(400, "invalid-grant.json")));

        QuickBooksRunReport first = postings.run();
        QuickBooksRunReport second = postings.run();

        assertThat(first.error()).contains("reconnect QuickBooks");
        assertThat(second.error()).contains("reconnect QuickBooks");
        assertThat(first.stillPending()).isEqualTo(1);
        quickbooks.verify(1, postRequestedFor(urlPathEqualTo(TOKEN_PATH)));
        quickbooks.verify(0, postRequestedFor(urlPathEqualTo(BILL)));
        assertThat(jdbc.queryForList("select status, error from flow_run where flow = 'quickbooks-postings'"))
                .allSatisfy(run -> {
                    assertThat(run.get("STATUS")).isEqualTo("FAILED");
                    assertThat((String) run.get("ERROR")).contains("reconnect QuickBooks");
                });
        assertThat(health.get("quickBooksHealthIndicator").health().getStatus()).isEqualTo(Status.DOWN);
        assertThat(outbox("wo-fr-1001-bill")).containsEntry("STATUS", "PENDING");
    }

    @Test
    void aFaultGoesToDeadLettersWithCodeElementAndMessage() throws Exception {
        approvedWorkOrder("RO-1001", "1250.00");
        vendorExists();
        quickbooks.stubFor(post(urlPathEqualTo(BILL)).willReturn(json(400, "fault-2020.json")));

        QuickBooksRunReport report = postings.run();

        assertThat(report.failed()).isEqualTo(1);
        quickbooks.verify(1, postRequestedFor(urlPathEqualTo(BILL)));
        Map<String, Object> letter = jdbc.queryForMap("select * from dead_letter where flow = 'quickbooks-postings'");
        assertThat(letter).containsEntry("RECORD_KEY", "wo-fr-1001-bill").containsEntry("ERROR_CODE", "QB-2020")
                .containsEntry("FIELD", "Line.AccountBasedExpenseLineDetail.AccountRef");
        assertThat((String) letter.get("REASON")).contains("Required param missing");
        assertThat(outbox("wo-fr-1001-bill")).containsEntry("STATUS", "FAILED");

        // the account was fixed in QuickBooks: an operator replays the dead letter and the Bill goes out once
        quickbooks.stubFor(post(urlPathEqualTo(BILL)).willReturn(json(200, "bill-created.json")));
        assertThat(mvc.perform(MockMvcRequestBuilders.post("/api/dead-letters/" + letter.get("ID") + "/replay")
                .with(DevelopmentUsers.operator())).andReturn().getResponse().getStatus()).isEqualTo(200);
        assertThat(outbox("wo-fr-1001-bill")).containsEntry("STATUS", "PENDING");
        assertThat(postings.run().confirmed()).isEqualTo(1);
        assertThat(outbox("wo-fr-1001-bill")).containsEntry("STATUS", "CONFIRMED");
    }

    @Test
    void anUnbalancedGlDayIsRefusedWithBothTotalsAndABalancedDayIsOneJournalEntry() throws Exception {
        quickbooks.stubFor(post(urlPathEqualTo(API + "/journalentry")).willReturn(json(200, "journalentry-created.json")));
        String csv = """
                GL Date,GL Account,Debit,Credit,Memo
                03/30/2026,1010,1000.00,0.00,Lease payments received
                03/30/2026,1200,0.00,800.00,Receivables applied
                03/30/2026,4100,0.00,200.00,Late fees earned
                03/31/2026,1010,1000.00,0.00,Lease payments received
                03/31/2026,1200,0.00,990.00,Receivables applied
                """;
        ingest.ingest("gl", "gl_20260331.csv", new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)));

        QuickBooksRunReport report = postings.run();

        assertThat(report.confirmed()).isEqualTo(1);
        assertThat(report.refused()).isEqualTo(1);
        List<LoggedRequest> entries = quickbooks.findAll(postRequestedFor(urlPathEqualTo(API + "/journalentry")));
        assertThat(entries).hasSize(1);
        JsonNode entry = JSON.readTree(entries.get(0).getBodyAsString());
        assertThat(entry.path("TxnDate").asText()).isEqualTo("2026-03-30");
        assertThat(entry.path("DocNumber").asText()).isEqualTo("GL-20260330");
        assertThat(entry.path("Line")).hasSize(3);
        assertThat(entry.path("Line").get(0).path("JournalEntryLineDetail").path("PostingType").asText()).isEqualTo("Debit");
        assertThat(entry.path("Line").get(0).path("JournalEntryLineDetail").path("AccountRef").path("value").asText()).isEqualTo("35");
        assertThat(entry.path("Line").get(2).path("JournalEntryLineDetail").path("ClassRef").path("value").asText())
                .isEqualTo("5000000000000012345");
        assertThat(entries.get(0).queryParameter("requestid").firstValue()).isEqualTo("gl-2026-03-30-je");
        JsonNode receivable = entry.path("Line").get(1).path("JournalEntryLineDetail");
        assertThat(receivable.path("AccountRef").path("value").asText()).isEqualTo("84");
        assertThat(receivable.path("Entity").path("Type").asText()).isEqualTo("Customer");
        assertThat(receivable.path("Entity").path("EntityRef").path("value").asText()).isEqualTo("58");
        assertThat(entry.path("Line").get(0).path("JournalEntryLineDetail").has("Entity")).isFalse();
        Map<String, Object> letter = jdbc.queryForMap("select * from dead_letter where flow = 'quickbooks-postings'");
        assertThat(letter).containsEntry("RECORD_KEY", "gl-2026-03-31").containsEntry("ERROR_CODE", "UNBALANCED_GL_DAY");
        assertThat((String) letter.get("REASON")).contains("debits 1000.00").contains("credits 990.00");
    }

    @Test
    void aBacklogNeverHasMoreCallsInFlightThanTheCompanyAllows() {
        jdbc.update("insert into qb_vendor (display_name, qb_id, updated_at) values ('Midwest Truck Repair', '77', ?)",
                Timestamp.from(Instant.now()));
        for (int i = 0; i < 24; i++) {
            approvedWorkOrder("RO-" + (2000 + i), "1250.00");
        }
        quickbooks.stubFor(post(urlPathEqualTo(BILL)).willReturn(json(200, "bill-created.json").withFixedDelay(150)));
        quickbooks.stubFor(post(urlPathEqualTo(TOKEN_PATH)).willReturn(json(200, "token.json").withFixedDelay(100)));
        QuickBooksWireMock.IN_FLIGHT.reset();

        QuickBooksRunReport report = postings.run();

        assertThat(report.confirmed()).isEqualTo(24);
        quickbooks.verify(1, postRequestedFor(urlPathEqualTo(TOKEN_PATH)));
        quickbooks.verify(24, postRequestedFor(urlPathEqualTo(BILL)));
        assertThat(QuickBooksWireMock.IN_FLIGHT.max()).as("calls QuickBooks saw at once (limit 3, 8 workers)").isBetween(2, 3);
    }

    @Test
    void agentFeesAndResalesSettlingTheirLeasesPostAndTheReconciliationListsEveryDifference() throws Exception {
        approvedWorkOrder("RO-1001", "1250.00");
        vendorExists();
        quickbooks.stubFor(post(urlPathEqualTo(BILL)).willReturn(json(200, "bill-created.json")));
        quickbooks.stubFor(post(urlPathEqualTo(BILL)).withRequestBody(matchingJsonPath("$.DocNumber", equalTo("FEE-00001042")))
                .willReturn(json(200, "bill-fee-created.json")));
        quickbooks.stubFor(post(urlPathEqualTo(API + "/journalentry")).willReturn(json(200, "journalentry-resale-created.json")));
        quickbooks.stubFor(post(urlPathEqualTo(API + "/journalentry")).withRequestBody(matchingJsonPath("$.DocNumber", equalTo("RESALE-00001043")))
                .willReturn(json(503, "fault-503.json")));
        Timestamp now = Timestamp.from(Instant.now());
        jdbc.update("""
                insert into repo_case (case_id, case_number, vin, status, agent_name, agent_fee, updated_at)
                values ('500000000000042AAA', '00001042', '1FTFW1E50MFA00042', 'RECOVERED', 'Recovery Pros LLC', 450.00, ?)""", now);
        jdbc.update("""
                insert into repo_sale (case_id, case_number, vin, sale_price, sale_date, buyer, recorded_at, carrying_value)
                values ('500000000000042AAA', '00001042', '1FTFW1E50MFA00042', 9800.00, '2026-03-28', 'Metro Auto Auction', ?, 11000.00)""", now);
        review("500000000000042AAA", "12000.00", "2050.50", "9800.00", "4250.50", "0.00");

        QuickBooksRunReport first = postings.run();

        assertThat(first.confirmed()).isEqualTo(3);
        JsonNode fee = JSON.readTree(quickbooks.findAll(postRequestedFor(urlPathEqualTo(BILL))
                .withRequestBody(matchingJsonPath("$.DocNumber", equalTo("FEE-00001042")))).get(0).getBodyAsString());
        assertThat(fee.path("Line").get(0).path("Amount").decimalValue()).isEqualByComparingTo("450.00");
        assertThat(fee.path("Line").get(0).path("AccountBasedExpenseLineDetail").path("AccountRef").path("value").asText()).isEqualTo("61");
        quickbooks.verify(postRequestedFor(urlPathEqualTo(VENDOR)).withRequestBody(matchingJsonPath("$.DisplayName", equalTo("Recovery Pros LLC"))));
        // the sale settles lease L-1042: 12,000.00 owed + 2,050.50 costs - 9,800.00 proceeds = 4,250.50 deficiency
        LoggedRequest resale = quickbooks.findAll(postRequestedFor(urlPathEqualTo(API + "/journalentry"))).get(0);
        assertThat(resale.queryParameter("requestid").firstValue()).isEqualTo("case-500000000000042AAA-resale");
        JsonNode entry = JSON.readTree(resale.getBodyAsString());
        assertThat(entry.path("DocNumber").asText()).isEqualTo("RESALE-00001042");
        assertThat(entry.path("TxnDate").asText()).isEqualTo("2026-03-28");
        List<String> lines = new java.util.ArrayList<>();
        entry.path("Line").forEach(line -> lines.add(line.path("JournalEntryLineDetail").path("PostingType").asText() + " "
                + line.path("JournalEntryLineDetail").path("AccountRef").path("value").asText() + " " + line.path("Amount").decimalValue().setScale(2)
                + " " + line.path("JournalEntryLineDetail").path("Entity").path("EntityRef").path("value").asText("-")));
        assertThat(lines).containsExactly("Debit 35 9800.00 -", "Debit 85 4250.50 58", "Credit 84 12000.00 58", "Credit 68 2050.50 -",
                "Debit 69 11000.00 -", "Credit 16 11000.00 -");
        quickbooks.verify(0, postRequestedFor(urlPathEqualTo(API + "/salesreceipt")));

        JsonNode balanced = reconciliation();
        assertThat(balanced.path("differences")).isEmpty();
        JsonNode saleDay = StreamSupport.stream(balanced.path("days").spliterator(), false)
                .filter(d -> d.path("type").asText().equals("RESALE_JOURNAL_ENTRY")).findFirst().orElseThrow();
        assertThat(saleDay.path("day").asText()).isEqualTo("2026-03-28");
        assertThat(saleDay.path("source").path("total").decimalValue()).isEqualByComparingTo("25050.50");
        assertThat(saleDay.path("outbox").path("count").asLong()).isEqualTo(1);
        assertThat(saleDay.path("confirmed").path("count").asLong()).isEqualTo(1);

        // a second sale meets a QuickBooks outage: the reconciliation names it
        jdbc.update("""
                insert into repo_sale (case_id, case_number, vin, sale_price, sale_date, buyer, recorded_at)
                values ('500000000000043AAA', '00001043', '1FTFW1E50MFA00043', 7100.00, '2026-03-29', 'Metro Auto Auction', ?)""", now);
        review("500000000000043AAA", "6200.00", "810.25", "7100.00", "0.00", "89.75");
        QuickBooksRunReport second = postings.run();
        assertThat(second.stillPending()).isEqualTo(1);
        JsonNode open = reconciliation();
        assertThat(open.path("differences")).hasSize(1);
        assertThat(open.path("differences").get(0).path("kind").asText()).isEqualTo("PENDING");
        assertThat(open.path("differences").get(0).path("sourceKey").asText()).isEqualTo("500000000000043AAA");
        assertThat(mvc.perform(MockMvcRequestBuilders.get("/api/reconciliation")).andReturn().getResponse().getStatus()).isEqualTo(401);
    }

    @Test
    void aSaleAlreadyPostedAsASalesReceiptIsNotPostedAgainAndASaleWithoutItsReviewIsQuarantinedNamingTheCase() throws Exception {
        Timestamp now = Timestamp.from(Instant.now());
        jdbc.update("""
                insert into repo_sale (case_id, case_number, vin, sale_price, sale_date, buyer, recorded_at) values
                ('500000000000042AAA', '00001042', '1FTFW1E50MFA00042', 9800.00, '2026-03-28', 'Metro Auto Auction', ?),
                ('500000000000044AAA', '00001044', '1FTFW1E50MFA00044', 6400.00, '2026-03-29', 'Metro Auto Auction', ?)""", now, now);
        review("500000000000042AAA", "12000.00", "2050.50", "9800.00", "4250.50", "0.00");
        jdbc.update("""
                insert into qb_outbox (request_id, posting_type, entity, source_key, doc_number, txn_date, amount, payload, payload_hash,
                       status, qb_id, created_at, updated_at)
                values ('case-500000000000042AAA-sale', 'SALES_RECEIPT', 'SalesReceipt', '500000000000042AAA', 'SALE-00001042',
                        '2026-03-28', 9800.00, '{}', 'h', 'CONFIRMED', '77', ?, ?)""", now, now);

        postings.run();

        quickbooks.verify(0, postRequestedFor(urlPathEqualTo(API + "/journalentry")));
        assertThat(jdbc.queryForList("select request_id from qb_outbox where posting_type = 'RESALE_JOURNAL_ENTRY'", String.class)).isEmpty();
        Map<String, Object> refused = jdbc.queryForMap("select record_key, error_code, reason from dead_letter where record_type = 'RESALE_JOURNAL_ENTRY'");
        assertThat(refused).containsEntry("RECORD_KEY", "500000000000044AAA").containsEntry("ERROR_CODE", "NO_FINAL_REVIEW");
        assertThat((String) refused.get("REASON")).contains("case 00001044", "no final account review");
    }

    private void review(String caseId, String payoff, String costs, String proceeds, String deficiency, String surplus) {
        jdbc.update("""
                insert into repo_review (case_id, case_number, lease_id, payoff_at_recovery, total_costs, net_proceeds, deficiency,
                       surplus, review, reviewed_at) values (?, ?, ?, ?, ?, ?, ?, ?, 'review', ?)""",
                caseId, "000010" + caseId.substring(13, 15), "L-10" + caseId.substring(13, 15), new BigDecimal(payoff),
                new BigDecimal(costs), new BigDecimal(proceeds), new BigDecimal(deficiency), new BigDecimal(surplus),
                Timestamp.from(Instant.now()));
    }

    @Test
    void aRecoveryCostEnteredOnACaseIsOneBillToItsVendorAndDerivedRepairsAndFeesAreNotBilledAgain() throws Exception {
        quickbooks.stubFor(post(urlPathEqualTo(BILL)).willReturn(json(200, "bill-cost-created.json")));
        Timestamp now = Timestamp.from(Instant.now());
        jdbc.update("""
                insert into repo_case (case_id, case_number, vin, status, updated_at)
                values ('500000000000042AAA', '00001042', '1FTFW1E50MFA00042', 'RECOVERED', ?)""", now);
        jdbc.update("""
                insert into recovery_cost (cost_key, case_id, cost_type, vendor, amount, cost_date, invoice, source, updated_at) values
                ('a0AD000000Rc1AAAAZ', '500000000000042AAA', 'TRANSPORT', 'Big Tex Towing', 385.50, '2026-03-27', 'BT-20931', 'SALESFORCE', ?),
                ('REPAIR-fr-1001', '500000000000042AAA', 'REPAIR', 'Midwest Truck Repair', 1250.00, '2026-03-30', 'RO-1001', 'FLEETROCK', ?),
                ('AGENT_FEE-500000000000042AAA', '500000000000042AAA', 'AGENT_FEE', 'Recovery Pros LLC', 450.00, '2026-03-26', null, 'CASE', ?)""",
                now, now, now);

        QuickBooksRunReport first = postings.run();
        QuickBooksRunReport second = postings.run();

        assertThat(first.confirmed()).isEqualTo(1);
        assertThat(second.confirmed()).as("posted once").isZero();
        List<LoggedRequest> bills = quickbooks.findAll(postRequestedFor(urlPathEqualTo(BILL)));
        assertThat(bills).hasSize(1);
        assertThat(bills.get(0).queryParameter("requestid").firstValue()).isEqualTo("cost-a0AD000000Rc1AAAAZ-bill");
        assertThat(bills.get(0).queryParameter("minorversion").firstValue()).isEqualTo("75");
        JsonNode bill = JSON.readTree(bills.get(0).getBodyAsString());
        assertThat(bill.path("DocNumber").asText()).isEqualTo("RC-a0AD000000Rc1AAAAZ");
        assertThat(bill.path("TxnDate").asText()).isEqualTo("2026-03-27");
        assertThat(bill.path("VendorRef").path("value").asText()).isEqualTo("77");
        assertThat(bill.path("Line").get(0).path("Amount").decimalValue()).isEqualByComparingTo("385.50");
        assertThat(bill.path("Line").get(0).path("AccountBasedExpenseLineDetail").path("AccountRef").path("value").asText()).isEqualTo("63");
        quickbooks.verify(postRequestedFor(urlPathEqualTo(VENDOR)).withRequestBody(matchingJsonPath("$.DisplayName", equalTo("Big Tex Towing"))));
        assertThat(outbox("cost-a0AD000000Rc1AAAAZ-bill")).containsEntry("STATUS", "CONFIRMED").containsEntry("QB_ID", "151");
    }

    private JsonNode reconciliation() throws Exception {
        return JSON.readTree(mvc.perform(MockMvcRequestBuilders.get("/api/reconciliation").with(DevelopmentUsers.viewer()))
                .andReturn().getResponse().getContentAsString());
    }

    private void vendorExists() {
        quickbooks.stubFor(get(urlPathEqualTo(QUERY)).withQueryParam("query", equalTo(VENDOR_BY_NAME)).willReturn(json(200, "vendor-query.json")));
    }

    private void approvedWorkOrder(String roNumber, String grandTotal) {
        approvedWorkOrder(roNumber, grandTotal, "2026-03-30T15:00:00Z");
    }

    private void approvedWorkOrder(String roNumber, String grandTotal, String approvedAt) {
        String roId = "fr-" + roNumber.substring(3);
        jdbc.update("""
                insert into work_order (ro_id, ro_number, vin, unit_number, vendor_name, status, labor_total, part_total, tax_total,
                    grand_total, approval_status, approved_at, salesforce_id, content_hash, updated_at)
                values (?, ?, '1FTFW1E50MFA00001', 'U-17', 'Midwest Truck Repair', 'invoiced', 800.00, 400.00, 50.00, ?, 'Approved',
                    ?, '0WO000000000001AAA', 'h', ?)""",
                roId, roNumber, new BigDecimal(grandTotal), Timestamp.from(Instant.parse(approvedAt)), Timestamp.from(Instant.now()));
        jdbc.update("insert into work_order_line (ro_id, line_no, kind, description, quantity, amount) values (?, 1, 'LABOR', 'Replace brake pads', 4, 800.00)", roId);
        jdbc.update("insert into work_order_line (ro_id, line_no, kind, description, quantity, amount) values (?, 2, 'PART', 'Brake pad set', 2, 400.00)", roId);
    }

    private Map<String, Object> outbox(String requestId) {
        return jdbc.queryForMap("select * from qb_outbox where request_id = ?", requestId);
    }

}
