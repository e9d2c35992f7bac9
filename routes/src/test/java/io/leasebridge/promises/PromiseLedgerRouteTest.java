package io.leasebridge.promises;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import io.leasebridge.LeaseBridgeApplication;
import io.leasebridge.ingest.LeaseWorksExportIngest;
import io.leasebridge.ledger.ProjectedPromise;
import io.leasebridge.salesforce.DrainReport;
import io.leasebridge.salesforce.SalesforceOutboxDrainRoute;
import io.leasebridge.salesforce.SalesforceUpserts;
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
import org.springframework.transaction.support.TransactionTemplate;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The ledger end to end against WireMock: promise snapshots and payments from LeaseWorks exports, judged,
 * delivered as Promise_To_Pay__c in calls of at most 200, one Task per broken promise, never two across reruns.
 */
@CamelSpringBootTest
@SpringBootTest(classes = LeaseBridgeApplication.class)
class PromiseLedgerRouteTest {

    private static final WireMockServer salesforce = SalesforceWireMock.start();
    private static final SalesforceUpserts upserts = new SalesforceUpserts(salesforce);
    private static final int LEASES = 250;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        TestProperties.parked(registry, salesforce, "promise-ledger");
        registry.add("leasebridge.leaseworks.inbox", () -> System.getProperty("java.io.tmpdir") + "/leasebridge-ledger-inbox");
        registry.add("leasebridge.ledger.collector-owners.jdoe", () -> "005000000000001AAA");
        registry.add("leasebridge.ledger.fallback-owner", () -> "00G000000000009AAA");
    }

    @Autowired
    LeaseWorksExportIngest ingest;
    @Autowired
    PromiseJudgement judgement;
    @Autowired
    PromiseLedgerService ledger;
    @Autowired
    ProducerTemplate producer;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    TransactionTemplate transaction;

    @AfterAll
    static void stopSalesforce() {
        salesforce.stop();
    }

    @BeforeEach
    void emptyHubAndSalesforce() {
        HubTables.clear(jdbc);
        jdbc.update("delete from promise_event");
        jdbc.update("delete from promise");
        jdbc.update("delete from lease_dpd_history");
        upserts.acceptAll();
    }

    @Test
    void promisesAreJudgedAndDeliveredWithOneTaskPerBrokenPromiseNeverTwo() throws Exception {
        backfill();
        judgement.judge(LocalDate.parse("2026-03-12"));
        DrainReport first = drain();

        assertThat(upserts.callSizes("Promise_To_Pay__c")).containsExactly(200, 50);
        assertThat(upserts.callSizes("Task")).containsExactly(100);
        assertThat(first.bySObject().get("Promise_To_Pay__c").sent()).isEqualTo(LEASES);
        assertThat(first.bySObject().get("Task").sent()).isEqualTo(100);
        assertThat(statuses()).containsEntry("KEPT", 100L).containsEntry("PARTIALLY_KEPT", 50L).containsEntry("BROKEN", 100L);

        JsonNode kept = record("Promise_To_Pay__c", "Ledger_Promise_Id__c", "PTP-L-0-20260301T153000Z");
        assertThat(kept.path("Status__c").asText()).isEqualTo("KEPT");
        assertThat(kept.path("Amount__c").decimalValue()).isEqualByComparingTo("300.00");
        assertThat(kept.path("Amount_Applied__c").decimalValue()).isEqualByComparingTo("300.00");
        assertThat(kept.path("Judged_On__c").asText()).isEqualTo("2026-03-12");
        assertThat(kept.path("Lease__r").path("LeaseWorks_Lease_Id__c").asText()).isEqualTo("L-0");

        JsonNode mappedTask = record("Task", "LeaseBridge_Key__c", "BROKEN-PTP-L-150-20260301T153000Z");
        JsonNode fallbackTask = record("Task", "LeaseBridge_Key__c", "BROKEN-PTP-L-151-20260301T153000Z");
        assertThat(mappedTask.path("OwnerId").asText()).isEqualTo("005000000000001AAA");
        assertThat(fallbackTask.path("OwnerId").asText()).isEqualTo("00G000000000009AAA");
        assertThat(mappedTask.path("What").path("attributes").path("type").asText()).isEqualTo("Lease__c");
        assertThat(mappedTask.path("What").path("LeaseWorks_Lease_Id__c").asText()).isEqualTo("L-150");

        JsonNode kpis = record("Lease__c", "Repeat_Breaker__c", null, "L-150");
        assertThat(kpis.path("Promises_Broken_12M__c").asInt()).isEqualTo(1);
        assertThat(kpis.has("Days_Past_Due__c")).as("the KPI facet carries only its own fields").isFalse();

        // the same snapshot read again, judged again, drained again: nothing new, no second task
        ingest.ingest("promises", "promises_20260301-again.csv", promiseSnapshot());
        judgement.judge(LocalDate.parse("2026-03-12"));
        judgement.judge(LocalDate.parse("2026-03-31"));
        int calls = upserts.calls().size();
        DrainReport second = drain();

        assertThat(upserts.calls()).hasSize(calls);
        assertThat(second.total().sent()).isZero();
        assertThat(HubTables.count(jdbc, "select count(*) from promise_event where type = 'BROKEN'")).isEqualTo(100);
    }

    @Test
    void theRebuiltProjectionEqualsTheOneKeptUpToDate() {
        backfill();
        judgement.judge(LocalDate.parse("2026-03-12"));
        List<ProjectedPromise> incremental = ledger.store().projection();

        transaction.executeWithoutResult(status -> ledger.store().rebuildProjection());

        assertThat(ledger.store().projection()).hasSize(LEASES).isEqualTo(incremental);
    }

    private void backfill() {
        LeaseWorksExports accounts = LeaseWorksExports.accounts();
        LeaseWorksExports payments = LeaseWorksExports.payments();
        for (int i = 0; i < LEASES; i++) {
            accounts.lease("C-" + i, "Customer " + i, "L-" + i, 20, i % 2 == 0 ? "jdoe" : "zed");
            if (i < 100) {
                payments.payment("P-" + i, "L-" + i, "300.00", "03/05/2026");
            } else if (i < 150) {
                payments.payment("P-" + i, "L-" + i, "150.00", "03/06/2026");
            }
        }
        ingest.ingest("accounts", "accounts_20260301.csv", accounts.stream());
        ingest.ingest("payments", "payments_20260310.csv", payments.stream());
        ingest.ingest("promises", "promises_20260301.csv", promiseSnapshot());
    }

    private static java.io.InputStream promiseSnapshot() {
        LeaseWorksExports promises = LeaseWorksExports.promises();
        for (int i = 0; i < LEASES; i++) {
            promises.promise("L-" + i, "300.00", "03/10/2026", i % 2 == 0 ? "jdoe" : "zed", "03/01/2026 09:30");
        }
        return promises.stream();
    }

    private Map<String, Long> statuses() {
        Map<String, Long> byStatus = new java.util.HashMap<>();
        jdbc.query("select status, count(*) from promise group by status", rs -> {
            byStatus.put(rs.getString(1), rs.getLong(2));
        });
        return byStatus;
    }

    private DrainReport drain() {
        return producer.requestBody(SalesforceOutboxDrainRoute.DRAIN, null, DrainReport.class);
    }

    private JsonNode record(String sObject, String idField, String id) {
        return record(sObject, idField, id, null);
    }

    /** The record sent with {@code idField} = {@code id}, or (id null) the one of that lease that carries {@code idField}. */
    private JsonNode record(String sObject, String idField, String id, String leaseId) {
        for (JsonNode r : upserts.records(sObject)) {
            boolean match = id != null ? id.equals(r.path(idField).asText())
                    : r.has(idField) && leaseId.equals(r.path("LeaseWorks_Lease_Id__c").asText());
            if (match) {
                return r;
            }
        }
        throw new AssertionError("no " + sObject + " record with " + idField + " = " + id + " was sent");
    }
}
