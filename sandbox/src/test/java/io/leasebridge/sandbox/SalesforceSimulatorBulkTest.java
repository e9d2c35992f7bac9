package io.leasebridge.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The simulated org's Bulk API 2.0 ingest jobs, spoken to over HTTP as Salesforce's documentation spells it. */
class SalesforceSimulatorBulkTest {

    private static final String PAYMENT_JOB = """
            {"object":"Payment__c","externalIdFieldName":"LeaseWorks_Payment_Id__c","contentType":"CSV",
             "operation":"upsert","lineEnding":"LF"}""";
    private static SalesforceSimulator salesforce;
    private RestClient client;

    @BeforeAll
    static void startOrg() {
        salesforce = SalesforceSimulator.start(0);
    }

    @AfterAll
    static void stopOrg() {
        salesforce.stop();
    }

    @BeforeEach
    void freshOrg() {
        salesforce.reset();
        salesforce.bulkProcessingTime(Duration.ZERO, Duration.ZERO);
        client = new RestClient(salesforce.baseUrl());
        client.login();
        client.upsert("Account", "LeaseWorks_Customer_Id__c", """
                {"records":[{"attributes":{"type":"Account"},"LeaseWorks_Customer_Id__c":"C-1","Name":"Ada"}]}""");
        client.upsert("Lease__c", "LeaseWorks_Lease_Id__c", """
                {"records":[{"attributes":{"type":"Lease__c"},"LeaseWorks_Lease_Id__c":"L-1","Name":"L-1",
                  "Customer__r":{"LeaseWorks_Customer_Id__c":"C-1"}}]}""");
    }

    @Test
    void anUpsertJobWritesItsRowsUnderTheSameRulesAsCollectionsAndReportsEachRowInItsResults() {
        String job = createJob(PAYMENT_JOB);
        RestClient.Reply upload = client.bulk("PUT", "/" + job + "/batches", "text/csv", """
                LeaseWorks_Payment_Id__c,Amount__c,Received_Date__c,Lease__r.LeaseWorks_Lease_Id__c
                P-1,450.00,2026-10-15,L-1
                P-2,abc,2026-10-15,L-1
                P-3,125.50,2026-10-16,L-404
                P-4,999999999999999.00,2026-10-16,L-1
                """);
        RestClient.Reply closed = client.bulk("PATCH", "/" + job, "application/json", "{\"state\":\"UploadComplete\"}");

        assertThat(upload.status()).isEqualTo(201);
        assertThat(closed.status()).isEqualTo(200);
        assertThat(closed.body().get("state").asText()).isIn("UploadComplete", "InProgress", "JobComplete");
        JsonNode done = awaitState(job, "JobComplete");
        assertThat(done.get("numberRecordsProcessed").asInt()).isEqualTo(4);
        assertThat(done.get("numberRecordsFailed").asInt()).isEqualTo(3);

        List<CSVRecord> successful = csv(client.bulk("GET", "/" + job + "/successfulResults", null, null));
        assertThat(successful).singleElement().satisfies(row -> {
            assertThat(row.get("sf__Id")).isEqualTo(salesforce.records("Payment__c").get("P-1").get("Id"));
            assertThat(row.get("sf__Created")).isEqualTo("true");
            assertThat(row.get("LeaseWorks_Payment_Id__c")).isEqualTo("P-1");
        });
        Map<String, String> errors = csv(client.bulk("GET", "/" + job + "/failedResults", null, null)).stream()
                .collect(Collectors.toMap(r -> r.get("LeaseWorks_Payment_Id__c"), r -> r.get("sf__Error")));
        assertThat(errors.get("P-2")).startsWith("INVALID_TYPE_ON_FIELD_IN_RECORD:").endsWith(":Amount__c --");
        assertThat(errors.get("P-3")).isEqualTo("INVALID_FIELD:Foreign key external ID: L-404 not found for field "
                + "LeaseWorks_Lease_Id__c in entity Lease__c: --");
        assertThat(errors.get("P-4")).startsWith("NUMBER_OUTSIDE_VALID_RANGE:");
        assertThat(salesforce.records("Payment__c")).containsOnlyKeys("P-1");
        assertThat(salesforce.records("Payment__c").get("P-1"))
                .containsEntry("Lease__c", salesforce.records("Lease__c").get("L-1").get("Id"))
                .containsEntry("Amount__c", new java.math.BigDecimal("450.00"));
        assertThat(salesforce.bulkJobs("Payment__c")).isEqualTo(1);
    }

    @Test
    void aJobStaysInProgressForItsProcessingTimeAndHasNoResultsUntilItEnds() {
        salesforce.bulkProcessingTime(Duration.ofMillis(800), Duration.ofMillis(1));
        String job = createJob(PAYMENT_JOB);
        client.bulk("PUT", "/" + job + "/batches", "text/csv", "LeaseWorks_Payment_Id__c,Amount__c,Lease__r.LeaseWorks_Lease_Id__c\nP-1,450.00,L-1\n");
        client.bulk("PATCH", "/" + job, "application/json", "{\"state\":\"UploadComplete\"}");

        RestClient.Reply running = client.bulk("GET", "/" + job, null, null);
        RestClient.Reply early = client.bulk("GET", "/" + job + "/successfulResults", null, null);

        assertThat(running.body().get("state").asText()).isEqualTo("InProgress");
        assertThat(early.status()).isEqualTo(409);
        assertThat(early.body().get(0).get("errorCode").asText()).isEqualTo("INVALIDJOBSTATE");
        awaitState(job, "JobComplete");
        assertThat(csv(client.bulk("GET", "/" + job + "/successfulResults", null, null))).hasSize(1);
    }

    @Test
    void aColumnTheObjectLacksFailsTheWholeJobAndLeavesEveryRowUnprocessed() {
        String job = createJob(PAYMENT_JOB);
        client.bulk("PUT", "/" + job + "/batches", "text/csv", "LeaseWorks_Payment_Id__c,Payment_Method__c\nP-1,ACH\nP-2,CHECK\n");
        client.bulk("PATCH", "/" + job, "application/json", "{\"state\":\"UploadComplete\"}");

        JsonNode failed = awaitState(job, "Failed");

        assertThat(failed.get("errorMessage").asText()).isEqualTo("InvalidBatch : Field name not found : Payment_Method__c");
        assertThat(csv(client.bulk("GET", "/" + job + "/unprocessedrecords", null, null)))
                .extracting(r -> r.get("LeaseWorks_Payment_Id__c")).containsExactly("P-1", "P-2");
        assertThat(csv(client.bulk("GET", "/" + job + "/successfulResults", null, null))).isEmpty();
        assertThat(salesforce.records("Payment__c")).isEmpty();
    }

    @Test
    void aJobTakesOneUploadAndCannotBeClosedEmptyOrAbortedOnceComplete() {
        String empty = createJob(PAYMENT_JOB);
        RestClient.Reply closeEmpty = client.bulk("PATCH", "/" + empty, "application/json", "{\"state\":\"UploadComplete\"}");
        String job = createJob(PAYMENT_JOB);
        String rows = "LeaseWorks_Payment_Id__c,Amount__c,Lease__r.LeaseWorks_Lease_Id__c\nP-1,450.00,L-1\n";
        RestClient.Reply notCsv = client.bulk("PUT", "/" + job + "/batches", "application/json", rows);
        client.bulk("PUT", "/" + job + "/batches", "text/csv", rows);
        RestClient.Reply second = client.bulk("PUT", "/" + job + "/batches", "text/csv", rows);
        client.bulk("PATCH", "/" + job, "application/json", "{\"state\":\"UploadComplete\"}");
        awaitState(job, "JobComplete");
        RestClient.Reply abort = client.bulk("PATCH", "/" + job, "application/json", "{\"state\":\"Aborted\"}");
        RestClient.Reply unknown = client.bulk("GET", "/7505f00000NOSUCHAAA", null, null);

        assertThat(closeEmpty.status()).isEqualTo(409);
        assertThat(closeEmpty.body().get(0).get("message").asText()).isEqualTo("Closing a job that has no data uploaded is not allowed.");
        assertThat(notCsv.status()).isEqualTo(400);
        assertThat(second.status()).isEqualTo(409);
        assertThat(second.body().get(0).get("errorCode").asText()).isEqualTo("INVALIDJOBSTATE");
        assertThat(abort.status()).isEqualTo(409);
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.body().get(0).get("errorCode").asText()).isEqualTo("NOT_FOUND");
    }

    @Test
    void aJobOnAnObjectOrKeyTheOrgLacksIsRefusedWhenCreated() {
        RestClient.Reply noObject = client.bulk("POST", "", "application/json",
                PAYMENT_JOB.replace("\"Payment__c\"", "\"Payment_Plan__c\""));
        RestClient.Reply notAKey = client.bulk("POST", "", "application/json",
                PAYMENT_JOB.replace("LeaseWorks_Payment_Id__c", "Amount__c"));

        assertThat(noObject.status()).isEqualTo(400);
        assertThat(noObject.body().get(0).get("errorCode").asText()).isEqualTo("INVALIDJOB");
        assertThat(noObject.body().get(0).get("message").asText()).contains("Payment_Plan__c");
        assertThat(notAKey.status()).isEqualTo(400);
        assertThat(notAKey.body().get(0).get("message").asText()).contains("Amount__c does not match an External ID");
        assertThat(salesforce.totalBulkJobs()).isZero();
    }

    @Test
    void anAbortedJobRunsNothingAndReportsItsRowsUnprocessed() {
        String job = createJob(PAYMENT_JOB);
        client.bulk("PUT", "/" + job + "/batches", "text/csv", "LeaseWorks_Payment_Id__c,Amount__c,Lease__r.LeaseWorks_Lease_Id__c\nP-1,450.00,L-1\n");

        RestClient.Reply aborted = client.bulk("PATCH", "/" + job, "application/json", "{\"state\":\"Aborted\"}");

        assertThat(aborted.body().get("state").asText()).isEqualTo("Aborted");
        assertThat(csv(client.bulk("GET", "/" + job + "/unprocessedrecords", null, null)))
                .extracting(r -> r.get("LeaseWorks_Payment_Id__c")).containsExactly("P-1");
        assertThat(salesforce.records("Payment__c")).isEmpty();
    }

    private String createJob(String body) {
        RestClient.Reply created = client.bulk("POST", "", "application/json", body);
        assertThat(created.status()).as(created.text()).isEqualTo(200);
        assertThat(created.body().get("state").asText()).isEqualTo("Open");
        assertThat(created.body().get("contentUrl").asText()).endsWith("/batches");
        assertThat(created.header("Sforce-Limit-Info")).startsWith("api-usage=");
        return created.body().get("id").asText();
    }

    private JsonNode awaitState(String job, String state) {
        JsonNode[] info = new JsonNode[1];
        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(100)).until(() -> {
            info[0] = client.bulk("GET", "/" + job, null, null).body();
            return state.equals(info[0].get("state").asText());
        });
        return info[0];
    }

    private static List<CSVRecord> csv(RestClient.Reply reply) {
        assertThat(reply.status()).as(reply.text()).isEqualTo(200);
        assertThat(reply.header("Content-Type")).startsWith("text/csv");
        try {
            return CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).build().parse(new StringReader(reply.text())).getRecords();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
