package io.leasebridge.salesforce;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import com.github.tomakehurst.wiremock.stubbing.StubMapping;
import io.leasebridge.LeaseBridgeApplication;
import io.leasebridge.ingest.LeaseWorksExportIngest;
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
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.patch;
import static com.github.tomakehurst.wiremock.client.WireMock.patchRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static io.leasebridge.salesforce.SalesforceWireMock.body;
import static io.leasebridge.salesforce.SalesforceWireMock.json;
import static io.leasebridge.salesforce.SalesforceWireMock.upsertPath;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A backlog of several Bulk API 2.0 jobs ({@code max-upload} of 2 rows, 5 payments): the next job is uploaded while
 * Salesforce works on one, and closed only once that one has finished, against a WireMock org in Bulk 2.0's wire format.
 */
@CamelSpringBootTest
@SpringBootTest(classes = LeaseBridgeApplication.class)
class SalesforceBulkPipelineTest {

    private static final WireMockServer salesforce = SalesforceWireMock.start();
    private static final String JOBS = "/services/data/v" + SalesforceWireMock.API_VERSION + "/jobs/ingest";
    private static final List<String> JOB_IDS = List.of("7505f00000PIPE1AAA", "7505f00000PIPE2AAA", "7505f00000PIPE3AAA");
    private static final String LEFT_OPEN = "7505f00000PIPE0AAA";

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) throws Exception {
        TestProperties.salesforceAndHub(registry, salesforce, "sf-bulk-pipeline");
        String inbox = Files.createTempDirectory("inbox").toString();
        registry.add("leasebridge.leaseworks.inbox", () -> inbox);
        registry.add("leasebridge.salesforce.retry.max-redeliveries", () -> "1");
        registry.add("leasebridge.salesforce.bulk.threshold", () -> "4");
        registry.add("leasebridge.salesforce.bulk.max-upload", () -> "2");
        registry.add("leasebridge.salesforce.bulk.poll-interval", () -> "20ms");
        TestProperties.schedules(registry, TestProperties.NEVER);
    }

    @Autowired
    LeaseWorksExportIngest ingest;
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
        BulkBacklog.emptyHubAndOrg(jdbc, salesforce);
        stubJobs();
        BulkBacklog.ingest(ingest);
    }

    @Test
    void theNextJobIsUploadedWhileSalesforceWorksOnOneAndClosedOnlyOnceThatOneHasFinished() {
        DrainReport report = drain();

        assertThat(report.stoppedFor()).isNull();
        assertThat(jdbc.queryForList("select status from sf_outbox where sobject = 'Payment__c'", String.class))
                .hasSize(5).containsOnly("DELIVERED");
        List<String> calls = jobCalls();
        for (int n = 1; n < JOB_IDS.size(); n++) {
            String before = JOB_IDS.get(n - 1);
            String job = JOB_IDS.get(n);
            assertThat(calls.indexOf("PUT " + job + "/batches")).as("job %d uploaded while job %d is in progress", n + 1, n)
                    .isLessThan(calls.indexOf("GET " + before + " JobComplete"));
            assertThat(calls.indexOf("PATCH " + job + " UploadComplete")).as("job %d closed once job %d has finished", n + 1, n)
                    .isGreaterThan(calls.indexOf("GET " + before + " JobComplete"))
                    .as("and before job %d's results are read", n)
                    .isLessThan(calls.indexOf("GET " + before + "/successfulResults"));
        }
        assertThat(jdbc.queryForList("select state from sf_bulk_job", String.class)).hasSize(3).containsOnly("Done");
    }

    @Test
    void aJobThatARunLeftOpenIsAbortedAndItsRowsGoUpInNewJobs() {
        List<Map<String, Object>> payments = jdbc.queryForList("select id, version, external_id from sf_outbox where sobject = 'Payment__c'");
        Timestamp then = Timestamp.from(Instant.now().minusSeconds(7_200));
        jdbc.update("insert into sf_bulk_job (job_id, sobject, facet, state, node_id, created_at, updated_at) values (?, 'Payment__c', '', 'Open', 'dead-node', ?, ?)",
                LEFT_OPEN, then, then);
        payments.forEach(p -> jdbc.update("insert into sf_bulk_job_row (job_id, outbox_id, version, external_id) values (?, ?, ?, ?)",
                LEFT_OPEN, p.get("ID"), p.get("VERSION"), p.get("EXTERNAL_ID")));
        jdbc.update("update sf_outbox set claimed_by = 'dead-node', claimed_until = ? where sobject = 'Payment__c'", then);
        salesforce.stubFor(get(urlPathEqualTo(JOBS + "/" + LEFT_OPEN)).willReturn(json(200, job(LEFT_OPEN, "Open"))));
        salesforce.stubFor(patch(urlPathEqualTo(JOBS + "/" + LEFT_OPEN)).withRequestBody(matchingJsonPath("$.state", equalTo("Aborted")))
                .willReturn(json(200, job(LEFT_OPEN, "Aborted"))));

        drain();

        salesforce.verify(1, patchRequestedFor(urlPathEqualTo(JOBS + "/" + LEFT_OPEN)).withRequestBody(matchingJsonPath("$.state", equalTo("Aborted"))));
        salesforce.verify(0, patchRequestedFor(urlPathEqualTo(JOBS + "/" + LEFT_OPEN)).withRequestBody(matchingJsonPath("$.state", equalTo("UploadComplete"))));
        assertThat(salesforce.findAll(putRequestedFor(urlPathMatching(JOBS + "/7505f00000PIPE[1-3]AAA/batches")))).hasSize(3);
        assertThat(jdbc.queryForList("select status from sf_outbox where sobject = 'Payment__c'", String.class))
                .hasSize(5).containsOnly("DELIVERED");
        assertThat(jdbc.queryForObject("select state from sf_bulk_job where job_id = ?", String.class, LEFT_OPEN)).isEqualTo("Done");
        assertThat(jdbc.queryForObject("select count(*) from sf_bulk_job_row", Long.class)).isZero();
    }

    @Test
    void aRunStoppedAfterClosingTheNextJobLeavesThatJobToTheNextRunInsteadOfAbortingIt() {
        String first = JOB_IDS.get(0);
        String second = JOB_IDS.get(1);
        StubMapping resultsUnavailable = salesforce.stubFor(get(urlPathEqualTo(JOBS + "/" + first + "/successfulResults")).atPriority(1)
                .willReturn(json(500, "[{\"errorCode\":\"UNKNOWN_EXCEPTION\",\"message\":\"An unexpected error occurred.\"}]")));

        DrainReport stopped = drain();

        assertThat(stopped.stoppedFor()).isNotNull();
        assertThat(jobCalls()).contains("PATCH " + second + " UploadComplete").doesNotContain("PATCH " + second + " Aborted");

        salesforce.removeStub(resultsUnavailable);
        // the one payment left after the two resumed jobs is under the Bulk threshold and goes by sObject Collections
        salesforce.stubFor(patch(urlPathEqualTo(upsertPath("Payment__c", "LeaseWorks_Payment_Id__c")))
                .willReturn(json(200, body("collections-upsert-results.json"))));
        DrainReport resumed = drain();

        assertThat(resumed.stoppedFor()).isNull();
        salesforce.verify(0, patchRequestedFor(urlPathEqualTo(JOBS + "/" + second)).withRequestBody(matchingJsonPath("$.state", equalTo("Aborted"))));
        salesforce.verify(1, putRequestedFor(urlPathEqualTo(JOBS + "/" + second + "/batches")));
        assertThat(jdbc.queryForList("select status from sf_outbox where sobject = 'Payment__c'", String.class))
                .hasSize(5).containsOnly("DELIVERED");
        assertThat(jdbc.queryForList("select state from sf_bulk_job", String.class)).hasSize(2).containsOnly("Done");
    }

    /** Three jobs in turn, each InProgress at its first read and JobComplete at the next, each having written every row. */
    private void stubJobs() {
        for (int n = 0; n < JOB_IDS.size(); n++) {
            String id = JOB_IDS.get(n);
            salesforce.stubFor(post(urlPathEqualTo(JOBS)).inScenario("jobs").whenScenarioStateIs(n == 0 ? "Started" : "job " + n)
                    .willReturn(json(200, job(id, "Open"))).willSetStateTo("job " + (n + 1)));
            salesforce.stubFor(put(urlPathEqualTo(JOBS + "/" + id + "/batches")).willReturn(aResponse().withStatus(201)));
            salesforce.stubFor(patch(urlPathEqualTo(JOBS + "/" + id)).withRequestBody(matchingJsonPath("$.state", equalTo("UploadComplete")))
                    .willReturn(json(200, job(id, "UploadComplete"))));
            salesforce.stubFor(get(urlPathEqualTo(JOBS + "/" + id)).inScenario(id).whenScenarioStateIs("Started")
                    .willReturn(json(200, job(id, "InProgress"))).willSetStateTo("done"));
            salesforce.stubFor(get(urlPathEqualTo(JOBS + "/" + id)).inScenario(id).whenScenarioStateIs("done")
                    .willReturn(json(200, job(id, "JobComplete"))));
            salesforce.stubFor(get(urlPathEqualTo(JOBS + "/" + id + "/successfulResults")).willReturn(aResponse().withStatus(200)
                    .withHeader("Content-Type", "text/csv").withBody(body("bulk/payments-all-successful.csv"))));
        }
    }

    /** Job info as Salesforce answers it, in the given state; a finished job has processed its two rows. */
    private static String job(String id, String state) {
        return BulkBacklog.jobInfo(id, state, 2);
    }

    /** The Bulk calls in the order they were made, as {@code PUT <job>/batches}, {@code PATCH <job> <state>}, {@code GET <job> <state answered>}. */
    private List<String> jobCalls() {
        // WireMock lists the latest first
        List<ServeEvent> events = new ArrayList<>(salesforce.getAllServeEvents());
        Collections.reverse(events);
        List<String> calls = new ArrayList<>();
        for (ServeEvent event : events) {
            String url = event.getRequest().getUrl();
            if (!url.startsWith(JOBS + "/")) {
                continue;
            }
            String path = url.substring(JOBS.length() + 1);
            String method = event.getRequest().getMethod().getName();
            String body = "GET".equals(method) ? event.getResponse().getBodyAsString() : event.getRequest().getBodyAsString();
            String state = body.contains("\"state\"") ? " " + body.replaceAll("(?s).*\"state\"\\s*:\\s*\"(\\w+)\".*", "$1") : "";
            calls.add(method + " " + path + state);
        }
        return calls;
    }

    private DrainReport drain() {
        return producer.requestBody(SalesforceOutboxDrainRoute.DRAIN, null, DrainReport.class);
    }
}
