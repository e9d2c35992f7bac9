package io.leasebridge.promises;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import io.leasebridge.LeaseBridgeApplication;
import io.leasebridge.ingest.LeaseWorksExportIngest;
import io.leasebridge.salesforce.SalesforceOutboxDrainRoute;
import io.leasebridge.salesforce.SalesforceWireMock;
import io.leasebridge.testing.HubTables;
import io.leasebridge.testing.LeaseWorksExports;
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

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import static com.github.tomakehurst.wiremock.client.WireMock.patch;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Verdicts that wait for the deadline day's payments and are revised when the facts change, as Salesforce sees
 * them over sObject Collections: the Promise_To_Pay__c status follows, a broken promise's Task is closed with why,
 * and a promise an NSF return breaks gets its Task. judge-after is ten years here, so only exports free a verdict.
 */
@CamelSpringBootTest
@SpringBootTest(classes = LeaseBridgeApplication.class)
class PromiseRevisionRouteTest {

    private static final WireMockServer salesforce = SalesforceWireMock.start();
    private static final ObjectMapper json = new ObjectMapper();
    private static final String PROMISE_1 = "PTP-L-1-20260301T153000Z";
    private static final String PROMISE_2 = "PTP-L-2-20260301T153000Z";
    private static final LocalDate DEADLINE = LocalDate.parse("2026-03-12");

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        TestProperties.parked(registry, salesforce, "promise-revision");
        registry.add("leasebridge.leaseworks.inbox", () -> System.getProperty("java.io.tmpdir") + "/leasebridge-revision-inbox");
        registry.add("leasebridge.ledger.collector-owners.jdoe", () -> "005000000000001AAA");
        registry.add("leasebridge.ledger.fallback-owner", () -> "00G000000000009AAA");
        registry.add("leasebridge.ledger.judge-after", () -> "3650d");
    }

    @Autowired
    LeaseWorksExportIngest ingest;
    @Autowired
    PromiseJudgement judgement;
    @Autowired
    ProducerTemplate producer;
    @Autowired
    JdbcTemplate jdbc;

    @AfterAll
    static void stopSalesforce() {
        salesforce.stop();
    }

    @BeforeEach
    void twoLeasesWithPromisesDueOnTheTenth() {
        HubTables.clear(jdbc);
        jdbc.update("delete from promise_event");
        jdbc.update("delete from promise");
        jdbc.update("delete from lease_dpd_history");
        jdbc.update("delete from export_file");
        salesforce.resetAll();
        SalesforceWireMock.stubLogin(salesforce);
        salesforce.stubFor(patch(urlPathMatching("/services/data/v62.0/composite/sobjects/.*"))
                .willReturn(SalesforceWireMock.json(200, SalesforceWireMock.body("collections-upsert-results.json"))));
        ingest.ingest("accounts", "accounts_20260301.csv", LeaseWorksExports.accounts()
                .lease("C-1", "Customer 1", "L-1", 20).lease("C-2", "Customer 2", "L-2", 20).lease("C-3", "Customer 3", "L-3", 0)
                .stream());
        ingest.ingest("promises", "promises_20260301.csv", LeaseWorksExports.promises()
                .promise("L-1", "300.00", "03/10/2026", "jdoe", "03/01/2026 09:30")
                .promise("L-2", "200.00", "03/10/2026", "jdoe", "03/01/2026 09:30").stream());
    }

    @Test
    void aPromiseWaitsForAPaymentsExportDatedAfterItsDeadlineDay() {
        ingest.ingest("payments", "payments_20260312.csv", LeaseWorksExports.payments().payment("P-2", "L-2", "200.00", "03/09/2026").stream());

        judgement.judge(DEADLINE);

        assertThat(status(PROMISE_1)).isEqualTo("OPEN");
        assertThat(status(PROMISE_2)).isEqualTo("OPEN");

        // the evening payment of the deadline day is in the next morning's export, and the promise is kept, never broken
        ingest.ingest("payments", "payments_20260313.csv", LeaseWorksExports.payments().payment("P-1", "L-1", "300.00", "03/12/2026").stream());
        judgement.judge(LocalDate.parse("2026-03-13"));

        assertThat(status(PROMISE_1)).isEqualTo("KEPT");
        assertThat(status(PROMISE_2)).isEqualTo("KEPT");
        assertThat(jdbc.queryForObject("select count(*) from promise_event where type in ('BROKEN', 'REVISED')", Long.class)).isZero();
        assertThat(judgement.judgedWithoutPayments()).noneMatch(p -> p.startsWith(PROMISE_1));
    }

    @Test
    void aLatePaymentRevisesBrokenToKeptAndClosesTheTaskAndAnNsfReturnBreaksAKeptPromise() throws Exception {
        ingest.ingest("payments", "payments_20260312.csv", LeaseWorksExports.payments().payment("P-2", "L-2", "200.00", "03/09/2026").stream());
        ingest.ingest("payments", "payments_20260313.csv", LeaseWorksExports.payments().payment("P-3", "L-3", "90.00", "03/12/2026").stream());
        judgement.judge(LocalDate.parse("2026-03-13"));
        drain();

        assertThat(sent("Promise_To_Pay__c", "Ledger_Promise_Id__c", PROMISE_1)).last()
                .satisfies(r -> assertThat(r.path("Status__c").asText()).isEqualTo("BROKEN"));
        JsonNode opened = single(sent("Task", "LeaseBridge_Key__c", "BROKEN-" + PROMISE_1));
        assertThat(opened.path("attributes").path("type").asText()).isEqualTo("Task");
        assertThat(opened.has("Status")).as("a Task is created with the org's default status").isFalse();
        assertThat(opened.path("OwnerId").asText()).isEqualTo("005000000000001AAA");

        // a payment dated on the deadline, in a later export; then an NSF return of L-2's payment a week on
        ingest.ingest("payments", "payments_20260316.csv", LeaseWorksExports.payments().payment("P-1", "L-1", "300.00", "03/12/2026")
                .raw("R-2,L-2,-200.00,03/19/2026,NSF,P-2").stream());
        drain();

        assertThat(sent("Promise_To_Pay__c", "Ledger_Promise_Id__c", PROMISE_1)).last().satisfies(r -> {
            assertThat(r.path("Status__c").asText()).isEqualTo("KEPT");
            assertThat(r.path("Amount_Applied__c").decimalValue()).isEqualByComparingTo("300.00");
            assertThat(r.path("Judged_On__c").asText()).isEqualTo("2026-03-12");
        });
        List<JsonNode> task1 = sent("Task", "LeaseBridge_Key__c", "BROKEN-" + PROMISE_1);
        assertThat(task1).hasSize(2);
        assertThat(task1.get(1).path("Status").asText()).isEqualTo("Completed");
        assertThat(task1.get(1).path("Closed_By_LeaseBridge_Because__c").asText())
                .contains("revised to KEPT").contains("300.00 of 300.00").contains("2026-03-12");
        assertThat(task1.get(1).has("OwnerId")).as("closing a Task leaves its owner alone").isFalse();

        assertThat(sent("Promise_To_Pay__c", "Ledger_Promise_Id__c", PROMISE_2)).last().satisfies(r -> {
            assertThat(r.path("Status__c").asText()).isEqualTo("BROKEN");
            assertThat(r.path("Amount_Applied__c").decimalValue()).isEqualByComparingTo("0.00");
        });
        JsonNode broken2 = single(sent("Task", "LeaseBridge_Key__c", "BROKEN-" + PROMISE_2));
        assertThat(broken2.has("Status")).isFalse();
        assertThat(jdbc.queryForList("select type from promise_event where promise_id = ? and type in ('KEPT', 'BROKEN', 'REVISED')"
                + " order by sequence", String.class, PROMISE_2)).containsExactly("KEPT", "REVISED", "BROKEN");

        // the same files again change nothing: no Task reopened, none sent twice
        int calls = patches().size();
        ingest.ingest("payments", "payments_20260316-again.csv", LeaseWorksExports.payments().payment("P-1", "L-1", "300.00", "03/12/2026")
                .raw("R-2,L-2,-200.00,03/19/2026,NSF,P-2").stream());
        judgement.judge(LocalDate.parse("2026-03-20"));
        drain();
        assertThat(patches()).hasSize(calls);
    }

    private String status(String promiseId) {
        return jdbc.queryForObject("select status from promise where promise_id = ?", String.class, promiseId);
    }

    private void drain() {
        producer.requestBody(SalesforceOutboxDrainRoute.DRAIN, (Object) null);
    }

    private List<ServeEvent> patches() {
        return salesforce.getAllServeEvents().stream()
                .filter(e -> e.getRequest().getMethod().getName().equals("PATCH"))
                .sorted(Comparator.comparing(e -> e.getRequest().getLoggedDate()))
                .toList();
    }

    /** Every record sent to {@code sObject} with {@code idField} = {@code id}, in the order sent. */
    private List<JsonNode> sent(String sObject, String idField, String id) throws Exception {
        List<JsonNode> records = new ArrayList<>();
        for (ServeEvent call : patches()) {
            if (call.getRequest().getUrl().contains("/composite/sobjects/" + sObject + "/" + idField)) {
                JsonNode body = json.readTree(call.getRequest().getBodyAsString());
                assertThat(body.path("allOrNone").asBoolean(true)).isFalse();
                body.path("records").forEach(r -> {
                    if (id.equals(r.path(idField).asText())) {
                        records.add(r);
                    }
                });
            }
        }
        return records;
    }

    private static JsonNode single(List<JsonNode> records) {
        assertThat(records).hasSize(1);
        return records.get(0);
    }
}
