package io.leasebridge.fleetrock;

import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.system.CapturedOutput;
import java.math.BigDecimal;
import java.util.concurrent.Future;
import java.util.concurrent.Executors;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.CountDownLatch;
import org.springframework.transaction.support.TransactionTemplate;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import io.leasebridge.LeaseBridgeApplication;
import io.leasebridge.hub.RunCounts;
import io.leasebridge.salesforce.DrainReport;
import io.leasebridge.salesforce.SalesforceOutboxDrainRoute;
import io.leasebridge.salesforce.SalesforceWireMock;
import io.leasebridge.testing.HubTables;
import io.leasebridge.testing.TestProperties;
import org.apache.camel.CamelExecutionException;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.test.spring.junit5.CamelSpringBootTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import static org.awaitility.Awaitility.await;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.patch;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static io.leasebridge.fleetrock.FleetRockWireMock.json;
import static io.leasebridge.fleetrock.FleetRockWireMock.repairOrder;
import static io.leasebridge.fleetrock.FleetRockWireMock.repairOrders;
import static io.leasebridge.fleetrock.FleetRockWireMock.token;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * FleetRock on WireMock (its token and repair order API), Salesforce on WireMock, LeaseBridge serving HTTP for
 * FleetRock's webhook: what is polled and pushed lands once in the hub and goes to Salesforce as WorkOrder and
 * WorkOrderLineItem records.
 */
@CamelSpringBootTest
@SpringBootTest(classes = {LeaseBridgeApplication.class, FleetRockRouteTest.Clocks.class},
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ExtendWith(OutputCaptureExtension.class)
class FleetRockRouteTest {

    static final String SECRET = "whsec-7f3a9c2e51";
    static final Instant START = Instant.parse("2026-11-27T12:00:00Z");
    static final String RO_PATH = "/API/GetRO";
    static final String TOKEN_PATH = "/API/GetToken";

    private static final WireMockServer salesforce = SalesforceWireMock.start();
    private static final WireMockServer fleetRock = FleetRockWireMock.start();
    private static final MovableClock clock = new MovableClock(START);
    private static final ObjectMapper json = new ObjectMapper();

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        TestProperties.salesforceAndHub(registry, salesforce, "fleetrock-route");
        TestProperties.schedules(registry, TestProperties.NEVER);
        registry.add("leasebridge.schedules.fleetrock-repair-orders", () -> TestProperties.NEVER);
        registry.add("leasebridge.schedules.work-order-approvals", () -> TestProperties.NEVER);
        registry.add("leasebridge.fleetrock.base-url", fleetRock::baseUrl);
        registry.add("leasebridge.fleetrock.username", () -> FleetRockWireMock.USERNAME);
        registry.add("leasebridge.fleetrock.key", () -> FleetRockWireMock.KEY);
        registry.add("leasebridge.fleetrock.events", () -> "finished");
        registry.add("leasebridge.fleetrock.window", () -> "1d");
        registry.add("leasebridge.fleetrock.overlap", () -> "2h");
        registry.add("leasebridge.fleetrock.initial-lookback", () -> "2d");
        registry.add("leasebridge.fleetrock.token-ttl", () -> "50m");
        registry.add("leasebridge.fleetrock.retry.initial-delay", () -> "10ms");
        registry.add("leasebridge.fleetrock.retry.max-redeliveries", () -> "2");
        registry.add("leasebridge.fleetrock.webhook.secret", () -> SECRET);
    }

    @TestConfiguration
    static class Clocks {
        @Bean
        @Primary
        Clock movableClock() {
            return clock;
        }
    }

    @Autowired
    ProducerTemplate producer;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    TransactionTemplate transaction;
    @Autowired
    io.leasebridge.replay.DeadLetterReplay replay;
    @LocalServerPort
    int port;

    @AfterAll
    static void stopServers() {
        salesforce.stop();
        fleetRock.stop();
    }

    @BeforeEach
    void emptyHubAndServers() {
        HubTables.clear(jdbc);
        clock.set(START);
        fleetRock.resetAll();
        salesforce.resetAll();
        SalesforceWireMock.stubLogin(salesforce);
        stubUpsert("WorkOrder", "FleetRock_RO_Id__c");
        stubUpsert("WorkOrderLineItem", "FleetRock_Line_Id__c");
        stubToken("tok-1");
    }

    @Test
    void aTokenIsReusedUntilItExpiresAndFetchedAgainWhenFleetRockRejectsIt() {
        fleetRock.stubFor(get(urlPathEqualTo(RO_PATH)).willReturn(json(200, repairOrders())));
        clock.set(START.plus(Duration.ofDays(1))); // past any token an earlier test left in the client

        poll();
        clock.advance(Duration.ofMinutes(10));
        poll();
        assertThat(roCalls()).as("two windows, then the ten minutes since").hasSize(3);
        fleetRock.verify(getRequestedFor(urlPathEqualTo(TOKEN_PATH))
                .withQueryParam("username", equalTo(FleetRockWireMock.USERNAME)).withQueryParam("key", equalTo(FleetRockWireMock.KEY)));
        fleetRock.verify(getRequestedFor(urlPathEqualTo(RO_PATH)).withQueryParam("token", equalTo("tok-1")));
        assertThat(tokenCalls()).isEqualTo(1);

        clock.advance(Duration.ofMinutes(41));
        stubToken("tok-2");
        poll();
        fleetRock.verify(getRequestedFor(urlPathEqualTo(RO_PATH)).withQueryParam("token", equalTo("tok-2")));
        assertThat(tokenCalls()).as("one new token after 51 minutes").isEqualTo(1);

        // FleetRock revokes tok-2 before its time: one refused call, a new token, the same call again
        fleetRock.resetAll();
        fleetRock.stubFor(get(urlPathEqualTo(RO_PATH)).withQueryParam("token", equalTo("tok-2"))
                .willReturn(json(401, FleetRockWireMock.error("Invalid or expired token"))));
        fleetRock.stubFor(get(urlPathEqualTo(RO_PATH)).withQueryParam("token", equalTo("tok-3"))
                .willReturn(json(200, repairOrders(repairOrder("RO-7", FleetRockWireMock.vins().get(0), "298.62")))));
        stubToken("tok-3");
        clock.advance(Duration.ofMinutes(10));

        RunCounts counts = poll();

        assertThat(tokenCalls()).isEqualTo(1);
        assertThat(counts.changed()).isEqualTo(1);
        assertThat(workOrders()).isEqualTo(1);
        assertThat(flowRuns("FAILED")).isZero();
    }

    @Test
    void overlappingWindowsAndRereadsMakeOneWorkOrderAndQueueItOnlyWhenItChanges() {
        String vin = FleetRockWireMock.vins().get(1);
        fleetRock.stubFor(get(urlPathEqualTo(RO_PATH)).willReturn(json(200, repairOrders(
                repairOrder("RO-1", vin, "298.62"), repairOrder("RO-2", FleetRockWireMock.vins().get(2), "\"45.00\"")))));

        RunCounts first = poll();

        // two days back in one-day windows, each starting two hours early: both windows return both ROs
        List<ServeEvent> calls = roCalls();
        assertThat(calls).hasSize(2);
        assertThat(calls.get(0).getRequest().queryParameter("event").firstValue()).isEqualTo("finished");
        assertThat(calls.get(0).getRequest().queryParameter("start").firstValue()).isEqualTo("2026-11-25 10:00:00");
        assertThat(calls.get(0).getRequest().queryParameter("end").firstValue()).isEqualTo("2026-11-26 12:00:00");
        assertThat(calls.get(1).getRequest().queryParameter("start").firstValue()).isEqualTo("2026-11-26 10:00:00");
        assertThat(calls.get(1).getRequest().queryParameter("end").firstValue()).isEqualTo("2026-11-27 12:00:00");
        assertThat(first.read()).isEqualTo(4);
        assertThat(first.changed()).isEqualTo(2);
        assertThat(workOrders()).isEqualTo(2);
        assertThat(jdbc.queryForObject("select count(*) from work_order_line where ro_id = 'RO-1'", Long.class)).isEqualTo(2);
        assertThat(outbox("WorkOrder")).containsOnly(1);
        assertThat(outbox("WorkOrderLineItem")).hasSize(4).containsOnly(1);
        assertThat(jdbc.queryForObject("select polled_until from fleetrock_watermark where event = 'finished'", java.sql.Timestamp.class)
                .toInstant()).isEqualTo(START);

        clock.advance(Duration.ofHours(1));
        fleetRock.resetRequests();
        RunCounts again = poll();

        assertThat(roCalls()).singleElement().satisfies(call ->
                assertThat(call.getRequest().queryParameter("start").firstValue()).isEqualTo("2026-11-27 10:00:00"));
        assertThat(again.changed()).isZero();
        assertThat(outbox("WorkOrder")).containsOnly(1);

        fleetRock.stubFor(get(urlPathEqualTo(RO_PATH)).willReturn(json(200, repairOrders(repairOrder("RO-1", vin, "310.00")))));
        clock.advance(Duration.ofHours(1));
        assertThat(poll().changed()).isEqualTo(1);
        assertThat(jdbc.queryForObject("select grand_total from work_order where ro_id = 'RO-1'", java.math.BigDecimal.class))
                .isEqualByComparingTo("310.00");
        assertThat(jdbc.queryForList("select version from sf_outbox where sobject = 'WorkOrder' and external_id = 'RO-1'", Integer.class))
                .containsExactly(2);
    }

    @Test
    void aBadRepairOrderIsQuarantinedByRoAndFieldAndTheRestGoOn() {
        fleetRock.stubFor(get(urlPathEqualTo(RO_PATH)).willReturn(json(200, repairOrders(
                repairOrder("RO-3", "1HGCM82633A00435", "10.00"), repairOrder("RO-4", FleetRockWireMock.vins().get(0), "\"n/a\""),
                repairOrder("RO-5", FleetRockWireMock.vins().get(0), "10.00")))));

        RunCounts counts = poll();

        assertThat(counts.quarantined()).as("both overlapping windows return them").isEqualTo(4);
        assertThat(workOrders()).isEqualTo(1);
        assertThat(jdbc.queryForList("select record_key || ':' || field from dead_letter where flow = 'fleetrock-repair-orders' order by record_key",
                String.class)).containsExactly("RO-3:vin", "RO-4:grand_total");

        // replayed as stored, RO-3's VIN is still one character short: the dead letter stays open with the reason
        long id = jdbc.queryForObject("select id from dead_letter where record_key = 'RO-3'", Long.class);
        io.leasebridge.flow.ReplayOutcome outcome = replay.replay(id);
        assertThat(outcome.replayed()).isFalse();
        assertThat(outcome.detail()).contains("RO-3", "vin");
        assertThat(jdbc.queryForObject("select status from dead_letter where id = ?", String.class, id)).isEqualTo("OPEN");
    }

    @Test
    void aRepairOrderTooLongForItsColumnIsQuarantinedAndThePollMovesPastIt() {
        String vin = FleetRockWireMock.vins().get(0);
        fleetRock.stubFor(get(urlPathEqualTo(RO_PATH)).willReturn(json(200, repairOrders(
                repairOrder("RO-51", vin, "10.00").replace("Midway Truck Repair", "V".repeat(256)), repairOrder("RO-52", vin, "20.00")))));

        RunCounts counts = poll();

        assertThat(counts.changed()).isEqualTo(1);
        assertThat(jdbc.queryForList("select ro_id from work_order", String.class)).containsExactly("RO-52");
        assertThat(jdbc.queryForList("select record_key || ':' || field from dead_letter where flow = 'fleetrock-repair-orders'",
                String.class)).containsExactly("RO-51:vendor_name");
        assertThat(jdbc.queryForObject("select reason from dead_letter where record_key = 'RO-51'", String.class))
                .contains("vendor_name", "longer than 255 characters (256)");
        assertThat(flowRuns("FAILED")).isZero();
        assertThat(watermark()).isEqualTo(START);

        clock.advance(Duration.ofHours(1));
        assertThat(poll().quarantined()).as("the next window reads it again, and goes on").isEqualTo(1);
        assertThat(flowRuns("FAILED")).isZero();
        assertThat(watermark()).isEqualTo(START.plus(Duration.ofHours(1)));
    }

    @Test
    void anElementThatIsNotARepairOrderAndAFieldOfTheWrongJsonTypeAreQuarantinedAndThePageGoesOn() {
        String vin = FleetRockWireMock.vins().get(0);
        String tasksAnObject = repairOrder("RO-61", vin, "10.00").replace("\"tasks\":[", "\"tasks\":{\"first\":");
        tasksAnObject = tasksAnObject.substring(0, tasksAnObject.lastIndexOf(']')) + "}}";
        fleetRock.stubFor(get(urlPathEqualTo(RO_PATH)).willReturn(json(200, repairOrders("\"RO-60\"", "null", tasksAnObject,
                repairOrder("RO-62", vin, "20.00"), repairOrder("RO-63", vin, "{\"amount\":10}")))));

        RunCounts counts = poll();

        assertThat(counts.changed()).isEqualTo(1);
        assertThat(jdbc.queryForList("select ro_id from work_order", String.class)).containsExactly("RO-62");
        assertThat(jdbc.queryForList("select record_key || ':' || field from dead_letter where record_key like 'RO-%' order by record_key",
                String.class)).containsExactly("RO-61:tasks", "RO-63:grand_total");
        assertThat(jdbc.queryForList("select reason from dead_letter where record_key like '(no id)%' order by reason", String.class))
                .as("one string and one null in each of the two windows").hasSize(4)
                .allSatisfy(reason -> assertThat(reason).contains("field 'repair_order'", "GetRO event=finished"))
                .anySatisfy(reason -> assertThat(reason).contains("a JSON string, not an object", "repair order 1 of GetRO"))
                .anySatisfy(reason -> assertThat(reason).contains("a JSON null, not an object", "repair order 2 of GetRO"));
        assertThat(flowRuns("FAILED")).isZero();
        assertThat(watermark()).isEqualTo(START);

        long id = jdbc.queryForObject("select id from dead_letter where record_key = 'RO-61'", Long.class);
        io.leasebridge.flow.ReplayOutcome replayed = replay.replay(id);
        assertThat(replayed.replayed()).as("replayed from what FleetRock sent, tasks still an object").isFalse();
        assertThat(replayed.detail()).contains("RO-61", "tasks");

        clock.advance(Duration.ofHours(1));
        poll();
        assertThat(flowRuns("FAILED")).isZero();
        assertThat(watermark()).isEqualTo(START.plus(Duration.ofHours(1)));
    }

    @Test
    void theDeadLetterOfABadVinWithAnIdOrVinLongerThanItsKeyColumnIsKeyedByItsBeginning() {
        String longId = "R".repeat(300);
        String longVin = "1HGCM82633A004352".repeat(20);
        fleetRock.stubFor(get(urlPathEqualTo(RO_PATH)).willReturn(json(200, repairOrders(repairOrder(longId, longVin, "10.00"),
                repairOrder("", longVin, "10.00"), repairOrder("RO-81", FleetRockWireMock.vins().get(0), "10.00")))));

        poll();

        assertThat(jdbc.queryForList("select record_key from dead_letter where flow = 'fleetrock-repair-orders' order by record_key",
                String.class)).containsExactly("(no id) vin " + longVin.substring(0, 255 - "(no id) vin ".length()), "R".repeat(255));
        assertThat(jdbc.queryForObject("select reason from dead_letter where record_key = ?", String.class, "R".repeat(255)))
                .contains("(300 characters)").doesNotContain("R".repeat(41));
        assertThat(workOrders()).isEqualTo(1);
        assertThat(flowRuns("FAILED")).isZero();
    }

    @Test
    void fleetRockDownLeavesTheWatermarkWhereTheLastCommittedWindowEnded() {
        fleetRock.stubFor(get(urlPathEqualTo(RO_PATH)).willReturn(json(503, FleetRockWireMock.error("maintenance"))));

        assertThatThrownBy(this::poll).isInstanceOf(CamelExecutionException.class);

        assertThat(roCalls()).hasSize(3); // first try and two redeliveries
        assertThat(jdbc.queryForObject("select count(*) from fleetrock_watermark", Long.class)).isZero();
        assertThat(flowRuns("FAILED")).isEqualTo(1);
        assertThat(jdbc.queryForObject("select error from flow_run where status = 'FAILED'", String.class))
                .contains("503").doesNotContain(FleetRockWireMock.KEY).doesNotContain("tok-1");
    }

    @Test
    void aRateLimitIsRetriedAndARefusedRequestIsNot() {
        fleetRock.stubFor(get(urlPathEqualTo(RO_PATH)).inScenario("limit").whenScenarioStateIs(STARTED)
                .willReturn(json(429, FleetRockWireMock.error("Too many requests"))).willSetStateTo("calm"));
        fleetRock.stubFor(get(urlPathEqualTo(RO_PATH)).inScenario("limit").whenScenarioStateIs("calm")
                .willReturn(json(200, repairOrders(repairOrder("RO-41", FleetRockWireMock.vins().get(0), "50.00")))));

        assertThat(poll().changed()).isEqualTo(1);
        assertThat(roCalls()).hasSize(3); // the 429, its retry, the second window

        fleetRock.resetAll();
        stubToken("tok-1");
        fleetRock.stubFor(get(urlPathEqualTo(RO_PATH)).willReturn(json(200, FleetRockWireMock.error("Unknown event 'finished'"))));
        clock.advance(Duration.ofHours(1));

        assertThatThrownBy(this::poll).hasStackTraceContaining("Unknown event");
        assertThat(roCalls()).as("a permanent error is not retried").hasSize(1);
    }

    @Test
    void theWebhookRefusesABadSecretAndAMalformedBodyAndAppliesADuplicateDeliveryOnce() throws Exception {
        String push = """
                {"event":"ro.updated","repair_order":%s}""".formatted(repairOrder("RO-9", FleetRockWireMock.vins().get(0), "298.62"));

        assertThat(post(push, "wrong-secret").statusCode()).isEqualTo(401);
        assertThat(post(push, null).statusCode()).isEqualTo(401);
        assertThat(post("{\"event\":\"ro.updated\",\"repair_order\":", SECRET).statusCode()).isEqualTo(400);
        assertThat(post("{\"event\":\"ro.deleted\",\"repair_order\":{\"id\":\"RO-9\"}}", SECRET).statusCode()).isEqualTo(400);
        assertThat(post("{\"event\":\"ro.updated\"}", SECRET).statusCode()).isEqualTo(400);
        assertThat(workOrders()).isZero();

        HttpResponse<String> invalid = post("""
                {"event":"ro.updated","repair_orders":[%s,%s]}""".formatted(repairOrder("RO-10", FleetRockWireMock.vins().get(0), "1.00"),
                repairOrder("RO-11", FleetRockWireMock.vins().get(0), "\"twelve\"")), SECRET);
        assertThat(invalid.statusCode()).isEqualTo(422);
        assertThat(invalid.body()).contains("RO-11", "grand_total");
        assertThat(workOrders()).as("nothing of a refused push is applied").isZero();
        assertThat(jdbc.queryForList("select record_key || ':' || field from dead_letter where flow = 'fleetrock-webhook'", String.class))
                .containsExactly("RO-11:grand_total");

        HttpResponse<String> applied = post(push, SECRET);
        HttpResponse<String> duplicate = post(push, SECRET);

        assertThat(applied.statusCode()).isEqualTo(200);
        assertThat(json.readTree(applied.body()).path("status").asText()).isEqualTo("applied");
        assertThat(duplicate.statusCode()).isEqualTo(200);
        assertThat(json.readTree(duplicate.body()).path("status").asText()).isEqualTo("duplicate");
        assertThat(workOrders()).isEqualTo(1);
        assertThat(jdbc.queryForList("select version from sf_outbox where sobject = 'WorkOrder'", Integer.class)).containsExactly(1);
        assertThat(jdbc.queryForObject("select count(*) from fleetrock_delivery", Long.class)).isEqualTo(1);
    }

    @Test
    void aPushOfARepairOrderAnotherPushIsStoringIsAppliedOverItNotTakenForADuplicate() throws Exception {
        CountDownLatch storedByTheOther = new CountDownLatch(1);
        CountDownLatch commitTheOther = new CountDownLatch(1);
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            // another push's transaction has stored RO-20, not yet committed, when this push reads and inserts it
            Future<?> other = threads.submit(() -> transaction.executeWithoutResult(status -> {
                jdbc.update("insert into work_order (ro_id, grand_total, content_hash, updated_at) values ('RO-20', 100.00, 'other', ?)",
                        java.sql.Timestamp.from(START));
                storedByTheOther.countDown();
                awaitQuietly(commitTheOther);
            }));
            storedByTheOther.await();
            Future<HttpResponse<String>> push = threads.submit(() -> post("""
                    {"event":"ro.updated","repair_order":%s}""".formatted(repairOrder("RO-20", FleetRockWireMock.vins().get(0),
                    "105.00")), SECRET));
            // once the push inserts RO-20 it has found no row of it: it meets the other's row, whenever that commits
            await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(10)).until(() -> jdbc.queryForObject(
                    "select count(*) from information_schema.sessions where executing_statement like 'insert into work_order (ro_id, ro_number%'",
                    Long.class) > 0);
            commitTheOther.countDown();
            other.get();

            HttpResponse<String> reply = push.get();
            assertThat(reply.statusCode()).isEqualTo(200);
            assertThat(json.readTree(reply.body()).path("status").asText()).isEqualTo("applied");
            assertThat(jdbc.queryForObject("select grand_total from work_order where ro_id = 'RO-20'", BigDecimal.class))
                    .isEqualByComparingTo("105.00");
        } finally {
            commitTheOther.countDown();
            threads.shutdownNow();
        }
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Test
    void aPushSentAsAFormIsRefusedWith415AndItsBodyReachesNoLogLine(CapturedOutput output) throws Exception {
        String push = """
                {"event":"ro.updated","repair_order":%s}""".formatted(repairOrder("RO-21", FleetRockWireMock.vins().get(0), "12.00"));
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/webhooks/fleetrock"))
                .header("Content-Type", "application/x-www-form-urlencoded").header("X-FleetRock-Secret", SECRET)
                .POST(HttpRequest.BodyPublishers.ofString(push)).build();

        HttpResponse<String> refused = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());

        assertThat(refused.statusCode()).isEqualTo(415);
        assertThat(json.readTree(refused.body()).path("error").asText()).isEqualTo("unsupported media type");
        assertThat(workOrders()).isZero();
        assertThat(output).doesNotContain("Midway Truck Repair").doesNotContain("RO-21");
    }

    @Test
    void aPushedRepairOrderBeyondItsColumnOrOfTheWrongJsonTypeIsRefusedWith422NamingTheFieldAndNothingIsStored() throws Exception {
        String tooLarge = """
                {"event":"ro.updated","repair_orders":[%s,%s]}""".formatted(repairOrder("RO-70", FleetRockWireMock.vins().get(0), "1.00"),
                repairOrder("RO-71", FleetRockWireMock.vins().get(1), "\"1e13\""));

        HttpResponse<String> refused = post(tooLarge, SECRET);

        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(refused.body()).contains("RO-71", "grand_total", "more than 12 digits before the decimal point");
        assertThat(workOrders()).as("nothing of a refused push is applied").isZero();
        assertThat(jdbc.queryForList("select record_key || ':' || field from dead_letter where flow = 'fleetrock-webhook'", String.class))
                .containsExactly("RO-71:grand_total");
        assertThat(flowRuns("FAILED")).isZero();

        HttpResponse<String> notAnObject = post("""
                {"event":"ro.updated","repair_orders":[%s,"RO-72"]}""".formatted(repairOrder("RO-73", FleetRockWireMock.vins().get(0), "1.00")),
                SECRET);

        assertThat(notAnObject.statusCode()).isEqualTo(422);
        assertThat(notAnObject.body()).contains("repair_order", "not an object");
        assertThat(workOrders()).isZero();
    }

    @Test
    void eachBadRepairOrderOfAPushIsADeadLetterOfItsOwnProblemWithWhatItWasSent() throws Exception {
        String vin = FleetRockWireMock.vins().get(0);
        HttpResponse<String> refused = post("""
                {"event":"ro.updated","repair_orders":[%s,%s]}""".formatted(repairOrder("RO-30", vin, "\"twelve\""),
                repairOrder("RO-30", "NOT-A-VIN", "10.00")), SECRET);

        assertThat(refused.statusCode()).isEqualTo(422);
        List<Map<String, Object>> letters = jdbc.queryForList(
                "select record_key, field, reason, payload from dead_letter where flow = 'fleetrock-webhook' order by field");
        assertThat(letters).extracting(l -> l.get("field")).containsExactly("grand_total", "vin");
        assertThat((String) letters.get(0).get("payload")).contains("twelve").doesNotContain("NOT-A-VIN");
        assertThat((String) letters.get(0).get("reason")).contains("repair order 1 of push ro.updated");
        assertThat((String) letters.get(1).get("payload")).contains("NOT-A-VIN").doesNotContain("twelve");
        assertThat((String) letters.get(1).get("reason")).contains("repair order 2 of push ro.updated");
    }

    @Test
    void theWebhookRefusesASecretInTheQueryEvenWithTheRightHeader() throws Exception {
        String push = """
                {"event":"ro.updated","repair_order":%s}""".formatted(repairOrder("RO-12", FleetRockWireMock.vins().get(0), "298.62"));

        HttpResponse<String> inQuery = post("/webhooks/fleetrock?X-FleetRock-Secret=" + SECRET, push, SECRET);
        HttpResponse<String> asAnyParameter = post("/webhooks/fleetrock?token=" + SECRET, push, null);

        assertThat(inQuery.statusCode()).isEqualTo(401);
        assertThat(inQuery.body()).contains("never in the URL");
        assertThat(asAnyParameter.statusCode()).isEqualTo(401);
        assertThat(workOrders()).isZero();
    }

    @Test
    void aPushLargerThanMaxBodyIsRefusedWith413AndNothingOfItIsKept() throws Exception {
        String padding = " ".repeat(1024 * 1024);
        String push = """
                {"event":"ro.updated","repair_order":%s}%s""".formatted(repairOrder("RO-13", FleetRockWireMock.vins().get(0), "298.62"),
                padding);

        HttpResponse<String> refused = post("/webhooks/fleetrock", push, SECRET);

        assertThat(refused.statusCode()).isEqualTo(413);
        assertThat(refused.body()).contains("leasebridge.webhooks.max-body");
        assertThat(workOrders()).isZero();
        assertThat(HubTables.count(jdbc, "select count(*) from flow_run where flow = 'fleetrock-webhook'")).isZero();
    }

    @Test
    void aDeadLetterOfAPushedRepairOrderKeepsABoundedExcerpt() throws Exception {
        String longVendor = "V".repeat(200_000);
        String push = """
                {"event":"ro.updated","repair_order":%s}""".formatted(repairOrder("RO-14", FleetRockWireMock.vins().get(0), "\"twelve\"")
                .replace("Midway Truck Repair", longVendor));

        assertThat(post("/webhooks/fleetrock", push, SECRET).statusCode()).isEqualTo(422);

        String payload = jdbc.queryForObject("select payload from dead_letter where flow = 'fleetrock-webhook'", String.class);
        assertThat(payload).startsWith("{").hasSizeLessThan(16 * 1024 + 100).endsWith("more characters not kept)");
    }

    @Test
    void workOrdersGoToSalesforceByRoIdWithTheirLineItemsAndTheVehicleByVin() throws Exception {
        String vin = FleetRockWireMock.vins().get(1);
        fleetRock.stubFor(get(urlPathEqualTo(RO_PATH)).willReturn(json(200, repairOrders(repairOrder("RO-21", vin, "298.62")))));
        poll();

        DrainReport report = producer.requestBody(SalesforceOutboxDrainRoute.DRAIN, null, DrainReport.class);

        assertThat(report.bySObject().get("WorkOrder").sent()).isEqualTo(1);
        assertThat(report.bySObject().get("WorkOrderLineItem").sent()).isEqualTo(2);
        List<String> order = upserts().stream().map(e -> e.getRequest().getUrl()).toList();
        assertThat(order).containsExactly(SalesforceWireMock.upsertPath("WorkOrder", "FleetRock_RO_Id__c"),
                SalesforceWireMock.upsertPath("WorkOrderLineItem", "FleetRock_Line_Id__c"));
        JsonNode workOrder = json.readTree(upserts().get(0).getRequest().getBodyAsString()).path("records").get(0);
        assertThat(workOrder.path("attributes").path("type").asText()).isEqualTo("WorkOrder");
        assertThat(workOrder.path("FleetRock_RO_Id__c").asText()).isEqualTo("RO-21");
        assertThat(workOrder.path("Vehicle__r").path("VIN__c").asText()).isEqualTo(vin);
        assertThat(workOrder.path("Grand_Total__c").decimalValue()).isEqualByComparingTo("298.62");
        assertThat(workOrder.path("Vendor_Name__c").asText()).isEqualTo("Midway Truck Repair");
        assertThat(workOrder.path("Date_Finished__c").asText()).isEqualTo("2026-11-24T16:40:00Z");
        assertThat(workOrder.has("Approval_Status__c")).isFalse();
        JsonNode lines = json.readTree(upserts().get(1).getRequest().getBodyAsString()).path("records");
        assertThat(lines).hasSize(2);
        assertThat(lines.get(0).path("FleetRock_Line_Id__c").asText()).isEqualTo("RO-21-1");
        assertThat(lines.get(0).path("WorkOrder").path("FleetRock_RO_Id__c").asText()).isEqualTo("RO-21");
        assertThat(lines.get(0).path("Line_Kind__c").asText()).isEqualTo("LABOR");
        assertThat(lines.get(1).path("FleetRock_Line_Id__c").asText()).isEqualTo("RO-21-2");
        assertThat(lines.get(1).path("Description").asText()).isEqualTo("BP-220 Brake pad set");
        assertThat(lines.get(1).path("Amount__c").decimalValue()).isEqualByComparingTo("96.50");
    }

    @Test
    void anApprovalReadInSalesforceMakesTheWorkOrderApprovedOnceAndMovesTheWatermarkAfterEachPage() {
        fleetRock.stubFor(get(urlPathEqualTo(RO_PATH)).willReturn(json(200, repairOrders(
                repairOrder("RO-31", FleetRockWireMock.vins().get(0), "120.00"), repairOrder("RO-32", FleetRockWireMock.vins().get(1), "80.00"),
                repairOrder("RO-33", FleetRockWireMock.vins().get(2), "15.00")))));
        poll();
        salesforce.stubFor(get(urlPathMatching("/services/data/v62.0/query/?")).withQueryParam("q", containing("FROM WorkOrder"))
                .willReturn(SalesforceWireMock.json(200, SalesforceWireMock.body("work-orders-approved-page-1.json"))));
        salesforce.stubFor(get(urlPathEqualTo("/services/data/v62.0/query/01gD0000002WO7KIAW-2000"))
                .willReturn(SalesforceWireMock.json(200, SalesforceWireMock.body("work-orders-approved-page-2.json"))));

        RunCounts first = producer.requestBody("direct:work-order-approvals", null, RunCounts.class);

        assertThat(first.read()).isEqualTo(3);
        assertThat(first.changed()).isEqualTo(2);
        assertThat(first.quarantined()).isEqualTo(1);
        assertThat(jdbc.queryForList("select ro_id || ':' || approval_status || ':' || salesforce_id from work_order "
                + "where approval_status is not null order by ro_id", String.class))
                .containsExactly("RO-31:Approved:0WOD0000001Ab1AAAZ", "RO-32:Approved:0WOD0000001Ab2AAAZ");
        assertThat(jdbc.queryForObject("select approved_at from work_order where ro_id = 'RO-32'", java.sql.Timestamp.class).toInstant())
                .isEqualTo(Instant.parse("2026-11-27T13:20:00Z"));
        assertThat(jdbc.queryForObject("select approval_status from work_order where ro_id = 'RO-33'", String.class)).isNull();
        assertThat(jdbc.queryForObject("select last_modstamp from sf_watermark where reader = 'work-order-approvals'",
                java.sql.Timestamp.class).toInstant()).isEqualTo(Instant.parse("2026-11-27T13:21:00Z"));
        assertThat(jdbc.queryForList("select record_key || ':' || field || ':' || error_code from dead_letter where flow = 'work-order-approvals'",
                String.class)).containsExactly("0WOD0000001Ab9AAAZ:FleetRock_RO_Id__c:UNKNOWN_WORK_ORDER");
        String soql = salesforce.getAllServeEvents().stream().filter(e -> e.getRequest().getUrl().contains("q=SELECT"))
                .findFirst().orElseThrow().getRequest().queryParameter("q").firstValue();
        assertThat(soql).contains("FROM WorkOrder", "Approval_Status__c = 'Approved'", "ORDER BY SystemModstamp");

        // the next read starts the overlap before the watermark and sees RO-32 again: nothing changes
        salesforce.resetAll();
        SalesforceWireMock.stubLogin(salesforce);
        salesforce.stubFor(get(urlPathMatching("/services/data/v62.0/query/?")).withQueryParam("q", containing("FROM WorkOrder"))
                .willReturn(SalesforceWireMock.json(200, SalesforceWireMock.body("work-orders-approved-again.json"))));
        clock.advance(Duration.ofHours(1));

        RunCounts again = producer.requestBody("direct:work-order-approvals", null, RunCounts.class);

        assertThat(again.read()).isEqualTo(1);
        assertThat(again.changed()).isZero();
        assertThat(salesforce.getAllServeEvents().get(0).getRequest().queryParameter("q").firstValue())
                .contains("SystemModstamp >= 2026-11-27T13:16:00Z");
        assertThat(jdbc.queryForObject("select approved_at from work_order where ro_id = 'RO-32'", java.sql.Timestamp.class).toInstant())
                .isEqualTo(Instant.parse("2026-11-27T13:20:00Z"));
    }

    private RunCounts poll() {
        return producer.requestBody(FleetRockRoutes.POLL, null, RunCounts.class);
    }

    private void stubToken(String token) {
        fleetRock.stubFor(get(urlPathEqualTo(TOKEN_PATH)).willReturn(json(200, token(token, 3600))));
    }

    private int tokenCalls() {
        int n = fleetRock.findAll(getRequestedFor(urlPathEqualTo(TOKEN_PATH))).size();
        fleetRock.resetRequests();
        return n;
    }

    private List<ServeEvent> roCalls() {
        return fleetRock.getAllServeEvents().stream().filter(e -> e.getRequest().getUrl().startsWith(RO_PATH))
                .sorted(java.util.Comparator.comparing(e -> e.getRequest().getLoggedDate())).toList();
    }

    private List<ServeEvent> upserts() {
        return salesforce.getAllServeEvents().stream().filter(e -> e.getRequest().getMethod().getName().equals("PATCH"))
                .sorted(java.util.Comparator.comparing(e -> e.getRequest().getLoggedDate())).toList();
    }

    private void stubUpsert(String sObject, String externalIdField) {
        salesforce.stubFor(patch(urlPathEqualTo(SalesforceWireMock.upsertPath(sObject, externalIdField)))
                .willReturn(SalesforceWireMock.json(200, SalesforceWireMock.body("all-succeed-results.json"))));
    }

    private long workOrders() {
        return HubTables.count(jdbc, "select count(*) from work_order");
    }

    private Instant watermark() {
        return jdbc.queryForObject("select polled_until from fleetrock_watermark where event = 'finished'", java.sql.Timestamp.class)
                .toInstant();
    }

    private long flowRuns(String status) {
        return HubTables.count(jdbc, "select count(*) from flow_run where status = ?", status);
    }

    private List<Integer> outbox(String sObject) {
        return jdbc.queryForList("select version from sf_outbox where sobject = ?", Integer.class, sObject);
    }

    private HttpResponse<String> post(String body, String secret) throws Exception {
        return post("/webhooks/fleetrock", body, secret);
    }

    private HttpResponse<String> post(String path, String body, String secret) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body));
        if (secret != null) {
            request.header("X-FleetRock-Secret", secret);
        }
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** A clock the test moves: token expiry and poll windows depend on it. */
    static final class MovableClock extends Clock {
        private volatile Instant now;
        private final ZoneId zone;

        MovableClock(Instant now) {
            this(now, ZoneOffset.UTC);
        }

        private MovableClock(Instant now, ZoneId zone) {
            this.now = now;
            this.zone = zone;
        }

        void set(Instant instant) {
            now = instant;
        }

        void advance(Duration by) {
            now = now.plus(by);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneId getZone() {
            return zone;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return Clock.fixed(now, zone);
        }
    }
}
