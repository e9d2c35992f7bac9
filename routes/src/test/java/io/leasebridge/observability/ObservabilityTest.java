package io.leasebridge.observability;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import io.leasebridge.LeaseBridgeApplication;
import io.leasebridge.ingest.LeaseWorksExportIngest;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.leasebridge.salesforce.SalesforceOutboxDrain;
import io.leasebridge.salesforce.SalesforceOutboxDrainRoute;
import io.leasebridge.salesforce.SalesforceWireMock;
import io.leasebridge.testing.LeaseWorksExports;
import io.leasebridge.testing.TestProperties;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import org.apache.camel.ProducerTemplate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.nio.file.Files;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static com.github.tomakehurst.wiremock.client.WireMock.patch;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static io.leasebridge.salesforce.SalesforceWireMock.body;
import static io.leasebridge.salesforce.SalesforceWireMock.json;
import static io.leasebridge.salesforce.SalesforceWireMock.upsertPath;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * What an operator sees at {@code /actuator/prometheus} and {@code /actuator/health} while LeaseBridge
 * ingests an export and drains the outbox into a WireMock Salesforce that answers, then goes down, then
 * refuses the credentials, then comes back.
 */
// logging.pattern.correlation is read when logging starts, before @DynamicPropertySource: hence here
@SpringBootTest(classes = LeaseBridgeApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "logging.pattern.correlation=[%X{flow:-} %X{runId:-}] ")
@AutoConfigureObservability(tracing = false)
@ExtendWith(OutputCaptureExtension.class)
class ObservabilityTest {

    private static final WireMockServer salesforce = SalesforceWireMock.start();
    private static final ObjectMapper json = new ObjectMapper();
    private static final List<Class<?>> LOGGED = List.of(LeaseWorksExportIngest.class, SalesforceOutboxDrain.class);

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) throws Exception {
        TestProperties.salesforceAndHub(registry, salesforce, "observability");
        TestProperties.schedules(registry, TestProperties.NEVER);
        String inbox = Files.createTempDirectory("observability-inbox").toString();
        registry.add("leasebridge.leaseworks.inbox", () -> inbox);
        registry.add("leasebridge.salesforce.retry.max-redeliveries", () -> "2");
        registry.add("leasebridge.observability.outbox-depth-max-age", () -> "0s");
        registry.add("management.endpoints.web.exposure.include", () -> "health,prometheus");
        registry.add("management.endpoint.health.show-details", () -> "always");
    }

    @Autowired
    LeaseWorksExportIngest ingest;
    @Autowired
    ProducerTemplate producer;
    @Autowired
    TestRestTemplate http;
    @Autowired
    PrometheusMeterRegistry prometheus;
    @Autowired
    JdbcTemplate jdbc;

    private final ListAppender<ILoggingEvent> logged = new ListAppender<>();

    @AfterEach
    void stopListening() {
        LOGGED.forEach(service -> ((Logger) LoggerFactory.getLogger(service)).detachAppender(logged));
    }

    @AfterAll
    static void stopSalesforce() {
        salesforce.stop();
    }

    @Test
    void countsRecordsTimesCallsAndReportsSalesforceUpDownOutOfServiceAndUpAgain(CapturedOutput output) throws Exception {
        logged.start();
        LOGGED.forEach(service -> ((Logger) LoggerFactory.getLogger(service)).addAppender(logged));
        salesforce.stubFor(patch(urlPathMatching("/services/data/v62.0/composite/sobjects/.*"))
                .willReturn(json(200, body("collections-upsert-results.json"))));
        assertThat(health().path("components").path("salesforce").path("status").asText()).isEqualTo("UNKNOWN");

        ingest.ingest("accounts", "accounts_20261127.csv", LeaseWorksExports.accounts()
                .lease("C-1", "Ada Lovelace", "L-1", 12)
                .lease("C-1", "Ada Lovelace", "L-2", 0)
                .raw("C-9,Bad Row,,,,,,,,,N,N,N,N,,L-9,ACTIVE,13/45/2026,ten,0,0,0,1,,,jdoe,")
                .lease("C-3", "DUPLICATE Co", "L-3", 61)
                .stream());
        assertThat(MDC.get("flow")).as("the run's logging context is gone once it finished").isNull();

        String beforeDrain = scrape();
        assertThat(sample(beforeDrain, "leasebridge_records_read_total", "flow", "leaseworks-accounts")).isEqualTo(4);
        assertThat(sample(beforeDrain, "leasebridge_records_changed_total", "flow", "leaseworks-accounts")).isEqualTo(5);
        assertThat(sample(beforeDrain, "leasebridge_records_quarantined_total", "flow", "leaseworks-accounts")).isEqualTo(1);
        assertThat(sample(beforeDrain, "leasebridge_flow_runs_total", "flow", "leaseworks-accounts", "outcome", "succeeded")).isEqualTo(1);
        assertThat(sample(beforeDrain, "leasebridge_outbox_pending", "sobject", "Account", "target", "salesforce")).isEqualTo(2);
        assertThat(sample(beforeDrain, "leasebridge_outbox_pending", "sobject", "Lease__c", "target", "salesforce")).isEqualTo(3);
        assertThat(sample(beforeDrain, "leasebridge_outbox_pending", "sobject", "Payment__c", "target", "salesforce")).isZero();
        assertThat(sample(beforeDrain, "leasebridge_records_sent_total", "flow", "salesforce-outbox-drain")).isZero();

        drain();

        String drained = scrape();
        assertThat(sample(drained, "leasebridge_records_read_total", "flow", "salesforce-outbox-drain")).isEqualTo(5);
        assertThat(sample(drained, "leasebridge_records_sent_total", "flow", "salesforce-outbox-drain")).isEqualTo(4);
        assertThat(sample(drained, "leasebridge_records_failed_total", "flow", "salesforce-outbox-drain")).as("DUPLICATE_VALUE").isEqualTo(1);
        assertThat(sample(drained, "leasebridge_outbox_pending", "sobject", "Account", "target", "salesforce")).isZero();
        assertThat(sample(drained, "leasebridge_outbox_pending", "sobject", "Lease__c", "target", "salesforce")).isZero();
        assertThat(sample(drained, "leasebridge_external_call_seconds_count",
                "operation", "compositeUpsertSObjectCollections", "outcome", "success", "system", "salesforce")).isEqualTo(2);
        assertThat(sample(drained, "leasebridge_salesforce_api_requests_used")).isEqualTo(25);
        assertThat(sample(drained, "leasebridge_salesforce_api_requests_limit")).isEqualTo(15000);

        JsonNode up = health().path("components").path("salesforce");
        assertThat(up.path("status").asText()).isEqualTo("UP");
        assertThat(up.path("details").path("lastSuccessAt").asText()).isNotEmpty();
        assertThat(up.path("details").path("lastDrainStoppedOnOutage").asBoolean(true)).isFalse();
        assertThat(up.path("details").path("apiRequestsUsed").asLong()).isEqualTo(25);
        JsonNode accounts = health().path("components").path("leaseWorksDrop").path("details").path("accounts");
        assertThat(accounts.path("lastFile").asText()).isEqualTo("accounts_20261127.csv");
        assertThat(accounts.path("inboxReachable").asBoolean()).isTrue();

        // Salesforce goes down for longer than the drain retries (max-redeliveries 2: three calls)
        salesforce.stubFor(patch(urlPathEqualTo(upsertPath("Payment__c", "LeaseWorks_Payment_Id__c")))
                .willReturn(json(503, body("server-unavailable.json"))));
        ingest.ingest("payments", "payments_20261127.csv", LeaseWorksExports.payments()
                .payment("P-1", "L-1", "450.00", "10/15/2026")
                .payment("P-2", "L-1", "450.00", "10/16/2026")
                .stream());
        drain();

        JsonNode down = health().path("components").path("salesforce");
        assertThat(down.path("status").asText()).isEqualTo("DOWN");
        assertThat(down.path("details").path("consecutiveFailedCalls").asInt()).isEqualTo(3);
        assertThat(down.path("details").path("lastError").asText()).isEqualTo("HTTP 503 SERVER_UNAVAILABLE");
        assertThat(down.path("details").path("lastDrainStoppedOnOutage").asBoolean()).isTrue();
        String outage = scrape();
        assertThat(sample(outage, "leasebridge_external_call_seconds_count",
                "operation", "compositeUpsertSObjectCollections", "outcome", "failure", "system", "salesforce")).isEqualTo(3);
        assertThat(sample(outage, "leasebridge_outbox_pending", "sobject", "Payment__c", "target", "salesforce")).isEqualTo(2);
        assertThat(sample(outage, "leasebridge_flow_runs_total", "flow", "salesforce-outbox-drain", "outcome", "failed")).isEqualTo(1);
        assertThat(sample(outage, "leasebridge_records_read_total", "flow", "leaseworks-payments")).isEqualTo(2);

        // then it refuses the session even after camel-salesforce logged in again
        salesforce.stubFor(patch(urlPathEqualTo(upsertPath("Payment__c", "LeaseWorks_Payment_Id__c")))
                .willReturn(json(401, body("invalid-session.json"))));
        drain();

        JsonNode refused = health().path("components").path("salesforce");
        assertThat(refused.path("status").asText()).isEqualTo("OUT_OF_SERVICE");
        assertThat(refused.path("details").path("lastError").asText()).startsWith("HTTP 401");
        assertThat(refused.path("details").path("lastDrainStoppedOnOutage").asBoolean(true)).isFalse();

        // and comes back
        salesforce.stubFor(patch(urlPathEqualTo(upsertPath("Payment__c", "LeaseWorks_Payment_Id__c")))
                .willReturn(json(200, body("collections-upsert-results.json"))));
        drain();

        JsonNode back = health().path("components").path("salesforce");
        assertThat(back.path("status").asText()).isEqualTo("UP");
        assertThat(back.path("details").path("consecutiveFailedCalls").asInt()).isZero();
        String recovered = scrape();
        assertThat(sample(recovered, "leasebridge_records_sent_total", "flow", "salesforce-outbox-drain")).isEqualTo(4 + 2);
        assertThat(sample(recovered, "leasebridge_outbox_pending", "sobject", "Payment__c", "target", "salesforce")).isZero();

        long accountsRun = jdbc.queryForObject("select id from flow_run where flow = 'leaseworks-accounts'", Long.class);
        assertThat(logged.list).filteredOn(e -> e.getFormattedMessage().contains("accounts_20261127.csv done")).singleElement()
                .satisfies(e -> assertThat(e.getMDCPropertyMap())
                        .containsEntry("flow", "leaseworks-accounts").containsEntry("runId", Long.toString(accountsRun)));
        assertThat(logged.list).filteredOn(e -> e.getFormattedMessage().contains("stopped, records stay pending")).isNotEmpty()
                .allSatisfy(e -> assertThat(e.getMDCPropertyMap()).containsEntry("flow", "salesforce-outbox-drain")
                        .containsKey("runId"));
        assertThat(output).containsPattern("\\[leaseworks-accounts " + accountsRun + "\\] .*accounts_20261127.csv done");
        for (String text : new String[]{recovered, health().toString()}) {
            assertThat(text).doesNotContain("test-password", "test-secret", "00Dxx0000001gPL!", "Ada Lovelace", "123-45-6789",
                    "312-555", "@example.com");
        }
    }

    private void drain() {
        producer.requestBody(SalesforceOutboxDrainRoute.DRAIN, null, io.leasebridge.salesforce.DrainReport.class);
    }

    private JsonNode health() throws Exception {
        ResponseEntity<String> response = http.getForEntity("/actuator/health", String.class);
        return json.readTree(response.getBody());
    }

    /**
     * The Prometheus text at /actuator/prometheus; an operator's login is offered for when Spring Security
     * guards it. Should the endpoint refuse that login, the same registry's text is read directly.
     */
    private String scrape() {
        ResponseEntity<String> response = http.withBasicAuth("operator", "operator-dev").getForEntity("/actuator/prometheus", String.class);
        if (response.getStatusCode() == HttpStatus.OK) {
            return response.getBody();
        }
        return prometheus.scrape();
    }

    /** The value of one sample, by metric name and its exact label set; fails the test when there is none. */
    static double sample(String scrape, String name, String... labels) {
        Map<String, String> wanted = new LinkedHashMap<>();
        for (int i = 0; i < labels.length; i += 2) {
            wanted.put(labels[i], labels[i + 1]);
        }
        Pattern line = Pattern.compile("^" + Pattern.quote(name) + "(?:\\{(.*)})? (\\S+)$", Pattern.MULTILINE);
        Matcher m = line.matcher(scrape);
        while (m.find()) {
            Map<String, String> found = new LinkedHashMap<>();
            if (m.group(1) != null) {
                Matcher label = Pattern.compile("(\\w+)=\"([^\"]*)\"").matcher(m.group(1));
                while (label.find()) {
                    found.put(label.group(1), label.group(2));
                }
            }
            if (found.equals(wanted)) {
                return Double.parseDouble(m.group(2));
            }
        }
        throw new AssertionError("no sample " + name + wanted + " in the scrape; " + name + " lines: "
                + Arrays.stream(scrape.split("\n")).filter(l -> l.startsWith(name)).toList());
    }
}
