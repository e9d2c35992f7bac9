package io.leasebridge.salesforce;

import com.github.tomakehurst.wiremock.WireMockServer;
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
import java.util.List;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.patch;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static io.leasebridge.salesforce.SalesforceWireMock.json;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A job cut by bytes ({@code max-upload} of 10 rows, bytes for 5 payments, ten payments alternating between two leases):
 * the first job carries the first lease's five, whose ids run past the second lease's; those five, left out, go up in
 * the next job of the same run. Against a WireMock org in Bulk 2.0's wire format.
 */
@CamelSpringBootTest
@SpringBootTest(classes = LeaseBridgeApplication.class)
class SalesforceBulkUploadBytesTest {

    private static final WireMockServer salesforce = SalesforceWireMock.start();
    private static final String JOBS = "/services/data/v" + SalesforceWireMock.API_VERSION + "/jobs/ingest";
    private static final int UPLOAD_BYTES = 1000;
    private static final int PAYMENTS = 10;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) throws Exception {
        TestProperties.salesforceAndHub(registry, salesforce, "sf-bulk-upload-bytes");
        String inbox = Files.createTempDirectory("inbox").toString();
        registry.add("leasebridge.leaseworks.inbox", () -> inbox);
        registry.add("leasebridge.salesforce.retry.max-redeliveries", () -> "1");
        registry.add("leasebridge.salesforce.bulk.threshold", () -> "4");
        registry.add("leasebridge.salesforce.bulk.max-upload", () -> String.valueOf(PAYMENTS));
        registry.add("leasebridge.salesforce.bulk.max-upload-bytes", () -> String.valueOf(UPLOAD_BYTES));
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
        BulkBacklog.ingest(ingest, PAYMENTS);
    }

    @Test
    void rowsAJobLeavesOutForItsBytesGoUpInTheNextJobsOfTheSameRun() {
        List<Integer> payloadBytes = jdbc.queryForList("select length(payload) from sf_outbox where sobject = 'Payment__c'", Integer.class);
        assertThat(payloadBytes).as("five payments fit in an upload, six do not")
                .allSatisfy(bytes -> assertThat(bytes * 5).isLessThanOrEqualTo(UPLOAD_BYTES))
                .allSatisfy(bytes -> assertThat(bytes * 6).isGreaterThan(UPLOAD_BYTES));

        DrainReport report = producer.requestBody(SalesforceOutboxDrainRoute.DRAIN, null, DrainReport.class);

        assertThat(report.stoppedFor()).isNull();
        assertThat(jdbc.queryForList("select status from sf_outbox where sobject = 'Payment__c'", String.class))
                .hasSize(PAYMENTS).containsOnly("DELIVERED");
        List<String> uploaded = salesforce.findAll(putRequestedFor(urlPathMatching(JOBS + "/7505f00000BYTE[12]AAA/batches"))).stream()
                .flatMap(upload -> upload.getBodyAsString().lines().skip(1)).map(line -> line.substring(0, line.indexOf(','))).toList();
        assertThat(uploaded).as("each payment uploaded once, in two jobs").hasSize(PAYMENTS).doesNotHaveDuplicates();
    }

    /** Two jobs in turn, each JobComplete at its first read, each having written every row it carried. */
    private void stubJobs() {
        StringBuilder written = new StringBuilder("\"sf__Id\",\"sf__Created\",LeaseWorks_Payment_Id__c\n");
        for (int i = 1; i <= PAYMENTS; i++) {
            written.append(String.format("\"a0B5f00000P%04dAAA\",\"true\",P-%d%n", i, i));
        }
        for (int n = 1; n <= 2; n++) {
            String id = "7505f00000BYTE" + n + "AAA";
            salesforce.stubFor(post(urlPathEqualTo(JOBS)).inScenario("jobs").whenScenarioStateIs(n == 1 ? "Started" : "job " + (n - 1))
                    .willReturn(json(200, job(id, "Open"))).willSetStateTo("job " + n));
            salesforce.stubFor(put(urlPathEqualTo(JOBS + "/" + id + "/batches")).willReturn(aResponse().withStatus(201)));
            salesforce.stubFor(patch(urlPathEqualTo(JOBS + "/" + id)).withRequestBody(matchingJsonPath("$.state", equalTo("UploadComplete")))
                    .willReturn(json(200, job(id, "UploadComplete"))));
            salesforce.stubFor(get(urlPathEqualTo(JOBS + "/" + id)).willReturn(json(200, job(id, "JobComplete"))));
            salesforce.stubFor(get(urlPathEqualTo(JOBS + "/" + id + "/successfulResults")).willReturn(aResponse().withStatus(200)
                    .withHeader("Content-Type", "text/csv").withBody(written.toString())));
        }
    }

    /** Job info as Salesforce answers it, in the given state; a finished job has processed its five rows. */
    private static String job(String id, String state) {
        return BulkBacklog.jobInfo(id, state, 5);
    }
}
