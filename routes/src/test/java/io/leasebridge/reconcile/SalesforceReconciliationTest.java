package io.leasebridge.reconcile;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.leasebridge.LeaseBridgeApplication;
import io.leasebridge.reconcile.Difference.Kind;
import io.leasebridge.salesforce.QueryableOrg;
import io.leasebridge.testing.HubTables;
import io.leasebridge.testing.TestProperties;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.camel.test.spring.junit5.CamelSpringBootTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * The reconciliation asks a Salesforce org (aggregate SOQL over external-id ranges, then the records of a small
 * range) what it holds now, and lists each record it lacks, holds changed or holds without LeaseBridge having sent
 * it, beside what the hub explains itself (pending, refused, waiting for a parent).
 */
@CamelSpringBootTest
@SpringBootTest(classes = LeaseBridgeApplication.class)
class SalesforceReconciliationTest {

    private static final QueryableOrg org = new QueryableOrg();
    private static final WireMockServer salesforce = QueryableOrg.start(org);
    private static final LocalDate TODAY = LocalDate.now(ZoneOffset.UTC);

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        TestProperties.parked(registry, salesforce, "reconciliation");
    }

    @Autowired
    SystemsReconciliation reconciliation;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    MeterRegistry meters;
    @Autowired
    ReconciliationHealthIndicator health;

    @AfterAll
    static void stopSalesforce() {
        salesforce.stop();
    }

    @BeforeEach
    void emptyHubAndOrg() {
        HubTables.clear(jdbc);
        jdbc.update("delete from sf_outbox");
        jdbc.update("delete from sf_held");
        org.clear();
    }

    @Test
    void whenSalesforceHoldsWhatTheHubDeliveredNothingDiffersAndEachDayMatches() {
        payments(40, true);

        SystemsReport report = reconciliation.reconcile();

        assertThat(report.unexplained()).isZero();
        ObjectCheck payments = check(report, "Payment__c");
        assertThat(payments.hub().count()).isEqualTo(payments.target().count()).isEqualTo(40);
        assertThat(payments.hub().amount()).isEqualByComparingTo(payments.target().amount()).isEqualByComparingTo("4820.00");
        assertThat(payments.differences()).isEmpty();
        assertThat(payments.days()).hasSize(4).allMatch(ObjectCheck.DayCheck::matches);
        assertThat(payments.days().get(0).target().count()).isEqualTo(10);
        assertThat(report.salesforceCalls()).as("one count per object and one per-day count").isEqualTo(6);
    }

    @Test
    void aPaymentDeletedInSalesforceIsListedAsMissingAndSendingItAgainQueuesANewVersion() {
        payments(40, true);
        org.delete("Payment__c", "P-0017");

        SystemsReport report = reconciliation.reconcile();

        assertThat(check(report, "Payment__c").differences()).extracting(Difference::key, Difference::kind, Difference::mendable)
                .containsExactly(tuple("P-0017", Kind.MISSING_IN_SALESFORCE, true));
        assertThat(report.unexplained()).isEqualTo(1);
        assertThat(meters.get("leasebridge.reconciliation.unexplained").gauge().value()).isEqualTo(1.0);
        assertThat(health.health().getDetails()).containsEntry("unexplained", 1L);
        assertThat(check(report, "Payment__c").days()).filteredOn(d -> !d.matches()).singleElement()
                .satisfies(d -> assertThat(d.target().count()).isEqualTo(d.hub().count() - 1));

        assertThat(reconciliation.resend("Payment__c", "P-0017")).isTrue();
        assertThat(jdbc.queryForMap("select status, version from sf_outbox where external_id = 'P-0017'"))
                .containsEntry("status", "PENDING").containsEntry("version", 2);
        assertThat(reconciliation.resend("Payment__c", "P-0017")).as("already on its way").isFalse();
    }

    @Test
    void anAmountEditedInSalesforceIsListedAsChangedWithBothAmounts() {
        payments(40, true);
        org.put("Payment__c", "LeaseWorks_Payment_Id__c", payment(5, new BigDecimal("1.00")));

        ObjectCheck payments = check(reconciliation.reconcile(), "Payment__c");

        assertThat(payments.differences()).singleElement().satisfies(d -> {
            assertThat(d.kind()).isEqualTo(Kind.CHANGED_IN_SALESFORCE);
            assertThat(d.key()).isEqualTo("P-0005");
            assertThat(d.detail()).isEqualTo("Amount__c is 1.00 in Salesforce, 105.00 as delivered");
        });
    }

    @Test
    void aRecordLeaseBridgeNeverSentIsListedAndRecordsOnTheirWayAreExplainedNotCountedAsUnexplained() {
        payments(40, true);
        org.put("Payment__c", "LeaseWorks_Payment_Id__c", Map.of("LeaseWorks_Payment_Id__c", "P-0003-X", "Amount__c",
                new BigDecimal("9.00"), "Received_Date__c", TODAY.toString()));
        outbox("Payment__c", "P-0900", "PENDING", false, payload(900, new BigDecimal("1.00")));
        outbox("Payment__c", "P-0901", "FAILED", false, payload(901, new BigDecimal("1.00")));
        jdbc.update("""
                insert into sf_held (sobject, facet, external_id, payload, parent_type, parent_key, held_at)
                values ('Payment__c', '', 'P-0902', '{}', 'LEASE', 'L-9', ?)""", Timestamp.from(Instant.now()));

        SystemsReport report = reconciliation.reconcile();

        ObjectCheck payments = check(report, "Payment__c");
        assertThat(payments.differences()).extracting(Difference::key, Difference::kind)
                .containsExactlyInAnyOrder(tuple("P-0003-X", Kind.NOT_FROM_LEASEBRIDGE), tuple("P-0900", Kind.PENDING),
                        tuple("P-0901", Kind.REFUSED), tuple("P-0902", Kind.WAITING_FOR_PARENT));
        assertThat(payments.pending()).isEqualTo(1);
        assertThat(payments.refused()).isEqualTo(1);
        assertThat(payments.waitingForParent()).isEqualTo(1);
        assertThat(report.unexplained()).isEqualTo(1);
    }

    @Test
    void theCallsToFindOneDeletedAccountGrowWithTheLogarithmOfThePortfolioNotItsSize() {
        long small = callsToFindOneDeletedAccountAmong(1_000);
        long large = callsToFindOneDeletedAccountAmong(10_000);

        assertThat(large).isLessThanOrEqualTo(small + 8).isLessThanOrEqualTo(20);
        assertThat(org.queries()).isEqualTo(large);
    }

    private long callsToFindOneDeletedAccountAmong(int accounts) {
        emptyHubAndOrg();
        List<Object[]> rows = new ArrayList<>();
        for (int i = 0; i < accounts; i++) {
            String id = "C-%06d".formatted(i);
            rows.add(new Object[]{"Account", id, "{\"Name\":\"Customer " + i + "\"}", Timestamp.from(Instant.now())});
            org.put("Account", "LeaseWorks_Customer_Id__c", Map.of("LeaseWorks_Customer_Id__c", id, "Name", "Customer " + i));
        }
        jdbc.batchUpdate("""
                insert into sf_outbox (sobject, facet, external_id, payload, version, status, updated_at, delivered_at)
                values (?, '', ?, ?, 1, 'DELIVERED', ?, ?)""", rows.stream()
                .map(r -> new Object[]{r[0], r[1], r[2], r[3], r[3]}).toList());
        String deleted = "C-%06d".formatted(accounts / 3);
        org.delete("Account", deleted);

        SystemsReport report = reconciliation.reconcile();

        assertThat(check(report, "Account").differences()).extracting(Difference::key).containsExactly(deleted);
        return report.salesforceCalls();
    }

    /** Payments P-0001.. delivered (and, when {@code inOrg}, held by the org), ten a day over the last days. */
    private void payments(int count, boolean inOrg) {
        for (int i = 1; i <= count; i++) {
            BigDecimal amount = new BigDecimal(100 + i).setScale(2);
            outbox("Payment__c", "P-%04d".formatted(i), "DELIVERED", true, payload(i, amount));
            if (inOrg) {
                org.put("Payment__c", "LeaseWorks_Payment_Id__c", payment(i, amount));
            }
        }
    }

    private Map<String, Object> payment(int i, BigDecimal amount) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("LeaseWorks_Payment_Id__c", "P-%04d".formatted(i));
        fields.put("Amount__c", amount);
        fields.put("Received_Date__c", TODAY.minusDays((i - 1) / 10).toString());
        return fields;
    }

    private String payload(int i, BigDecimal amount) {
        return "{\"Amount__c\":" + amount.toPlainString() + ",\"Received_Date__c\":\"" + TODAY.minusDays((i - 1) / 10)
                + "\",\"Lease__r\":{\"LeaseWorks_Lease_Id__c\":\"L-1\"}}";
    }

    private void outbox(String object, String externalId, String status, boolean delivered, String payload) {
        Timestamp now = Timestamp.from(Instant.now());
        jdbc.update("""
                insert into sf_outbox (sobject, facet, external_id, payload, version, status, updated_at, delivered_at)
                values (?, '', ?, ?, 1, ?, ?, ?)""", object, externalId, payload, status, now, delivered ? now : null);
    }

    private static ObjectCheck check(SystemsReport report, String object) {
        return report.objects().stream().filter(o -> o.object().equals(object)).findFirst().orElseThrow();
    }
}
