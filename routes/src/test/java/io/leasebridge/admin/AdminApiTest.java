package io.leasebridge.admin;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.leasebridge.hub.DeadLetters;
import io.leasebridge.LeaseBridgeApplication;
import io.leasebridge.hub.RunCounts;
import io.leasebridge.hub.RunHistory;
import io.leasebridge.ingest.LeaseWorksExportIngest;
import io.leasebridge.promises.PromiseJudgement;
import io.leasebridge.salesforce.SalesforceOutboxDrainRoute;
import io.leasebridge.salesforce.SalesforceWireMock;
import io.leasebridge.security.DevelopmentUsers;
import io.leasebridge.testing.HubTables;
import io.leasebridge.testing.LeaseWorksExports;
import io.leasebridge.testing.TestProperties;
import org.apache.camel.CamelContext;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.ServiceStatus;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;

import static com.github.tomakehurst.wiremock.client.WireMock.patch;
import static com.github.tomakehurst.wiremock.client.WireMock.patchRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static io.leasebridge.salesforce.SalesforceWireMock.body;
import static io.leasebridge.salesforce.SalesforceWireMock.json;
import static io.leasebridge.salesforce.SalesforceWireMock.upsertPath;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The admin API over MockMvc, signed in as the development users, against a Salesforce org on WireMock and an
 * in-memory hub: flows, runs, dead letters and their replay, trigger, pause and resume, the account view, errors.
 */
@SpringBootTest(classes = LeaseBridgeApplication.class)
@AutoConfigureMockMvc
class AdminApiTest {

    private static final WireMockServer salesforce = SalesforceWireMock.start();
    private static final Path inbox = tempDir();
    private static final String DRAIN = "salesforce-outbox-drain";

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        TestProperties.parked(registry, salesforce, "admin-api");
        registry.add("leasebridge.leaseworks.inbox", inbox::toString);
        // accounts: the default scheduler, its first poll an hour away; payments: a Quartz cron of its own, in 2099
        registry.add("leasebridge.leaseworks.exports.accounts", () -> export("accounts", "initialDelay=3600000&delay=3600000"));
        registry.add("leasebridge.leaseworks.exports.payments", () -> export("payments", "scheduler=quartz&scheduler.cron=0+0+0+1+1+?+2099"));
    }

    private static String export(String name, String scheduling) {
        return "file:" + inbox + "?include=" + name + ".*\\.csv&move=.done/$simple{file:name}&" + scheduling;
    }

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    LeaseWorksExportIngest ingest;
    @Autowired
    PromiseJudgement judgement;
    @Autowired
    ProducerTemplate producer;
    @Autowired
    RunHistory runs;
    @Autowired
    CamelContext camel;
    @Autowired
    DeadLetters deadLetters;

    @AfterAll
    static void stopSalesforce() {
        salesforce.stop();
    }

    @BeforeEach
    void emptyHubAndSalesforceThatRefusesDuplicates() {
        HubTables.clear(jdbc);
        jdbc.update("delete from promise_event");
        jdbc.update("delete from promise");
        salesforce.resetAll();
        SalesforceWireMock.stubLogin(salesforce);
        salesforce.stubFor(patch(urlPathMatching("/services/data/v62.0/composite/sobjects/.*"))
                .willReturn(json(200, body("collections-upsert-results.json"))));
    }

    @AfterEach
    void everyFlowRunsAgain() throws Exception {
        for (String flow : List.of(DRAIN, "promise-judgement", "leaseworks-accounts")) {
            operator(post("/api/flows/{flow}/resume", flow)).andExpect(status().isOk());
        }
    }

    @Test
    void flowsAreListedWithTheirRoutesStatusTriggerAndLastRun() throws Exception {
        drain();

        viewer(get("/api/flows"))
                .andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_JSON))
                .andExpect(jsonPath("$[*].name").value(org.hamcrest.Matchers.containsInRelativeOrder("leaseworks-accounts",
                        "leaseworks-notes", "leaseworks-payments", "leaseworks-promises", "promise-judgement", DRAIN)))
                .andExpect(jsonPath("$[?(@.name == 'salesforce-outbox-drain')].status").value(hasItem("started")))
                .andExpect(jsonPath("$[?(@.name == 'salesforce-outbox-drain')].routes[*].id").value(
                        org.hamcrest.Matchers.contains("salesforce-outbox-drain-schedule", DRAIN)))
                .andExpect(jsonPath("$[?(@.name == 'salesforce-outbox-drain')].trigger").value(
                        hasItem("sends to direct://salesforce-outbox-drain in the background, as its schedule does")))
                .andExpect(jsonPath("$[?(@.name == 'salesforce-outbox-drain')].lastRun.status").value(hasItem("SUCCEEDED")))
                .andExpect(jsonPath("$[?(@.name == 'leaseworks-accounts')].routes[*].id").value(hasItem("leaseworks-accounts-ingest")))
                .andExpect(jsonPath("$[?(@.name == 'leaseworks-accounts')].routes[*].status").value(hasItem("Started")))
                .andExpect(jsonPath("$[?(@.name == 'leaseworks-accounts')].trigger").value(hasItem("polls leaseworks-accounts-ingest once now")))
                .andExpect(jsonPath("$[?(@.name == 'leaseworks-accounts')].lastRun").value(hasItem(nullValue())))
                .andExpect(jsonPath("$[?(@.name == 'salesforce-collections-upsert')]").isEmpty());
    }

    @Test
    void runsArePagedNewestFirstWithTheTotalAndFiltered() throws Exception {
        for (int i = 1; i <= 3; i++) {
            runs.finish(runs.start("leaseworks-payments", "payments_" + i + ".csv"), new RunCounts(i, i, 0, 0, 0, 0), i == 2 ? "boom" : null);
        }
        runs.start(DRAIN, null);

        viewer(get("/api/runs").param("flow", "leaseworks-payments").param("size", "2"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.total").value(3))
                .andExpect(jsonPath("$.page").value(0))
                .andExpect(jsonPath("$.size").value(2))
                .andExpect(jsonPath("$.items[*].source").value(org.hamcrest.Matchers.contains("payments_3.csv", "payments_2.csv")))
                .andExpect(jsonPath("$.items[0].counts.read").value(3))
                .andExpect(jsonPath("$.items[0].startedAt").value(org.hamcrest.Matchers.matchesPattern("\\d{4}-\\d\\d-\\d\\dT.*Z")));
        viewer(get("/api/runs").param("flow", "leaseworks-payments").param("size", "2").param("page", "1"))
                .andExpect(jsonPath("$.items[*].source").value(org.hamcrest.Matchers.contains("payments_1.csv")));
        viewer(get("/api/runs").param("status", "failed"))
                .andExpect(jsonPath("$.total").value(1))
                .andExpect(jsonPath("$.items[0].error").value("boom"));
        viewer(get("/api/runs").param("flow", DRAIN).param("status", "RUNNING"))
                .andExpect(jsonPath("$.total").value(1));
        viewer(get("/api/runs")).andExpect(jsonPath("$.total").value(4)).andExpect(jsonPath("$.size").value(50));
    }

    @Test
    void anOperatorReplaysARecordSalesforceRefusedAndTheNextDrainDeliversIt() throws Exception {
        ingest.ingest("accounts", "accounts_1.csv", LeaseWorksExports.accounts().lease("C-3", "DUPLICATE Co", "L-4", 95).stream());
        drain();
        long id = jdbc.queryForObject("select id from dead_letter where record_key = 'C-3'", Long.class);

        viewer(get("/api/dead-letters").param("flow", DRAIN).param("status", "OPEN"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.total").value(1))
                .andExpect(jsonPath("$.items[0].id").value(id))
                .andExpect(jsonPath("$.items[0].recordType").value("Account"))
                .andExpect(jsonPath("$.items[0].errorCode").value("DUPLICATE_VALUE"))
                .andExpect(jsonPath("$.items[0].reason").value(containsString("duplicate value found")))
                .andExpect(jsonPath("$.items[0].payload").doesNotExist());
        viewer(get("/api/dead-letters/{id}", id))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.id").value(id))
                .andExpect(jsonPath("$.field").value("Email__c"))
                .andExpect(jsonPath("$.status").value("OPEN"))
                .andExpect(jsonPath("$.payload.LeaseWorks_Customer_Id__c").value("C-3"))
                .andExpect(jsonPath("$.payload.Name").value("****"));
        viewer(post("/api/dead-letters/{id}/replay", id)).andExpect(status().isForbidden());

        // the duplicate was merged away in Salesforce: the same record now goes through
        salesforce.stubFor(patch(urlPathEqualTo(upsertPath("Account", "LeaseWorks_Customer_Id__c")))
                .willReturn(json(200, body("all-succeed-results.json"))));
        operator(post("/api/dead-letters/{id}/replay", id))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.deadLetterId").value(id))
                .andExpect(jsonPath("$.replayed").value(true))
                .andExpect(jsonPath("$.detail").value("queued for Salesforce again"))
                .andExpect(jsonPath("$.status").value("REPLAYED"));
        operator(post("/api/flows/{flow}/trigger", DRAIN))
                .andExpect(status().isAccepted())
                .andExpect(jsonPath("$.mechanism").value("sent to direct://salesforce-outbox-drain"))
                .andExpect(jsonPath("$.follow").value("/api/runs?flow=salesforce-outbox-drain"));

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                assertThat(jdbc.queryForObject("select status from sf_outbox where external_id = 'C-3'", String.class)).isEqualTo("DELIVERED"));
        assertThat(jdbc.queryForMap("select status, replay_outcome from dead_letter where id = ?", id))
                .containsEntry("status", "REPLAYED").containsEntry("replay_outcome", "queued for Salesforce again");
        salesforce.verify(2, patchRequestedFor(urlPathEqualTo(upsertPath("Account", "LeaseWorks_Customer_Id__c"))));
        viewer(get("/api/dead-letters/{id}", id)).andExpect(jsonPath("$.replayedAt").isNotEmpty());

        operator(post("/api/dead-letters/{id}/replay", id))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.error").value("dead letter not open"))
                .andExpect(jsonPath("$.detail").value("dead letter " + id
                        + " is REPLAYED (queued for Salesforce again): only OPEN dead letters are replayed"));
    }

    @Test
    void aReplayThatFailsAgainKeepsTheDeadLetterOpenWithTheNewReason() throws Exception {
        ingest.ingest("payments", "payments_1.csv", LeaseWorksExports.payments().payment("P-1", "L-1", "12.345", "10/16/2026").stream());
        long id = jdbc.queryForObject("select id from dead_letter", Long.class);

        operator(post("/api/dead-letters/{id}/replay", id))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.replayed").value(false))
                .andExpect(jsonPath("$.detail").value(containsString("column 'Amount' (amount): more than two decimals")))
                .andExpect(jsonPath("$.status").value("OPEN"))
                .andExpect(jsonPath("$.attempts").value(2));
        viewer(get("/api/dead-letters/{id}", id))
                .andExpect(jsonPath("$.replayOutcome").value("failed again"))
                .andExpect(jsonPath("$.payload.Amount").value("12.345"));
    }

    @Test
    void aDeadLetterAnotherReplayHasTakenIsNotReplayedAgainAndIsOpenOnceThatReplayLeavesItUnsettled() throws Exception {
        ingest.ingest("payments", "payments_1.csv", LeaseWorksExports.payments().payment("P-1", "L-1", "12.345", "10/16/2026").stream());
        long id = jdbc.queryForObject("select id from dead_letter", Long.class);
        assertThat(deadLetters.claimForReplay(id)).as("a replay under way, on this node or another").isTrue();

        operator(post("/api/dead-letters/{id}/replay", id))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.detail").value("dead letter " + id + " is REPLAYING: only OPEN dead letters are replayed"));
        operator(post("/api/dead-letters/replay").param("flow", "leaseworks-payments"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.replayed").value(0));
        assertThat(deadLetters.claimForReplay(id)).as("taken once").isFalse();

        deadLetters.endReplay(id);
        operator(post("/api/dead-letters/{id}/replay", id))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.replayed").value(false))
                .andExpect(jsonPath("$.status").value("OPEN"))
                .andExpect(jsonPath("$.attempts").value(2));
    }

    @Test
    void aFilteredReplayTriesTheOpenDeadLettersOfOneFlowAndReportsEach() throws Exception {
        ingest.ingest("accounts", "accounts_1.csv", LeaseWorksExports.accounts().lease("C-3", "DUPLICATE Co", "L-4", 95).stream());
        drain();
        ingest.ingest("payments", "payments_1.csv", LeaseWorksExports.payments()
                .payment("P-1", "L-4", "12.345", "10/16/2026").payment("P-2", "L-4", "99.999", "10/17/2026").stream());
        long fixed = jdbc.queryForObject("select id from dead_letter where record_key = 'P-1'", Long.class);
        long stillBad = jdbc.queryForObject("select id from dead_letter where record_key = 'P-2'", Long.class);
        long otherFlow = jdbc.queryForObject("select id from dead_letter where flow = ?", Long.class, DRAIN);
        jdbc.update("update dead_letter set payload = replace(payload, '12.345', '12.35') where id = ?", fixed);

        operator(post("/api/dead-letters/replay").param("flow", "leaseworks-payments").param("status", "OPEN"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.flow").value("leaseworks-payments"))
                .andExpect(jsonPath("$.matched").value(2))
                .andExpect(jsonPath("$.replayed").value(1))
                .andExpect(jsonPath("$.outcomes[0].deadLetterId").value(fixed))
                .andExpect(jsonPath("$.outcomes[0].replayed").value(true))
                .andExpect(jsonPath("$.outcomes[0].detail").value("applied to the hub"))
                .andExpect(jsonPath("$.outcomes[0].status").value("REPLAYED"))
                .andExpect(jsonPath("$.outcomes[1].deadLetterId").value(stillBad))
                .andExpect(jsonPath("$.outcomes[1].replayed").value(false))
                .andExpect(jsonPath("$.outcomes[1].status").value("OPEN"));

        assertThat(jdbc.queryForObject("select amount from payment where payment_id = 'P-1'", java.math.BigDecimal.class))
                .isEqualByComparingTo("12.35");
        assertThat(jdbc.queryForMap("select status, attempts, replayed_at from dead_letter where id = ?", otherFlow))
                .containsEntry("status", "OPEN").containsEntry("attempts", 1).containsEntry("replayed_at", null);
        operator(post("/api/dead-letters/replay").param("flow", "leaseworks-payments").param("limit", "1"))
                .andExpect(jsonPath("$.matched").value(1))
                .andExpect(jsonPath("$.outcomes[0].deadLetterId").value(stillBad));
        operator(post("/api/dead-letters/replay").param("status", "REPLAYED"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value("status: only OPEN dead letters are replayed, not REPLAYED"));
    }

    @Test
    void pauseSuspendsAFlowsRoutesTriggerRefusesItAndResumeBringsItBack() throws Exception {
        operator(post("/api/flows/{flow}/pause", "promise-judgement"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("paused"))
                .andExpect(jsonPath("$.routes[*].status").value(org.hamcrest.Matchers.everyItem(org.hamcrest.Matchers.is("Suspended"))));
        assertThat(routeStatus("promise-judgement-schedule")).isEqualTo(ServiceStatus.Suspended);
        assertThat(routeStatus("promise-judgement")).isEqualTo(ServiceStatus.Suspended);
        viewer(get("/api/flows")).andExpect(jsonPath("$[?(@.name == 'promise-judgement')].status").value(hasItem("paused")));

        operator(post("/api/flows/{flow}/trigger", "promise-judgement"))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.error").value("flow paused"));

        operator(post("/api/flows/{flow}/resume", "promise-judgement"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("started"));
        assertThat(routeStatus("promise-judgement-schedule")).isEqualTo(ServiceStatus.Started);
        assertThat(routeStatus("promise-judgement")).isEqualTo(ServiceStatus.Started);

        operator(post("/api/flows/{flow}/trigger", "promise-judgement")).andExpect(status().isAccepted());
        await().atMost(Duration.ofSeconds(20)).until(() -> HubTables.count(jdbc,
                "select count(*) from flow_run where flow = 'promise-judgement' and status = 'SUCCEEDED'") == 1);
    }

    @Test
    void aFlowThatIsRunningIsNotTriggeredTwice() throws Exception {
        long running = runs.start("promise-judgement", "as of today");

        operator(post("/api/flows/{flow}/trigger", "promise-judgement"))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.error").value("flow running"))
                .andExpect(jsonPath("$.detail").value(containsString("run " + running)));
    }

    @Test
    void triggeringAnExportPollsItsFolderNowAndPausingItStopsThePolls() throws Exception {
        drop("accounts_20261128.csv", LeaseWorksExports.accounts().lease("C-7", "Katherine Johnson", "L-7", 33).text());

        operator(post("/api/flows/{flow}/pause", "leaseworks-accounts"))
                .andExpect(jsonPath("$.routes[0].status").value("Suspended"));
        operator(post("/api/flows/{flow}/trigger", "leaseworks-accounts"))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.detail").value("leaseworks-accounts is paused: resume it before triggering it"));
        assertThat(routeStatus("leaseworks-accounts-ingest")).isEqualTo(ServiceStatus.Suspended);
        operator(post("/api/flows/{flow}/resume", "leaseworks-accounts")).andExpect(jsonPath("$.status").value("started"));

        operator(post("/api/flows/{flow}/trigger", "leaseworks-accounts"))
                .andExpect(status().isAccepted())
                .andExpect(jsonPath("$.mechanism").value("polled leaseworks-accounts-ingest once, besides its own schedule"));

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            assertThat(inbox.resolve(".done/accounts_20261128.csv")).exists();
            assertThat(HubTables.count(jdbc, "select count(*) from lease_account where lease_id = 'L-7'")).isEqualTo(1);
        });
        viewer(get("/api/runs").param("flow", "leaseworks-accounts"))
                .andExpect(jsonPath("$.items[0].source").value("accounts_20261128.csv"))
                .andExpect(jsonPath("$.items[0].status").value("SUCCEEDED"));
    }

    @Test
    void triggeringAnExportOnAQuartzCronFiresThatCronsJobNow() throws Exception {
        drop("payments_20261128.csv", LeaseWorksExports.payments().payment("P-9", "L-7", "450.00", "11/27/2026").text());

        operator(post("/api/flows/{flow}/trigger", "leaseworks-payments"))
                .andExpect(status().isAccepted())
                .andExpect(jsonPath("$.mechanism").value("fired the Quartz job that polls leaseworks-payments-ingest"));

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            assertThat(inbox.resolve(".done/payments_20261128.csv")).exists();
            assertThat(HubTables.count(jdbc, "select count(*) from payment where payment_id = 'P-9'")).isEqualTo(1);
        });
    }

    /** A complete export file, as the rename protocol delivers it. */
    private static void drop(String name, String text) throws java.io.IOException {
        Path file = Files.writeString(inbox.resolve(name), text);
        file.toFile().setLastModified(System.currentTimeMillis() - 60_000);
    }

    @Test
    void theAccountViewShowsTheLeaseWithCustomerPaymentsNotesAndPromises() throws Exception {
        ingest.ingest("accounts", "accounts_20260301.csv", LeaseWorksExports.accounts().lease("C-3", "Ada Lovelace", "L-4", 12).stream());
        ingest.ingest("promises", "promises_20260301.csv",
                LeaseWorksExports.promises().promise("L-4", "300.00", "03/10/2026", "jdoe", "03/01/2026 09:30").stream());
        ingest.ingest("payments", "payments_20260305.csv", LeaseWorksExports.payments().payment("P-1", "L-4", "300.00", "03/05/2026").stream());
        ingest.ingest("notes", "notes_20260301.csv", LeaseWorksExports.notes().note("N-1", "L-4", "promised 300 by the 10th").stream());
        judgement.judge(LocalDate.parse("2026-03-12"));
        // the collector spoke with the customer yesterday: no call for 7 days after a conversation
        jdbc.update("insert into call_attempt (activity_id, lease_id, attempted_at, conversation, read_at) values (?, ?, ?, true, ?)",
                "00TD00000C0001AAA", "L-4", java.sql.Timestamp.from(java.time.Instant.now().minus(java.time.Duration.ofDays(1))),
                java.sql.Timestamp.from(java.time.Instant.now()));

        viewer(get("/api/accounts/{leaseId}", "L-4"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.contactLimits.callAttempts7D").value(1))
                .andExpect(jsonPath("$.contactLimits.lastConversationAt").isNotEmpty())
                .andExpect(jsonPath("$.contactLimits.nextContactAllowedAt").isNotEmpty())
                .andExpect(jsonPath("$.contactLimits.blockedReason").value(org.hamcrest.Matchers.startsWith("CONVERSATION_PAUSE")))
                .andExpect(jsonPath("$.lease.leaseId").value("L-4"))
                .andExpect(jsonPath("$.lease.daysPastDue").value(12))
                .andExpect(jsonPath("$.lease.pastDueAmount").value(1234.50))
                .andExpect(jsonPath("$.lease.nextDueDate").value("2026-12-01"))
                .andExpect(jsonPath("$.customer.customerId").value("C-3"))
                .andExpect(jsonPath("$.customer.name").value("Ada Lovelace"))
                .andExpect(jsonPath("$.customer.doNotText").value(true))
                .andExpect(jsonPath("$.payments[0].paymentId").value("P-1"))
                .andExpect(jsonPath("$.payments[0].amount").value(300.00))
                .andExpect(jsonPath("$.payments[0].receivedDate").value("2026-03-05"))
                .andExpect(jsonPath("$.collectorNotes[0].noteId").value("N-1"))
                .andExpect(jsonPath("$.collectorNotes[0].text").value("promised 300 by the 10th"))
                .andExpect(jsonPath("$.promises[0].status").value("KEPT"))
                .andExpect(jsonPath("$.promises[0].amountApplied").value(300.00))
                .andExpect(jsonPath("$.promises[0].judgedOn").value("2026-03-12"))
                .andExpect(jsonPath("$.promiseHistory[*].type").value(org.hamcrest.Matchers.contains("MADE", "PAYMENT_APPLIED", "KEPT")))
                .andExpect(jsonPath("$.promiseHistory[0].actor").value("jdoe"))
                .andExpect(jsonPath("$.promiseHistory[1].paymentId").value("P-1"));
    }

    @Test
    void theAccountViewShowsTheVehicleItsLastLocationAndItsRepossessionCaseTimeline() throws Exception {
        ingest.ingest("accounts", "accounts_20260301.csv", LeaseWorksExports.accounts().lease("C-3", "Ada Lovelace", "L-4", 62).stream());
        java.sql.Timestamp at = java.sql.Timestamp.from(java.time.Instant.parse("2026-03-02T15:00:00Z"));
        jdbc.update("""
                insert into vehicle (vin, salesforce_id, lease_id, model_year, make, model, disposition, content_hash, updated_at)
                values ('1FTFW1ET9DFC10312', 'a05D000000Pq1AAAAZ', 'L-4', 2013, 'Ford', 'F-150', 'PENDING', 'h', ?)""", at);
        jdbc.update("""
                insert into vehicle_location (vin, provider, latitude, longitude, located_at, gps_status, updated_at)
                values ('1FTFW1ET9DFC10312', 'PASSTIME', 32.7767, -96.797, ?, 'REPORTING', ?)""", at, at);
        jdbc.update("""
                insert into repo_case (case_id, case_number, vin, status, refusal, updated_at)
                values ('500D000000Rp1AAAAZ', '00001027', '1FTFW1ET9DFC10312', 'PENDING', 'PENDING -> SOLD is not a step', ?)""", at);
        jdbc.update("""
                insert into repo_case_event (case_id, from_status, to_status, changed_at, changed_by, outcome, action, recorded_at)
                values ('500D000000Rp1AAAAZ', null, 'PENDING', ?, 'Rita Alvarez', 'APPLIED', 'vehicle disposition PENDING', ?)""", at, at);

        viewer(get("/api/accounts/{leaseId}", "L-4"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.vehicles[0].vehicle.vin").value("1FTFW1ET9DFC10312"))
                .andExpect(jsonPath("$.vehicles[0].vehicle.disposition").value("PENDING"))
                .andExpect(jsonPath("$.vehicles[0].location.gpsStatus").value("REPORTING"))
                .andExpect(jsonPath("$.vehicles[0].location.latitude").value(32.7767))
                .andExpect(jsonPath("$.vehicles[0].repoCases[0].caseNumber").value("00001027"))
                .andExpect(jsonPath("$.vehicles[0].repoCases[0].refusal").value("PENDING -> SOLD is not a step"))
                .andExpect(jsonPath("$.vehicles[0].repoCases[0].timeline[0].toStatus").value("PENDING"))
                .andExpect(jsonPath("$.vehicles[0].repoCases[0].timeline[0].changedBy").value("Rita Alvarez"));
    }

    @Test
    void theAuditTrailOfAnAccountListsEveryWriteToSalesforceWithItsOutcome() throws Exception {
        ingest.ingest("accounts", "accounts_20260301.csv", LeaseWorksExports.accounts().lease("C-3", "Ada Lovelace", "L-4", 12).stream());
        ingest.ingest("payments", "payments_20260305.csv", LeaseWorksExports.payments().payment("P-1", "L-4", "300.00", "03/05/2026").stream());
        ingest.ingest("accounts", "accounts_20260302.csv", LeaseWorksExports.accounts().lease("C-9", "Someone Else", "L-9", 0).stream());
        drain();
        ingest.ingest("accounts", "accounts_20260303.csv", LeaseWorksExports.accounts().lease("C-3", "Ada Lovelace", "L-4", 40).stream());
        drain();

        viewer(get("/api/accounts/{leaseId}/writes", "L-4"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[*].externalId").value(org.hamcrest.Matchers.contains("C-3", "L-4", "P-1", "L-4")))
                .andExpect(jsonPath("$[*].object").value(org.hamcrest.Matchers.contains("Account", "Lease__c", "Payment__c", "Lease__c")))
                .andExpect(jsonPath("$[*].outcome").value(org.hamcrest.Matchers.contains("CREATED", "CREATED", "CREATED", "CREATED")))
                .andExpect(jsonPath("$[0].system").value("salesforce"))
                .andExpect(jsonPath("$[0].operation").value("UPSERT"))
                .andExpect(jsonPath("$[0].flow").value("salesforce-outbox-drain"))
                .andExpect(jsonPath("$[0].runId").isNumber())
                .andExpect(jsonPath("$[0].sourceRecord").value(org.hamcrest.Matchers.startsWith("sf_outbox:")))
                .andExpect(jsonPath("$[3].sourceRecord").value(org.hamcrest.Matchers.endsWith(" v2")));
    }

    @Test
    void badParametersUnknownIdsAndUnknownFlowsAnswerWithAJsonError() throws Exception {
        viewer(get("/api/kpis").param("asOf", "notadate"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.error").value("bad parameter"))
                .andExpect(jsonPath("$.detail").value(containsString("asOf: 'notadate'")));
        viewer(get("/api/accounts/{leaseId}", "L-404"))
                .andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_JSON))
                .andExpect(jsonPath("$.error").value("unknown lease"))
                .andExpect(jsonPath("$.detail").value("no lease L-404 in the hub"));
        viewer(get("/api/dead-letters/{id}", 987654)).andExpect(status().isNotFound())
                .andExpect(jsonPath("$.error").value("unknown dead letter"));
        operator(post("/api/dead-letters/{id}/replay", 987654)).andExpect(status().isNotFound());
        viewer(get("/api/dead-letters/{id}", "abc")).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.error").value("bad parameter"))
                .andExpect(jsonPath("$.detail").value("id: 'abc' is not a long"));
        viewer(get("/api/runs").param("page", "-1")).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value("page: -1 is below 0; pages count from 0"));
        viewer(get("/api/runs").param("size", "0")).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value("size: 0 is not between 1 and 500"));
        viewer(get("/api/runs").param("size", "many")).andExpect(status().isBadRequest());
        viewer(get("/api/runs").param("status", "DONE")).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value("status: 'DONE' is not one of ABORTED, FAILED, RUNNING, SUCCEEDED"));
        viewer(get("/api/dead-letters").param("status", "CLOSED")).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value("status: 'CLOSED' is not one of OPEN, REPLAYED, RESOLVED"));
        for (String action : List.of("trigger", "pause", "resume")) {
            operator(post("/api/flows/{flow}/" + action, "leaseworks-vehicles"))
                    .andExpect(status().isNotFound())
                    .andExpect(jsonPath("$.error").value("unknown flow"))
                    .andExpect(jsonPath("$.detail").value(containsString("no flow 'leaseworks-vehicles'; flows: ")))
                    .andExpect(jsonPath("$.detail").value(containsString("leaseworks-accounts, ")));
        }
    }

    private ResultActions viewer(org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder request) throws Exception {
        return mvc.perform(request.with(DevelopmentUsers.viewer()));
    }

    private ResultActions operator(org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder request) throws Exception {
        return mvc.perform(request.with(DevelopmentUsers.operator()));
    }

    private ServiceStatus routeStatus(String routeId) {
        return camel.getRouteController().getRouteStatus(routeId);
    }

    private void drain() {
        producer.requestBody(SalesforceOutboxDrainRoute.DRAIN, null, io.leasebridge.salesforce.DrainReport.class);
    }

    private static Path tempDir() {
        try {
            return Files.createTempDirectory("admin-api-inbox");
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
