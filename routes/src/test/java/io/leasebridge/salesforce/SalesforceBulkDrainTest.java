package io.leasebridge.salesforce;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.leasebridge.LeaseBridgeApplication;
import io.leasebridge.ingest.LeaseWorksExportIngest;
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

import java.nio.file.Files;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.patch;
import static com.github.tomakehurst.wiremock.client.WireMock.patchRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static io.leasebridge.salesforce.SalesforceWireMock.body;
import static io.leasebridge.salesforce.SalesforceWireMock.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

/**
 * A backlog above {@code leasebridge.salesforce.bulk.threshold} goes through Bulk API 2.0, against a WireMock org that
 * answers in Bulk 2.0's wire format: JSON job info, CSV upload and CSV results ({@code sf__Id}, {@code sf__Created},
 * {@code sf__Error}).
 */
@CamelSpringBootTest
@SpringBootTest(classes = LeaseBridgeApplication.class)
class SalesforceBulkDrainTest {

    private static final WireMockServer salesforce = SalesforceWireMock.start();
    private static final String JOB = "7505f00000BULK1AAA";
    private static final String JOBS = "/services/data/v" + SalesforceWireMock.API_VERSION + "/jobs/ingest";

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) throws Exception {
        TestProperties.salesforceAndHub(registry, salesforce, "sf-bulk-drain");
        String inbox = Files.createTempDirectory("inbox").toString();
        registry.add("leasebridge.leaseworks.inbox", () -> inbox);
        registry.add("leasebridge.salesforce.retry.max-redeliveries", () -> "1");
        registry.add("leasebridge.salesforce.bulk.threshold", () -> "4");
        registry.add("leasebridge.salesforce.bulk.poll-interval", () -> "50ms");
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
        BulkBacklog.emptyHubAndOrg(jdbc, salesforce, new String[]{"Collector_Note__c", "LeaseWorks_Note_Id__c"});
        apiUsage.record("api-usage=25/15000");
        BulkBacklog.ingest(ingest);
    }

    @Test
    void aJobsWrittenRowsAreDeliveredItsRefusedRowsDeadLetteredAndItsUnprocessedRowsLeftPending() {
        stubJobLifecycle("bulk/job-complete.json");
        stubResults("payments-successful.csv", "payments-failed.csv");

        DrainReport report = drain();

        LoggedRequest created = salesforce.findAll(postRequestedFor(urlPathEqualTo(JOBS))).get(0);
        assertThat(created.getBodyAsString()).contains("\"object\":\"Payment__c\"", "\"operation\":\"upsert\"",
                "\"externalIdFieldName\":\"LeaseWorks_Payment_Id__c\"", "\"contentType\":\"CSV\"", "\"lineEnding\":\"LF\"");
        String upload = salesforce.findAll(putRequestedFor(urlPathEqualTo(JOBS + "/" + JOB + "/batches"))).get(0).getBodyAsString();
        String[] lines = upload.split("\n");
        assertThat(lines[0]).contains("LeaseWorks_Payment_Id__c", "Lease__r.LeaseWorks_Lease_Id__c");
        assertThat(lines).hasSize(6);
        salesforce.verify(1, patchRequestedFor(urlPathEqualTo(JOBS + "/" + JOB))
                .withRequestBody(matchingJsonPath("$.state", equalTo("UploadComplete"))));
        assertThat(salesforce.findAll(patchRequestedFor(urlPathMatching(".*/Payment__c/.*")))).as("no collections call").isEmpty();

        assertThat(jdbc.queryForList("select external_id, status, sf_id, claimed_by from sf_outbox where sobject = 'Payment__c' order by external_id"))
                .extracting(r -> r.get("EXTERNAL_ID"), r -> r.get("STATUS"), r -> r.get("SF_ID"), r -> r.get("CLAIMED_BY"))
                .containsExactly(tuple("P-1", "DELIVERED", "a0B5f00000P0001AAA", null), tuple("P-2", "DELIVERED", "a0B5f00000P0002AAA", null),
                        tuple("P-3", "FAILED", null, null), tuple("P-4", "PENDING", null, null), tuple("P-5", "PENDING", null, null));
        Map<String, Object> deadLetter = jdbc.queryForMap("select record_key, field, error_code, reason from dead_letter");
        assertThat(deadLetter).containsEntry("RECORD_KEY", "P-3").containsEntry("FIELD", "Amount__c")
                .containsEntry("ERROR_CODE", "FIELD_CUSTOM_VALIDATION_EXCEPTION");
        assertThat((String) deadLetter.get("REASON")).contains("Amount must be positive for a posted payment");
        assertThat(report.bySObject().get("Payment__c").sent()).isEqualTo(2);
        assertThat(report.bySObject().get("Payment__c").failed()).isEqualTo(1);
        assertThat(jdbc.queryForObject("select state from sf_bulk_job where job_id = ?", String.class, JOB)).isEqualTo("Done");
        assertThat(jdbc.queryForList("select external_id, outcome, detail, source_record from external_write"
                        + " where system = 'salesforce' and operation = 'UPSERT' and external_id like 'P-%' order by external_id"))
                .as("the audit trail, as for a collections call").extracting(r -> r.get("EXTERNAL_ID"), r -> r.get("OUTCOME"),
                        r -> ((String) r.get("DETAIL")).split(":")[0], r -> ((String) r.get("SOURCE_RECORD")).endsWith(" bulk job " + JOB))
                .containsExactly(tuple("P-1", "UPDATED", "a0B5f00000P0001AAA", true), tuple("P-2", "CREATED", "a0B5f00000P0002AAA", true),
                        tuple("P-3", "REJECTED", "FIELD_CUSTOM_VALIDATION_EXCEPTION", true));
    }

    @Test
    void aJobThatFailsLeavesItsRowsPendingAndSaysWhy() {
        stubJobLifecycle("bulk/job-failed.json");
        stubResults("payments-none-successful.csv", "payments-none-failed.csv");

        drain();

        assertThat(pendingPayments()).isEqualTo(5);
        assertThat(jdbc.queryForList("select claimed_by from sf_outbox where sobject = 'Payment__c'", String.class)).containsOnlyNulls();
        assertThat(jdbc.queryForObject("select count(*) from dead_letter", Long.class)).isZero();
    }

    @Test
    void aJobThatWroteEveryRowCostsNoCallForFailedResults() {
        stubJobLifecycle("bulk/job-complete-all-written.json");
        stubResults("payments-all-successful.csv", "payments-none-failed.csv");

        drain();

        salesforce.verify(1, getRequestedFor(urlPathEqualTo(JOBS + "/" + JOB + "/successfulResults")));
        salesforce.verify(0, getRequestedFor(urlPathEqualTo(JOBS + "/" + JOB + "/failedResults")));
        assertThat(jdbc.queryForList("select status from sf_outbox where sobject = 'Payment__c'", String.class))
                .hasSize(5).containsOnly("DELIVERED");
    }

    @Test
    void resultsLargerThanCamelSalesforcesDefaultFourMegabytesAreRead() {
        stubJobLifecycle("bulk/job-complete-all-written.json");
        StringBuilder results = new StringBuilder(body("bulk/payments-all-successful.csv"));
        for (int i = 1_000; results.length() < 5 * 1024 * 1024; i++) {
            results.append("\"a0B5f00000Q%05dAAA\",\"true\",P-%d\n".formatted(i % 100_000, i));
        }
        salesforce.stubFor(get(urlPathEqualTo(JOBS + "/" + JOB + "/successfulResults"))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "text/csv").withBody(results.toString())));

        DrainReport report = drain();

        assertThat(report.stoppedFor()).isNull();
        assertThat(jdbc.queryForList("select status from sf_outbox where sobject = 'Payment__c'", String.class))
                .hasSize(5).containsOnly("DELIVERED");
    }

    @Test
    void aJobLeftByARunThatDiedAfterClosingItIsResumedNotUploadedAgain() {
        List<Map<String, Object>> payments = jdbc.queryForList(
                "select id, version, external_id from sf_outbox where sobject = 'Payment__c' order by id");
        Timestamp then = Timestamp.from(Instant.now().minusSeconds(120));
        jdbc.update("insert into sf_bulk_job (job_id, sobject, facet, state, node_id, created_at, updated_at) values (?, 'Payment__c', '', 'UploadComplete', 'dead-node', ?, ?)",
                JOB, then, then);
        payments.forEach(p -> jdbc.update("insert into sf_bulk_job_row (job_id, outbox_id, version, external_id) values (?, ?, ?, ?)",
                JOB, p.get("ID"), p.get("VERSION"), p.get("EXTERNAL_ID")));
        jdbc.update("update sf_outbox set claimed_by = 'dead-node', claimed_until = ? where sobject = 'Payment__c'",
                Timestamp.from(Instant.now().plusSeconds(3600)));
        salesforce.stubFor(get(urlPathEqualTo(JOBS + "/" + JOB)).willReturn(json(200, body("bulk/job-complete.json"))));
        stubResults("payments-all-successful.csv", "payments-none-failed.csv");

        drain();

        salesforce.verify(0, postRequestedFor(urlPathEqualTo(JOBS)));
        salesforce.verify(0, putRequestedFor(urlPathMatching(JOBS + "/.*")));
        assertThat(jdbc.queryForList("select status from sf_outbox where sobject = 'Payment__c'", String.class))
                .hasSize(5).containsOnly("DELIVERED");
    }

    @Test
    void anErrorAnswerToCloseIsTakenOnceTheJobAbortedAndItsRowsLeftPending() {
        salesforce.stubFor(post(urlPathEqualTo(JOBS)).willReturn(json(200, body("bulk/job-open.json"))));
        salesforce.stubFor(put(urlPathEqualTo(JOBS + "/" + JOB + "/batches")).willReturn(aResponse().withStatus(201)));
        salesforce.stubFor(patch(urlPathEqualTo(JOBS + "/" + JOB)).withRequestBody(matchingJsonPath("$.state", equalTo("UploadComplete")))
                .willReturn(json(400, body("bulk/close-refused.json"))));
        salesforce.stubFor(patch(urlPathEqualTo(JOBS + "/" + JOB)).withRequestBody(matchingJsonPath("$.state", equalTo("Aborted")))
                .willReturn(json(200, body("bulk/job-aborted.json"))));
        salesforce.stubFor(get(urlPathEqualTo(JOBS + "/" + JOB)).inScenario("abort").whenScenarioStateIs("Started")
                .willReturn(json(200, body("bulk/job-open.json"))).willSetStateTo("aborted"));
        salesforce.stubFor(get(urlPathEqualTo(JOBS + "/" + JOB)).inScenario("abort").whenScenarioStateIs("aborted")
                .willReturn(json(200, body("bulk/job-aborted.json"))));
        stubResults("payments-none-successful.csv", "payments-none-failed.csv");

        drain();

        salesforce.verify(1, patchRequestedFor(urlPathEqualTo(JOBS + "/" + JOB)).withRequestBody(matchingJsonPath("$.state", equalTo("UploadComplete"))));
        salesforce.verify(1, patchRequestedFor(urlPathEqualTo(JOBS + "/" + JOB)).withRequestBody(matchingJsonPath("$.state", equalTo("Aborted"))));
        assertThat(pendingPayments()).isEqualTo(5);
        assertThat(HubTables.count(jdbc, "select count(*) from flow_run where flow = 'salesforce-outbox-drain'")).isEqualTo(1);
    }

    private void stubJobLifecycle(String finished) {
        salesforce.stubFor(post(urlPathEqualTo(JOBS)).willReturn(json(200, body("bulk/job-open.json"))));
        salesforce.stubFor(put(urlPathEqualTo(JOBS + "/" + JOB + "/batches")).willReturn(aResponse().withStatus(201)));
        salesforce.stubFor(patch(urlPathEqualTo(JOBS + "/" + JOB)).willReturn(json(200, body("bulk/job-upload-complete.json"))));
        salesforce.stubFor(get(urlPathEqualTo(JOBS + "/" + JOB)).inScenario("job").whenScenarioStateIs("Started")
                .willReturn(json(200, body("bulk/job-in-progress.json"))).willSetStateTo("done"));
        salesforce.stubFor(get(urlPathEqualTo(JOBS + "/" + JOB)).inScenario("job").whenScenarioStateIs("done")
                .willReturn(json(200, body(finished))));
    }

    private void stubResults(String successful, String failed) {
        salesforce.stubFor(get(urlPathEqualTo(JOBS + "/" + JOB + "/successfulResults")).willReturn(csv(successful)));
        salesforce.stubFor(get(urlPathEqualTo(JOBS + "/" + JOB + "/failedResults")).willReturn(csv(failed)));
        salesforce.stubFor(get(urlPathEqualTo(JOBS + "/" + JOB + "/unprocessedrecords")).willReturn(csv("payments-unprocessed.csv")));
    }

    private static ResponseDefinitionBuilder csv(String file) {
        return aResponse().withStatus(200).withHeader("Content-Type", "text/csv").withHeader("Sforce-Limit-Info", "api-usage=40/15000")
                .withBody(body("bulk/" + file));
    }

    private DrainReport drain() {
        return producer.requestBody(SalesforceOutboxDrainRoute.DRAIN, null, DrainReport.class);
    }

    private long pendingPayments() {
        return HubTables.count(jdbc, "select count(*) from sf_outbox where status = 'PENDING' and sobject = 'Payment__c'");
    }
}
