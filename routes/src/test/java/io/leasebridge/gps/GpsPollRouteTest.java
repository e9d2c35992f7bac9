package io.leasebridge.gps;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import io.leasebridge.LeaseBridgeApplication;
import io.leasebridge.connectors.gps.Sleeper;
import io.leasebridge.hub.CanonicalTables;
import io.leasebridge.hub.HubStore;
import io.leasebridge.model.Customer;
import io.leasebridge.model.LeaseAccount;
import io.leasebridge.model.Vehicle;
import io.leasebridge.replay.DeadLetterReplay;
import io.leasebridge.flow.ReplayOutcome;
import io.leasebridge.salesforce.SalesforceWireMock;
import io.leasebridge.testing.HubTables;
import io.leasebridge.testing.TestProperties;
import org.apache.camel.CamelContext;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.component.resilience4j.ResilienceProcessor;
import org.apache.camel.test.spring.junit5.CamelSpringBootTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.actuate.health.Status;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The GPS poll end to end against PassTime and Spireon on WireMock: who is located (and who never is), the pull
 * audit, the last fix, alerts raised, updated and closed with what Salesforce must get, malformed locations in dead
 * letters, and a vendor's circuit breaker opening and closing while the other vendor goes on.
 */
@CamelSpringBootTest
@SpringBootTest(classes = LeaseBridgeApplication.class)
@Import({GpsPollRouteTest.FixedClock.class, GpsPollRouteTest.RecordedWaits.class})
class GpsPollRouteTest {

    private static final WireMockServer salesforce = SalesforceWireMock.start();
    private static final WireMockServer passTime = new WireMockServer(options().dynamicPort());
    private static final WireMockServer spireon = new WireMockServer(options().dynamicPort());
    private static final Instant NOW = Instant.parse("2026-11-20T12:00:00Z");
    private static final ObjectMapper json = new ObjectMapper();
    private static final String LOCATE = "/api/device/GetLastLocate";

    private static final String VIN_OUT_OF_STATE = "1HGCM82633A000001";
    private static final String VIN_CURRENT = "1HGCM82633A000002";
    private static final String VIN_NO_DISCLOSURE = "2T1BURHE0JC000003";
    private static final String VIN_TEXAS = "2T1BURHE0JC000004";
    private static final String VIN_MALFORMED = "1HGCM82633A000005";

    static {
        passTime.start();
        spireon.start();
    }

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        TestProperties.salesforceAndHub(registry, salesforce, "gps-poll");
        TestProperties.schedules(registry, TestProperties.NEVER);
        for (String flow : List.of("leaseworks-promises", "promise-judgement", "gps-location-poll")) {
            registry.add("leasebridge.schedules." + flow, () -> TestProperties.NEVER);
        }
        registry.add("leasebridge.leaseworks.inbox", () -> System.getProperty("java.io.tmpdir") + "/leasebridge-gps-inbox");
        registry.add("leasebridge.ledger.collector-owners.jdoe", () -> "005000000000001AAA");
        registry.add("leasebridge.gps.passtime.base-url", passTime::baseUrl);
        registry.add("leasebridge.gps.passtime.username", () -> "lessor-api");
        registry.add("leasebridge.gps.passtime.password", () -> "pt-secret");
        registry.add("leasebridge.gps.passtime.dealer-number", () -> "D-100");
        registry.add("leasebridge.gps.passtime.requests-per-second", () -> "100");
        registry.add("leasebridge.gps.spireon.base-url", spireon::baseUrl);
        registry.add("leasebridge.gps.spireon.app-token", () -> "app-token");
        registry.add("leasebridge.gps.spireon.username", () -> "fleet@lessor.example");
        registry.add("leasebridge.gps.spireon.password", () -> "sp-secret");
        registry.add("leasebridge.gps.spireon.requests-per-second", () -> "100");
        registry.add("leasebridge.gps.circuit-breaker.sliding-window-size", () -> "4");
        registry.add("leasebridge.gps.circuit-breaker.minimum-number-of-calls", () -> "3");
        registry.add("leasebridge.gps.circuit-breaker.wait-in-open-state", () -> "1s");
        registry.add("leasebridge.gps.circuit-breaker.permitted-calls-in-half-open-state", () -> "1");
    }

    @TestConfiguration
    static class FixedClock {
        @Bean
        @Primary
        Clock noonOnNovember20() {
            return Clock.fixed(NOW, ZoneOffset.UTC);
        }
    }

    /** Waits are recorded, not slept: a test asserts how long a 429 was waited out without waiting it. */
    @TestConfiguration
    static class RecordedWaits {
        static final List<Duration> waits = new CopyOnWriteArrayList<>();

        @Bean
        @Primary
        Sleeper recordingSleeper() {
            return waits::add;
        }
    }

    @Autowired
    ProducerTemplate producer;
    @Autowired
    HubStore hub;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    CamelContext camel;
    @Autowired
    GpsVendorsHealthIndicator health;
    @Autowired
    DeadLetterReplay replay;

    @AfterAll
    static void stopServers() {
        salesforce.stop();
        passTime.stop();
        spireon.stop();
    }

    @BeforeEach
    void fleet() {
        HubTables.clear(jdbc);
        for (String table : List.of("gps_pull", "gps_alert", "gps_motion")) {
            jdbc.update("delete from " + table);
        }
        for (String breaker : List.of("gps-passtime-circuit-breaker", "gps-spireon-circuit-breaker")) {
            camel.getProcessor(breaker, ResilienceProcessor.class).transitionToCloseState();
        }
        passTime.resetAll();
        spireon.resetAll();
        RecordedWaits.waits.clear();
        passTime.stubFor(post("/token").willReturn(okJson("{\"access_token\":\"pt-1\",\"token_type\":\"bearer\",\"expires_in\":86399}")));
        spireon.stubFor(get("/identity/token").willReturn(okJson("{\"token\":\"u-1\",\"expiresIn\":3600}")));

        hub.upsert(CanonicalTables.CUSTOMER, List.of(customer("C-1", "KS"), customer("C-2", "KS"), customer("C-3", "TX"),
                customer("C-4", "TX"), customer("C-5", "MO")));
        hub.upsert(CanonicalTables.LEASE, List.of(
                lease("L-1", "C-1", 30, true, "KS", new BigDecimal("38.950000"), new BigDecimal("-94.650000"), VIN_OUT_OF_STATE),
                lease("L-2", "C-2", 3, true, null, null, null, VIN_CURRENT),
                lease("L-3", "C-3", 45, false, null, null, null, VIN_NO_DISCLOSURE),
                lease("L-4", "C-4", 12, true, null, null, null, VIN_TEXAS),
                lease("L-5", "C-5", 20, true, "MO", null, null, VIN_MALFORMED)));
        hub.upsert(CanonicalTables.VEHICLE, List.of(vehicle(VIN_OUT_OF_STATE, "L-1", "PASSTIME", "PT-0001"),
                vehicle(VIN_CURRENT, "L-2", "PASSTIME", "PT-0002"), vehicle(VIN_NO_DISCLOSURE, "L-3", "SPIREON", "A-0003"),
                vehicle(VIN_TEXAS, "L-4", "SPIREON", "A-0004"), vehicle(VIN_MALFORMED, "L-5", "PASSTIME", "PT-0005")));

        passTimeLocates("PT-0001", 38.95, -94.55, "2026-11-20T11:30:00Z");                // Missouri, garaged in Kansas
        passTimeLocates("PT-0002", 38.95, -94.65, "2026-11-20T11:30:00Z");
        passTime.stubFor(get(urlPathEqualTo(LOCATE)).withQueryParam("SerialNumber", equalTo("PT-0005"))
                .willReturn(okJson(passTimeBody(91.0, -94.5, "2026-11-20T11:30:00Z"))));
        spireonAsset("A-0003", 33.43, -94.06, "2026-11-20T11:00:00.000+0000");
        spireonAsset("A-0004", 33.43, -94.06, "2026-11-20T11:00:00.000+0000");             // Texarkana, Texas
    }

    @Test
    void noLocationIsRequestedForACurrentAccountOrOneWithoutDisclosure() {
        GpsPollReport report = poll();

        passTime.verify(0, getRequestedFor(urlPathEqualTo(LOCATE)).withQueryParam("SerialNumber", equalTo("PT-0002")));
        spireon.verify(0, getRequestedFor(urlPathEqualTo("/assets/A-0003")));
        passTime.verify(1, getRequestedFor(urlPathEqualTo(LOCATE)).withQueryParam("SerialNumber", equalTo("PT-0001"))
                .withQueryParam("DealerNumber", equalTo("D-100")));
        spireon.verify(1, getRequestedFor(urlPathEqualTo("/assets/A-0004")));
        assertThat(report.skipped()).extracting(GpsPollReport.Skip::vin, GpsPollReport.Skip::reason).containsExactlyInAnyOrder(
                org.assertj.core.groups.Tuple.tuple(VIN_CURRENT, "below 10 days past due"),
                org.assertj.core.groups.Tuple.tuple(VIN_NO_DISCLOSURE, "no GPS disclosure on file"));
        assertThat(jdbc.queryForList("select vin, lease_id, provider, eligible_because, outcome from gps_pull order by vin"))
                .extracting(r -> r.get("VIN") + " " + r.get("LEASE_ID") + " " + r.get("PROVIDER") + " " + r.get("OUTCOME"))
                .containsExactly(VIN_OUT_OF_STATE + " L-1 PASSTIME LOCATED", VIN_MALFORMED + " L-5 PASSTIME MALFORMED",
                        VIN_TEXAS + " L-4 SPIREON LOCATED");
        assertThat(jdbc.queryForObject("select eligible_because from gps_pull where vin = ?", String.class, VIN_OUT_OF_STATE))
                .isEqualTo("30 days past due (at least 10); GPS disclosure on file");
    }

    @Test
    void anOutOfStateFixRaisesOneAlertWithATaskUpdatesItWhileItHoldsAndClosesItWhenItClears() throws Exception {
        GpsPollReport first = poll();

        assertThat(first.raised()).singleElement().satisfies(a -> {
            assertThat(a.vin()).isEqualTo(VIN_OUT_OF_STATE);
            assertThat(a.type()).isEqualTo("OUT_OF_STATE");
            assertThat(a.detail()).startsWith("located in MO, garaged in KS");
        });
        String key = first.raised().get(0).alertKey();
        JsonNode alert = outbox("GPS_Alert__c", key);
        assertThat(alert.path("Status__c").asText()).isEqualTo("OPEN");
        assertThat(alert.path("Vehicle__r").path("VIN__c").asText()).isEqualTo(VIN_OUT_OF_STATE);
        assertThat(alert.path("Lease__r").path("LeaseWorks_Lease_Id__c").asText()).isEqualTo("L-1");
        JsonNode task = outbox("Task", "GPS-" + key);
        assertThat(task.path("OwnerId").asText()).isEqualTo("005000000000001AAA");
        assertThat(task.path("What").path("LeaseWorks_Lease_Id__c").asText()).isEqualTo("L-1");
        JsonNode vehicle = outbox("Vehicle__c", VIN_OUT_OF_STATE);
        assertThat(vehicle.path("Last_Latitude__c").decimalValue()).isEqualByComparingTo("38.95");
        assertThat(vehicle.path("GPS_Status__c").asText()).isEqualTo("REPORTING");
        assertThat(jdbc.queryForMap("select gps_status, located_at from vehicle_location where vin = ?", VIN_OUT_OF_STATE))
                .containsEntry("GPS_STATUS", "REPORTING");
        // no garaging coordinates for the Texas lease: the radius rule is skipped and said so
        assertThat(first.ruleSkips()).contains(new GpsPollReport.Skip(VIN_TEXAS, "L-4", "no garaging coordinates in the export"));

        passTimeLocates("PT-0001", 38.96, -94.54, "2026-11-20T11:45:00Z");                 // still in Missouri, moved
        GpsPollReport second = poll();

        assertThat(second.raised()).isEmpty();
        assertThat(jdbc.queryForObject("select count(*) from gps_alert where vin = ?", Long.class, VIN_OUT_OF_STATE)).isEqualTo(1);
        assertThat(outbox("GPS_Alert__c", key).path("Latitude__c").decimalValue()).isEqualByComparingTo("38.96");
        assertThat(jdbc.queryForObject("select count(*) from sf_outbox where sobject = 'Task'", Long.class)).isEqualTo(1);

        passTimeLocates("PT-0001", 38.95, -94.66, "2026-11-20T11:50:00Z");                 // back in Kansas
        GpsPollReport third = poll();

        assertThat(third.closed()).extracting(a -> a.alertKey()).containsExactly(key);
        assertThat(outbox("GPS_Alert__c", key).path("Status__c").asText()).isEqualTo("CLOSED");
        assertThat(outbox("GPS_Alert__c", key).path("Closed_At__c").asText()).isEqualTo("2026-11-20T12:00:00Z");
    }

    @Test
    void aVehicleSoldAfterAPollIsNotLocatedOnTheNextAndItsOpenAlertIsClosedAndListed() throws Exception {
        GpsPollReport first = poll();
        String key = first.raised().get(0).alertKey();

        hub.upsert(CanonicalTables.VEHICLE, List.of(new Vehicle(VIN_OUT_OF_STATE, null, "L-1", 2021, "Honda", "Accord", null,
                "PASSTIME", "PT-0001", "SOLD", null, null, null)));
        GpsPollReport second = poll();

        passTime.verify(1, getRequestedFor(urlPathEqualTo(LOCATE)).withQueryParam("SerialNumber", equalTo("PT-0001")));
        assertThat(second.skipped()).contains(
                new GpsPollReport.Skip(VIN_OUT_OF_STATE, "L-1", "vehicle SOLD: the lessor no longer has a claim on it"));
        assertThat(second.closed()).extracting(a -> a.alertKey()).containsExactly(key);
        assertThat(outbox("GPS_Alert__c", key).path("Status__c").asText()).isEqualTo("CLOSED");
        assertThat(jdbc.queryForObject("select count(*) from gps_pull where vin = ?", Long.class, VIN_OUT_OF_STATE)).isEqualTo(1);
        java.io.ByteArrayOutputStream printed = new java.io.ByteArrayOutputStream();
        second.print(new java.io.PrintStream(printed, true, java.nio.charset.StandardCharsets.UTF_8));
        assertThat(printed.toString(java.nio.charset.StandardCharsets.UTF_8))
                .contains("vehicle SOLD: the lessor no longer has a claim on it");
    }

    @Test
    void aLeasePaidOffIsNotLocatedHoweverFarPastDueItWas() {
        hub.upsert(CanonicalTables.LEASE, List.of(new LeaseAccount("L-4", "C-4", "Paid Off", null, 12, new BigDecimal("100.00"),
                null, null, 5, null, null, "jdoe", VIN_TEXAS, true, null, null, null)));

        GpsPollReport report = poll();

        spireon.verify(0, getRequestedFor(urlPathEqualTo("/assets/A-0004")));
        assertThat(report.skipped()).contains(
                new GpsPollReport.Skip(VIN_TEXAS, "L-4", "lease PAID_OFF: the lessor no longer has a claim on the vehicle"));
    }

    @Test
    void aFixOlderThanTheLastOneIsIgnored() {
        poll();
        passTimeLocates("PT-0001", 38.95, -94.66, "2026-11-20T10:00:00Z");                 // older than 11:30

        GpsPollReport report = poll();

        assertThat(report.ignoredOlder()).isEqualTo(2);                                      // and Spireon's same fix
        assertThat(jdbc.queryForObject("select latitude from vehicle_location where vin = ?", BigDecimal.class, VIN_OUT_OF_STATE))
                .isEqualByComparingTo("38.95");
        assertThat(jdbc.queryForObject("select longitude from vehicle_location where vin = ?", BigDecimal.class, VIN_OUT_OF_STATE))
                .isEqualByComparingTo("-94.55");
        assertThat(report.raised()).isEmpty();
        assertThat(report.closed()).isEmpty();
    }

    @Test
    void aMalformedLocationGoesToDeadLettersWithItsFieldAndPayload() {
        poll();

        Map<String, Object> letter = jdbc.queryForMap(
                "select record_type, record_key, field, error_code, reason, payload from dead_letter where flow = 'gps-location-poll'");
        assertThat(letter).containsEntry("RECORD_TYPE", "PASSTIME location").containsEntry("RECORD_KEY", VIN_MALFORMED)
                .containsEntry("FIELD", "latitude").containsEntry("ERROR_CODE", "MALFORMED_LOCATION");
        assertThat((String) letter.get("REASON")).isEqualTo("device PT-0005 of lease L-5: latitude: 91.0 is outside -90..90");
        assertThat((String) letter.get("PAYLOAD")).contains("\"Latitude\":91.0");
        assertThat(jdbc.queryForObject("select count(*) from vehicle_location where vin = ?", Long.class, VIN_MALFORMED)).isZero();

        // PassTime answers properly again: the replay asks for that vehicle only and closes the dead letter
        long id = jdbc.queryForObject("select id from dead_letter where flow = 'gps-location-poll'", Long.class);
        passTimeLocates("PT-0005", 39.10, -94.58, "2026-11-20T11:35:00Z");
        passTime.resetRequests();

        ReplayOutcome outcome = replay.replay(id);

        assertThat(outcome.replayed()).isTrue();
        assertThat(passTime.findAll(getRequestedFor(urlPathEqualTo(LOCATE)))).singleElement()
                .satisfies(r -> assertThat(r.getUrl()).contains("SerialNumber=PT-0005"));
        assertThat(jdbc.queryForObject("select status from dead_letter where id = ?", String.class, id)).isEqualTo("REPLAYED");
        assertThat(jdbc.queryForObject("select latitude from vehicle_location where vin = ?", BigDecimal.class, VIN_MALFORMED))
                .isEqualByComparingTo("39.10");
    }

    @Test
    void aFailingVendorOpensItsCircuitWhileTheOtherGoesOnThenClosesWhenItRecovers() throws Exception {
        List<Vehicle> more = new ArrayList<>();
        List<LeaseAccount> leases = new ArrayList<>();
        for (int i = 10; i < 18; i++) {
            String vin = "1HGCM82633A0000" + i;
            leases.add(lease("L-" + i, "C-1", 40, true, "KS", null, null, vin));
            more.add(vehicle(vin, "L-" + i, "PASSTIME", "PT-00" + i));
        }
        hub.upsert(CanonicalTables.LEASE, leases);
        hub.upsert(CanonicalTables.VEHICLE, more);
        passTime.stubFor(get(urlPathEqualTo(LOCATE)).atPriority(1)
                .willReturn(aResponse().withStatus(503).withBody("Service Unavailable")));

        GpsPollReport down = poll();

        int askedWhileDown = passTime.findAll(getRequestedFor(urlPathEqualTo(LOCATE))).size();
        assertThat(down.requests()).hasSize(11);
        assertThat(down.count(PullResult.CIRCUIT_OPEN)).isPositive();
        assertThat(askedWhileDown).isLessThan(10);
        assertThat(down.count(PullResult.FAILED)).isEqualTo(askedWhileDown);
        assertThat(down.count(PullResult.LOCATED)).as("Spireon goes on").isEqualTo(1);
        assertThat(health.health().getStatus()).isEqualTo(Status.DOWN);
        assertThat(health.health().getDetails()).containsEntry("passtime", "OPEN").containsEntry("spireon", "CLOSED");

        passTime.resetRequests();
        passTime.removeStub(passTime.getStubMappings().stream().filter(s -> s.getPriority() != null && s.getPriority() == 1)
                .findFirst().orElseThrow());
        passTime.stubFor(get(urlPathEqualTo(LOCATE)).atPriority(5).willReturn(okJson(passTimeBody(38.95, -94.65, "2026-11-20T11:40:00Z"))));
        Thread.sleep(Duration.ofMillis(1_500).toMillis());

        GpsPollReport halfOpen = poll();

        // half-open lets one trial call through (calls racing it are refused); its success closes the circuit
        assertThat(halfOpen.count(PullResult.FAILED)).isZero();
        assertThat(halfOpen.count(PullResult.LOCATED)).isGreaterThan(1);
        assertThat(camel.getProcessor("gps-passtime-circuit-breaker", ResilienceProcessor.class).getCircuitBreakerState())
                .isEqualTo("CLOSED");
        passTime.resetRequests();

        GpsPollReport recovered = poll();

        assertThat(recovered.count(PullResult.CIRCUIT_OPEN)).isZero();
        assertThat(health.health().getStatus()).isEqualTo(Status.UP);
        assertThat(recovered.count(PullResult.LOCATED)).isEqualTo(11);
        assertThat(passTime.findAll(getRequestedFor(urlPathEqualTo(LOCATE)))).hasSize(10);
    }

    @Test
    void aFixDatedInTheFutureIsADeadLetterAndTheNextRealFixIsTakenAndClosesTheAlert() {
        String raised = poll().raised().get(0).alertKey();
        passTimeLocates("PT-0001", 38.95, -94.55, "2099-01-01T00:00:00Z");

        GpsPollReport future = poll();

        assertThat(future.accepted()).as("and Spireon repeats its fix").isZero();
        assertThat(timeDeadLetter(VIN_OUT_OF_STATE)).containsEntry("FIELD", "locatedAt").satisfies(letter -> {
            assertThat((String) letter.get("REASON")).isEqualTo("device PT-0001 of lease L-1: locatedAt: '2099-01-01T00:00:00Z' is "
                    + "later than 2026-11-20T12:10:00Z, now plus the clock skew tolerated");
            assertThat((String) letter.get("PAYLOAD")).contains("\"LocateDate\":\"2099-01-01T00:00:00Z\"");
        });
        assertThat(locatedAt(VIN_OUT_OF_STATE)).isEqualTo("2026-11-20T11:30:00Z");

        passTimeLocates("PT-0001", 38.95, -94.66, "2026-11-20T11:45:00Z");                 // back in Kansas
        GpsPollReport real = poll();

        assertThat(real.closed()).extracting(a -> a.alertKey()).containsExactly(raised);
        assertThat(locatedAt(VIN_OUT_OF_STATE)).isEqualTo("2026-11-20T11:45:00Z");
        assertThat(jdbc.queryForMap("select longitude, gps_status from vehicle_location where vin = ?", VIN_OUT_OF_STATE))
                .containsEntry("GPS_STATUS", "REPORTING")
                .satisfies(row -> assertThat((BigDecimal) row.get("LONGITUDE")).isEqualByComparingTo("-94.66"));
        assertThat(jdbc.queryForList("select status from gps_alert where vin = ?", String.class, VIN_OUT_OF_STATE))
                .containsOnly("CLOSED");
    }

    @Test
    void aNumericTimeThatIsNotAPlausibleEpochMillisecondIsADeadLetterNamingTheTimeField() {
        passTime.stubFor(get(urlPathEqualTo(LOCATE)).withQueryParam("SerialNumber", equalTo("PT-0001"))
                .willReturn(okJson("{\"Latitude\":38.95,\"Longitude\":-94.55,\"LocateDate\":1795175100}")));   // seconds
        passTime.stubFor(get(urlPathEqualTo(LOCATE)).withQueryParam("SerialNumber", equalTo("PT-0005"))
                .willReturn(okJson("{\"Latitude\":39.10,\"Longitude\":-94.58,\"LocateDate\":99999999999999999999}")));
        spireon.stubFor(get("/assets/A-0004").willReturn(okJson(
                "{\"id\":\"A-0004\",\"lastLocation\":{\"lat\":33.43,\"lng\":-94.06,\"date\":9223372036854775807}}")));

        GpsPollReport report = poll();

        assertThat(report.accepted()).isZero();
        assertThat(report.count(PullResult.MALFORMED)).isEqualTo(3);
        assertThat(timeDeadLetter(VIN_OUT_OF_STATE).get("REASON")).isEqualTo("device PT-0001 of lease L-1: locatedAt: '1795175100' "
                + "epoch milliseconds is 1970-01-21T18:39:35.100Z, before 2000-01-01T00:00:00Z, older than any fleet GPS fix; "
                + "as epoch seconds it would be 2026-11-20T11:45:00Z, but a number is read as epoch milliseconds");
        assertThat(timeDeadLetter(VIN_MALFORMED).get("REASON")).isEqualTo("device PT-0005 of lease L-5: locatedAt: "
                + "'99999999999999999999' is not a time: more epoch milliseconds than a long holds");
        assertThat(timeDeadLetter(VIN_TEXAS).get("REASON")).isEqualTo("device A-0004 of lease L-4: locatedAt: '9223372036854775807' "
                + "epoch milliseconds is +292278994-08-17T07:12:55.807Z, later than 2026-11-20T12:10:00Z, now plus the clock skew tolerated");
        assertThat(jdbc.queryForObject("select count(*) from vehicle_location", Long.class)).isZero();
    }

    @Test
    void aRetryAfterLongerThanAnyWaitIsWaitedOutForMaxRetryAfterAndTheCallRetried() {
        passTime.stubFor(get(urlPathEqualTo(LOCATE)).withQueryParam("SerialNumber", equalTo("PT-0001")).atPriority(1)
                .inScenario("limit").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(429).withHeader("Retry-After", "99999999999999999")).willSetStateTo("open"));

        GpsPollReport report = poll();

        assertThat(RecordedWaits.waits).containsExactly(Duration.ofSeconds(30));
        passTime.verify(2, getRequestedFor(urlPathEqualTo(LOCATE)).withQueryParam("SerialNumber", equalTo("PT-0001")));
        assertThat(jdbc.queryForObject("select outcome from gps_pull where vin = ?", String.class, VIN_OUT_OF_STATE))
                .isEqualTo(PullResult.LOCATED);
        assertThat(report.count(PullResult.FAILED)).isZero();
    }

    // --- helpers --------------------------------------------------------------------------------------------

    private GpsPollReport poll() {
        return producer.requestBody(GpsPollRoute.POLL, null, GpsPollReport.class);
    }

    private Map<String, Object> timeDeadLetter(String vin) {
        return jdbc.queryForMap("select field, error_code, reason, payload from dead_letter where flow = 'gps-location-poll' "
                + "and record_key = ? and field = 'locatedAt' and error_code = 'MALFORMED_LOCATION'", vin);
    }

    private Instant locatedAt(String vin) {
        return jdbc.queryForObject("select located_at from vehicle_location where vin = ?", java.time.OffsetDateTime.class, vin)
                .toInstant();
    }

    private JsonNode outbox(String sObject, String externalId) throws Exception {
        String payload = jdbc.queryForObject("select payload from sf_outbox where sobject = ? and external_id = ?", String.class,
                sObject, externalId);
        return json.readTree(payload);
    }

    private static void passTimeLocates(String serial, double lat, double lon, String at) {
        passTime.stubFor(get(urlPathEqualTo(LOCATE)).withQueryParam("SerialNumber", equalTo(serial))
                .willReturn(okJson(passTimeBody(lat, lon, at))));
    }

    private static String passTimeBody(double lat, double lon, String at) {
        return "{\"DealerNumber\":\"D-100\",\"Latitude\":" + lat + ",\"Longitude\":" + lon + ",\"LocateDate\":\"" + at
                + "\",\"Speed\":0}";
    }

    private static void spireonAsset(String id, double lat, double lon, String at) {
        spireon.stubFor(get("/assets/" + id).willReturn(okJson("{\"id\":\"" + id + "\",\"lastLocation\":{\"lat\":" + lat
                + ",\"lng\":" + lon + ",\"date\":\"" + at + "\"}}")));
    }

    private static Customer customer(String id, String state) {
        return new Customer(id, "Customer " + id, null, null, null, "1 Main St", "Town", state, null, "America/Chicago",
                false, false, false, false, "LeaseWorks");
    }

    private static LeaseAccount lease(String id, String customer, int dpd, boolean disclosure, String garagingState,
                                      BigDecimal lat, BigDecimal lon, String vin) {
        return new LeaseAccount(id, customer, "ACTIVE", null, dpd, new BigDecimal("100.00"), null, null, 5, null, null, "jdoe", vin,
                disclosure, garagingState, lat, lon);
    }

    private static Vehicle vehicle(String vin, String leaseId, String provider, String device) {
        return new Vehicle(vin, null, leaseId, 2021, "Honda", "Accord", null, provider, device, "ACTIVE", null, null, null);
    }
}
