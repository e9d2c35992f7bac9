package io.leasebridge.promises;

import io.leasebridge.hub.LeaseAccounts;
import io.leasebridge.ledger.PromiseEvent;
import io.leasebridge.ledger.PromiseEventType;
import io.leasebridge.ledger.PromiseStatus;
import io.leasebridge.ledger.ProjectedPromise;
import io.leasebridge.mapping.salesforce.SObjectRecord;
import io.leasebridge.mapping.salesforce.SObjectType;
import io.leasebridge.model.Payment;
import io.leasebridge.model.Promise;
import io.leasebridge.testing.HubDatabaseContract;
import io.leasebridge.testing.TestDatabase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

import java.math.BigDecimal;
import java.sql.Date;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;

/** The promise ledger on a real hub database: events appended and read back, projection kept and rebuilt. */
abstract class PromiseLedgerStoreContract extends HubDatabaseContract {

    private static final Instant NOW = Instant.parse("2026-03-20T12:00:00.123456Z");

    JdbcTemplate jdbc;
    PromiseLedgerService ledger;
    PromiseLedgerStore store;

    PromiseLedgerStoreContract(Supplier<TestDatabase> database) {
        super(database);
    }

    @BeforeEach
    void setUp() {
        jdbc = new JdbcTemplate(freshSchema());
        LedgerProperties properties = new LedgerProperties(2, new BigDecimal("1.00"), ZoneId.of("America/Chicago"),
                Map.of("jdoe", "005000000000001AAA"), "00G000000000009AAA", 30, java.time.Duration.ofHours(9), "payments");
        LeaseAccounts leases = new LeaseAccounts(jdbc);
        ledger = new PromiseLedgerService(new PromiseLedgerStore(jdbc), leases, properties, new CollectorTasks(leases, properties),
                Clock.fixed(NOW, ZoneOffset.UTC));
        store = ledger.store();
        lease("L-1", "jdoe");
        lease("L-2", "nobody");
    }

    @Test
    void eventsComeBackInOrderWithExactValues() {
        List<SObjectRecord> out = new ArrayList<>();
        ledger.capture(List.of(promise("L-1", "250.50", "2026-03-10", "2026-03-01T15:00:00Z")), LocalDate.parse("2026-03-01"), out);
        pay("P-1", "L-1", "100.25", "2026-03-05", out);

        List<PromiseEvent> history = store.history("L-1");

        assertThat(history).extracting(PromiseEvent::type).containsExactly(PromiseEventType.MADE, PromiseEventType.PAYMENT_APPLIED);
        assertThat(history.get(0).sequence()).isLessThan(history.get(1).sequence());
        assertThat(history.get(0).amount()).isEqualByComparingTo("250.50");
        assertThat(history.get(0).promisedDate()).isEqualTo(LocalDate.parse("2026-03-10"));
        assertThat(history.get(0).occurredOn()).isEqualTo(LocalDate.parse("2026-03-01"));
        assertThat(history.get(0).recordedAt()).isEqualTo(NOW);
        assertThat(history.get(1).paymentId()).isEqualTo("P-1");
        assertThat(history.get(1).amount()).isEqualByComparingTo("100.25");
        assertThat(store.leasesWithOpenPromises()).containsExactly("L-1");
    }

    @Test
    void judgementWritesVerdictsTasksAndKpisAndAddsNothingTheSecondTime() {
        List<SObjectRecord> out = new ArrayList<>();
        // L-2's promise names nobody in the export: it is taken by the lease's collector, who has no Salesforce user
        ledger.capture(List.of(promise("L-1", "100.00", "2026-03-10", "2026-03-01T15:00:00Z"),
                new Promise("L-2", new BigDecimal("100.00"), LocalDate.parse("2026-03-10"), " ", Instant.parse("2026-03-01T16:00:00Z"))),
                LocalDate.parse("2026-03-01"), out);
        pay("P-1", "L-1", "100.00", "2026-03-09", out);
        out.clear();

        long events = ledger.judge(store.leasesWithOpenPromises(), LocalDate.parse("2026-03-12"), out);
        long again = ledger.judge(List.of("L-1", "L-2"), LocalDate.parse("2026-03-31"), new ArrayList<>());

        assertThat(events).isEqualTo(2);
        assertThat(again).isZero();
        assertThat(store.projection()).extracting(ProjectedPromise::leaseId, ProjectedPromise::status)
                .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple("L-1", PromiseStatus.KEPT),
                        org.assertj.core.groups.Tuple.tuple("L-2", PromiseStatus.BROKEN));
        assertThat(out).filteredOn(r -> r.type() == SObjectType.TASK).singleElement().satisfies(task -> {
            assertThat(task.externalId()).isEqualTo("BROKEN-PTP-L-2-20260301T160000Z");
            assertThat(task.fields()).containsEntry("OwnerId", "00G000000000009AAA");
        });
        assertThat(out).filteredOn(r -> r.type() == SObjectType.LEASE_PROMISE_KPIS && r.externalId().equals("L-2"))
                .singleElement().satisfies(k -> assertThat(k.fields()).containsEntry("Promises_Broken_12M__c", 1));
    }

    @Test
    void aBrokenPromiseIsTheTakingCollectorsEvenAfterTheLeaseWasEscalatedToASpecialist() {
        List<SObjectRecord> out = new ArrayList<>();
        // one promise names its collector, the other names none and is taken by the lease's collector of the day
        ledger.capture(List.of(promise("L-1", "100.00", "2026-03-10", "2026-03-01T15:00:00Z")), LocalDate.parse("2026-03-01"), out);
        lease("L-3", "jdoe");
        ledger.capture(List.of(new Promise("L-3", new BigDecimal("80.00"), LocalDate.parse("2026-03-10"), "",
                Instant.parse("2026-03-01T17:00:00Z"))), LocalDate.parse("2026-03-01"), out);
        jdbc.update("update lease_account set collector = 'specialist' where lease_id in ('L-1', 'L-3')");
        out.clear();

        ledger.judge(store.leasesWithOpenPromises(), LocalDate.parse("2026-03-12"), out);

        assertThat(store.projection()).extracting(ProjectedPromise::madeBy).containsOnly("jdoe");
        assertThat(out).filteredOn(r -> r.type() == SObjectType.TASK).hasSize(2)
                .allSatisfy(task -> assertThat(task.fields()).containsEntry("OwnerId", "005000000000001AAA"));
        assertThat(out).filteredOn(r -> r.type() == SObjectType.PROMISE)
                .allSatisfy(p -> assertThat(p.fields()).containsEntry("Made_By__c", "jdoe"));
    }

    @Test
    void anEveningPaymentReadAfterJudgementClosesTheBrokenPromiseTaskAndALateNsfOpensANewOne() {
        List<SObjectRecord> out = new ArrayList<>();
        ledger.capture(List.of(promise("L-2", "100.00", "2026-03-10", "2026-03-01T16:00:00Z")), LocalDate.parse("2026-03-01"), out);
        ledger.judge(store.leasesWithOpenPromises(), LocalDate.parse("2026-03-12"), out);
        out.clear();

        pay("P-7", "L-2", "100.00", "2026-03-12", out);

        assertThat(store.projection()).singleElement().satisfies(p -> assertThat(p.status()).isEqualTo(PromiseStatus.KEPT));
        assertThat(out).filteredOn(r -> r.type() == SObjectType.TASK_CLOSE).singleElement().satisfies(close -> {
            assertThat(close.externalId()).isEqualTo("BROKEN-PTP-L-2-20260301T160000Z");
            assertThat(close.fields()).containsEntry("Status", "Completed");
            assertThat((String) close.fields().get("Closed_By_LeaseBridge_Because__c")).contains("revised to KEPT").contains("100.00 of 100.00");
        });
        assertThat(out).filteredOn(r -> r.type() == SObjectType.PROMISE).singleElement()
                .satisfies(p -> assertThat(p.fields()).containsEntry("Status__c", "KEPT"));
        assertThat(out).filteredOn(r -> r.type() == SObjectType.LEASE_PROMISE_KPIS).singleElement()
                .satisfies(k -> assertThat(k.fields()).containsEntry("Promises_Kept_12M__c", 1).containsEntry("Promises_Broken_12M__c", 0));
        out.clear();

        pay("P-7R", "L-2", "-100.00", "2026-04-11", "P-7", out);

        assertThat(jdbc.queryForList("select type from promise_event where lease_id = 'L-2' and type in ('KEPT', 'BROKEN', 'REVISED')"
                + " order by sequence", String.class)).containsExactly("BROKEN", "REVISED", "KEPT", "REVISED", "BROKEN");
        assertThat(out).filteredOn(r -> r.type() == SObjectType.TASK).singleElement()
                .satisfies(task -> assertThat(task.externalId()).isEqualTo("BROKEN-PTP-L-2-20260301T160000Z-2"));
        assertThat(out).filteredOn(r -> r.type() == SObjectType.TASK_CLOSE).isEmpty();
    }

    @Test
    void theRebuiltProjectionEqualsTheIncrementalOne() {
        List<SObjectRecord> out = new ArrayList<>();
        Promise first = promise("L-1", "300.00", "2026-03-10", "2026-03-01T15:00:00Z");
        ledger.capture(List.of(first), LocalDate.parse("2026-03-01"), out);
        ledger.capture(List.of(new Promise("L-1", new BigDecimal("200.00"), LocalDate.parse("2026-03-12"), "asmith", first.enteredAt())),
                LocalDate.parse("2026-03-04"), out);
        pay("P-1", "L-1", "150.00", "2026-03-05", out);
        pay("P-1R", "L-1", "-150.00", "2026-03-06", "P-1", out);
        ledger.capture(List.of(promise("L-2", "80.00", "2026-03-15", "2026-03-02T15:00:00Z")), LocalDate.parse("2026-03-02"), out);
        ledger.snapshotComplete(java.util.Set.of(), LocalDate.parse("2026-03-08"), out);
        ledger.judge(store.leasesWithOpenPromises(), LocalDate.parse("2026-03-31"), out);
        List<ProjectedPromise> incremental = store.projection();

        int rebuilt = store.rebuildProjection();

        assertThat(rebuilt).isEqualTo(2);
        assertThat(store.projection()).isEqualTo(incremental);
        assertThat(incremental).extracting(ProjectedPromise::status).containsExactly(PromiseStatus.CANCELLED, PromiseStatus.CANCELLED);
        assertThat(incremental.get(0).amendedCount()).isEqualTo(1);
    }

    @Test
    void leasesAreFoundByTheStatusOfTheirPromises() {
        lease("L-3", "jdoe");
        List<SObjectRecord> out = new ArrayList<>();
        ledger.capture(List.of(promise("L-1", "100.00", "2026-03-10", "2026-03-01T15:00:00Z"),
                promise("L-2", "100.00", "2026-03-05", "2026-03-01T15:00:00Z"),
                promise("L-3", "100.00", "2026-03-10", "2026-03-01T15:00:00Z")), LocalDate.parse("2026-03-01"), out);
        ledger.judge(List.of("L-2"), LocalDate.parse("2026-03-12"), out);
        // L-1's promise is replaced by another, and L-3's is gone from the next full snapshot
        ledger.capture(List.of(promise("L-1", "120.00", "2026-03-15", "2026-03-02T15:00:00Z")), LocalDate.parse("2026-03-02"), out);
        ledger.snapshotComplete(java.util.Set.of("L-1", "L-2"), LocalDate.parse("2026-03-02"), out);

        assertThat(store.projection()).extracting(ProjectedPromise::leaseId, ProjectedPromise::status).containsExactlyInAnyOrder(
                org.assertj.core.groups.Tuple.tuple("L-1", PromiseStatus.CANCELLED), org.assertj.core.groups.Tuple.tuple("L-1", PromiseStatus.OPEN),
                org.assertj.core.groups.Tuple.tuple("L-2", PromiseStatus.BROKEN), org.assertj.core.groups.Tuple.tuple("L-3", PromiseStatus.CANCELLED));
        List<String> asked = List.of("L-1", "L-2", "L-3", "L-9");
        assertThat(store.leasesWithOpenPromises(asked)).containsExactly("L-1");
        assertThat(store.leasesWithLivePromises(asked)).containsExactlyInAnyOrder("L-1", "L-2");
        assertThat(store.leasesWithOpenPromises(List.of())).isEmpty();
    }

    private void pay(String id, String leaseId, String amount, String date, List<SObjectRecord> out) {
        pay(id, leaseId, amount, date, null, out);
    }

    private void pay(String id, String leaseId, String amount, String date, String reversalOf, List<SObjectRecord> out) {
        Payment payment = new Payment(id, leaseId, new BigDecimal(amount), LocalDate.parse(date), "ACH", reversalOf);
        jdbc.update("insert into payment (payment_id, lease_id, amount, received_date, method, reversal_of, content_hash, updated_at) "
                + "values (?, ?, ?, ?, ?, ?, 'x', current_timestamp)", id, leaseId, payment.amount(), Date.valueOf(payment.receivedDate()),
                "ACH", reversalOf);
        ledger.paymentsReceived(List.of(payment), out);
    }

    private void lease(String leaseId, String collector) {
        jdbc.update("insert into lease_account (lease_id, customer_id, status, days_past_due, payments_made, collector, content_hash, updated_at) "
                + "values (?, 'C-1', 'ACTIVE', 12, 3, ?, 'x', current_timestamp)", leaseId, collector);
    }

    private static Promise promise(String leaseId, String amount, String date, String enteredAt) {
        return new Promise(leaseId, new BigDecimal(amount), LocalDate.parse(date), "jdoe", Instant.parse(enteredAt));
    }
}
