package io.leasebridge.salesforce;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.leasebridge.LeaseBridgeApplication;
import io.leasebridge.ingest.LeaseWorksExportIngest;
import io.leasebridge.testing.HubTables;
import io.leasebridge.testing.LeaseWorksExports;
import io.leasebridge.testing.TestProperties;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.test.spring.junit5.CamelSpringBootTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.nio.file.Files;
import java.util.Comparator;
import java.util.List;

import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.patch;
import static com.github.tomakehurst.wiremock.client.WireMock.patchRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.leasebridge.salesforce.SalesforceWireMock.body;
import static io.leasebridge.salesforce.SalesforceWireMock.json;
import static io.leasebridge.salesforce.SalesforceWireMock.upsertPath;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Below the Bulk threshold, up to {@code leasebridge.salesforce.concurrency} collections calls of one sObject are in
 * flight at once, against a WireMock org that takes a second per call; two calls with payments of the same lease
 * never are.
 */
@CamelSpringBootTest
@SpringBootTest(classes = LeaseBridgeApplication.class)
class SalesforceParallelDrainTest {

    private static final int CALL_MILLIS = 1_000;
    private static final WireMockServer salesforce = SalesforceWireMock.start();
    private static final String PAYMENTS = upsertPath("Payment__c", "LeaseWorks_Payment_Id__c");

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) throws Exception {
        TestProperties.salesforceAndHub(registry, salesforce, "sf-parallel-drain");
        String inbox = Files.createTempDirectory("inbox").toString();
        registry.add("leasebridge.leaseworks.inbox", () -> inbox);
        registry.add("leasebridge.salesforce.concurrency", () -> "4");
        registry.add("leasebridge.salesforce.bulk.threshold", () -> "0");
        // the outbox in file order: which payments share a wave, and so the calls counted here, follows from it
        registry.add("leasebridge.leaseworks.writers", () -> "1");
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

    @Test
    void callsOfOneSObjectGoSideBySideButNeverTwoWithPaymentsOfTheSameLease() {
        for (String[] parent : new String[][]{{"Account", "LeaseWorks_Customer_Id__c"}, {"Lease__c", "LeaseWorks_Lease_Id__c"}}) {
            salesforce.stubFor(patch(urlPathEqualTo(upsertPath(parent[0], parent[1])))
                    .willReturn(json(200, body("collections-upsert-results.json"))));
        }
        salesforce.stubFor(patch(urlPathEqualTo(PAYMENTS))
                .willReturn(json(200, body("collections-upsert-results.json")).withFixedDelay(CALL_MILLIS)));
        // L-1 has more payments than one call takes; L-2..L-7 fit in a call each
        LeaseWorksExports accounts = LeaseWorksExports.accounts();
        LeaseWorksExports payments = LeaseWorksExports.payments();
        for (int lease = 1; lease <= 7; lease++) {
            accounts.lease("C-" + lease, "Customer " + lease, "L-" + lease, 0);
            int count = lease == 1 ? 450 : 120;
            for (int i = 0; i < count; i++) {
                payments.payment("P-" + lease + "-" + i, "L-" + lease, "450.00", "10/15/2026");
            }
        }
        ingest.ingest("accounts", "accounts_20261127.csv", accounts.stream());
        ingest.ingest("payments", "payments_20261127.csv", payments.stream());

        DrainReport report = producer.requestBody(SalesforceOutboxDrainRoute.DRAIN, null, DrainReport.class);

        assertThat(report.stoppedFor()).isNull();
        assertThat(HubTables.count(jdbc, "select count(*) from sf_outbox where sobject = 'Payment__c' and status = 'DELIVERED'"))
                .isEqualTo(450 + 6 * 120);
        List<LoggedRequest> calls = salesforce.findAll(patchRequestedFor(urlPathEqualTo(PAYMENTS))).stream()
                .sorted(Comparator.comparing(LoggedRequest::getLoggedDate)).toList();
        assertThat(calls.stream().mapToInt(c -> c.getBodyAsString().split("\"LeaseWorks_Payment_Id__c\"").length - 1).sum())
                .as("payments sent").isEqualTo(450 + 6 * 120);
        assertThat(maxInFlight(calls)).as("calls in flight at once").isBetween(2, 4);
        List<LoggedRequest> ofL1 = calls.stream().filter(c -> c.getBodyAsString().contains("\"L-1\"")).toList();
        assertThat(ofL1).hasSize(3);
        for (int i = 1; i < ofL1.size(); i++) {
            assertThat(ofL1.get(i).getLoggedDate().getTime() - ofL1.get(i - 1).getLoggedDate().getTime())
                    .as("a call with L-1's payments starts once the previous one was answered").isGreaterThanOrEqualTo(CALL_MILLIS);
        }
    }

    @Test
    void aCallThatFailsForGoodStopsTheRunOnceItsWaveIsRecordedAndTheWaveClaimedMeanwhileIsNeverSent() {
        salesforce.resetRequests();
        for (String[] parent : new String[][]{{"Account", "LeaseWorks_Customer_Id__c"}, {"Lease__c", "LeaseWorks_Lease_Id__c"}}) {
            salesforce.stubFor(patch(urlPathEqualTo(upsertPath(parent[0], parent[1])))
                    .willReturn(json(200, body("collections-upsert-results.json"))));
        }
        salesforce.stubFor(patch(urlPathEqualTo(PAYMENTS))
                .willReturn(json(200, body("collections-upsert-results.json")).withFixedDelay(CALL_MILLIS)));
        // the second call of the first wave (F-3's and F-4's payments) meets an outage that outlasts the retries
        salesforce.stubFor(patch(urlPathEqualTo(PAYMENTS)).withRequestBody(containing("\"F-3\""))
                .willReturn(json(503, body("server-unavailable.json"))));
        LeaseWorksExports accounts = LeaseWorksExports.accounts();
        LeaseWorksExports payments = LeaseWorksExports.payments();
        for (int lease = 1; lease <= 20; lease++) {
            accounts.lease("FC-" + lease, "Fleet customer " + lease, "F-" + lease, 0);
            for (int i = 0; i < 100; i++) {
                payments.payment("FP-" + lease + "-" + i, "F-" + lease, "450.00", "10/15/2026");
            }
        }
        ingest.ingest("accounts", "accounts_20261128.csv", accounts.stream());
        ingest.ingest("payments", "payments_20261128.csv", payments.stream());

        DrainReport report = producer.requestBody(SalesforceOutboxDrainRoute.DRAIN, null, DrainReport.class);

        assertThat(report.stoppedFor()).contains("Payment__c", "SERVER_UNAVAILABLE");
        List<String> sentBodies = salesforce.findAll(patchRequestedFor(urlPathEqualTo(PAYMENTS))).stream()
                .map(LoggedRequest::getBodyAsString).toList();
        assertThat(sentBodies).as("the first wave only").noneMatch(body -> body.contains("\"F-9\""));
        assertThat(HubTables.count(jdbc, "select count(*) from sf_outbox where sobject = 'Payment__c' and status = 'DELIVERED'"
                + " and external_id like 'FP-%'")).as("the first wave's three answered calls").isEqualTo(600);
        assertThat(HubTables.count(jdbc, "select count(*) from sf_outbox where sobject = 'Payment__c' and status = 'PENDING'"
                + " and external_id like 'FP-%'")).isEqualTo(2_000 - 600);
        assertThat(HubTables.count(jdbc, "select count(*) from sf_outbox where claimed_by is not null and status = 'PENDING'"))
                .as("claims left behind").isZero();
    }

    /** The most calls whose [start, start + call time) overlap. */
    private static int maxInFlight(List<LoggedRequest> calls) {
        int most = 0;
        for (LoggedRequest call : calls) {
            long start = call.getLoggedDate().getTime();
            int overlapping = (int) calls.stream().map(c -> c.getLoggedDate().getTime())
                    .filter(t -> t <= start && start < t + CALL_MILLIS).count();
            most = Math.max(most, overlapping);
        }
        return most;
    }
}
