package io.leasebridge.hub;

import io.leasebridge.hub.sql.OutboxClaims;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.leasebridge.mapping.salesforce.SObjectRecord;
import io.leasebridge.mapping.salesforce.SObjectType;
import io.leasebridge.mapping.salesforce.SalesforceRecords;
import io.leasebridge.model.CollectorNote;
import io.leasebridge.model.Customer;
import io.leasebridge.model.LeaseAccount;
import io.leasebridge.model.Payment;
import io.leasebridge.testing.SettableClock;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

import javax.sql.DataSource;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TimeZone;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.groups.Tuple.tuple;

/**
 * The hub stores against a real database, schema from the Flyway migrations. Each database the hub
 * runs on gets a subclass that supplies its {@link DataSource}; every test starts from a freshly
 * migrated, empty schema.
 */
abstract class HubStoresContract {

    /** Microseconds: the finest both PostgreSQL and H2 keep in a {@code timestamp with time zone}. */
    static final Instant T0 = Instant.parse("2025-03-09T07:59:58.123456Z");

    SettableClock clock;
    JdbcTemplate jdbc;
    HubStore hub;
    SalesforceOutbox outbox;
    DeadLetters deadLetters;
    RunHistory runs;
    final ObjectMapper json = new ObjectMapper();

    /** The database under test; {@code cleanDisabled(false)}: every test wipes it. */
    abstract DataSource dataSource();

    @BeforeEach
    void freshSchema() {
        Flyway flyway = Flyway.configure()
                .dataSource(dataSource())
                .locations("classpath:db/migration")
                .cleanDisabled(false)
                .load();
        flyway.clean();
        flyway.migrate();
        clock = new SettableClock(T0);
        jdbc = new JdbcTemplate(dataSource());
        hub = new HubStore(jdbc, clock);
        outbox = new SalesforceOutbox(jdbc, json, clock, new HeldRecords(jdbc, clock));
        deadLetters = new DeadLetters(jdbc, clock);
        runs = new RunHistory(jdbc, clock);
    }

    // ---- canonical tables

    @Test
    void insertsNewRecordsAndReturnsThemAll() {
        Customer ann = customer("C-1", "Ann Lee");
        Customer bob = customer("C-2", "Bob Diaz");

        List<Customer> changed = hub.upsert(CanonicalTables.CUSTOMER, List.of(ann, bob));

        assertThat(changed).containsExactly(ann, bob);
        assertThat(hub.count(CanonicalTables.CUSTOMER)).isEqualTo(2);
        assertThat(storedCustomer("C-1")).isEqualTo(ann);
        assertThat(storedCustomer("C-2")).isEqualTo(bob);
        assertThat(jdbc.queryForObject("select content_hash from customer where customer_id = 'C-1'", String.class))
                .isEqualTo(CanonicalTables.CUSTOMER.contentHash(ann))
                .matches("[0-9a-f]{64}");
        assertThat(updatedAt("customer", "customer_id", "C-1")).isEqualTo(T0);
    }

    @Test
    void unchangedRecordsReturnNothingAndAreNotWritten() {
        List<Customer> customers = List.of(customer("C-1", "Ann Lee"), customer("C-2", "Bob Diaz"));
        LeaseAccount lease = lease("L-1", new BigDecimal("1234.50"));
        Payment payment = payment("P-1", new BigDecimal("350.00"));
        CollectorNote note = note("N-1", Instant.parse("2025-02-01T15:04:05.999999Z"));
        hub.upsert(CanonicalTables.CUSTOMER, customers);
        hub.upsert(CanonicalTables.LEASE, List.of(lease));
        hub.upsert(CanonicalTables.PAYMENT, List.of(payment));
        hub.upsert(CanonicalTables.COLLECTOR_NOTE, List.of(note));
        clock.advance(Duration.ofHours(1));

        assertThat(hub.upsert(CanonicalTables.CUSTOMER, List.of(customer("C-1", "Ann Lee"), customer("C-2", "Bob Diaz")))).isEmpty();
        assertThat(hub.upsert(CanonicalTables.LEASE, List.of(lease("L-1", new BigDecimal("1234.50"))))).isEmpty();
        assertThat(hub.upsert(CanonicalTables.PAYMENT, List.of(payment("P-1", new BigDecimal("350.00"))))).isEmpty();
        assertThat(hub.upsert(CanonicalTables.COLLECTOR_NOTE, List.of(note("N-1", Instant.parse("2025-02-01T15:04:05.999999Z"))))).isEmpty();

        assertThat(updatedAt("customer", "customer_id", "C-1")).isEqualTo(T0);
        assertThat(updatedAt("customer", "customer_id", "C-2")).isEqualTo(T0);
        assertThat(updatedAt("lease_account", "lease_id", "L-1")).isEqualTo(T0);
        assertThat(updatedAt("payment", "payment_id", "P-1")).isEqualTo(T0);
        assertThat(updatedAt("collector_note", "note_id", "N-1")).isEqualTo(T0);
        assertThat(hub.upsert(CanonicalTables.CUSTOMER, List.of())).isEmpty();
    }

    @Test
    void changedRecordsAreUpdatedAndOnlyTheyAreReturned() {
        hub.upsert(CanonicalTables.CUSTOMER, List.of(customer("C-1", "Ann Lee"), customer("C-2", "Bob Diaz")));
        String hashBefore = jdbc.queryForObject("select content_hash from customer where customer_id = 'C-2'", String.class);
        Instant later = clock.advance(Duration.ofMinutes(15));
        Customer bobMoved = withCity(customer("C-2", "Bob Diaz"), "Austin");
        Customer carol = customer("C-3", "Carol Ng");

        List<Customer> changed = hub.upsert(CanonicalTables.CUSTOMER, List.of(customer("C-1", "Ann Lee"), bobMoved, carol));

        assertThat(changed).containsExactly(bobMoved, carol);
        assertThat(hub.count(CanonicalTables.CUSTOMER)).isEqualTo(3);
        assertThat(storedCustomer("C-2")).isEqualTo(bobMoved);
        assertThat(jdbc.queryForObject("select content_hash from customer where customer_id = 'C-2'", String.class))
                .isEqualTo(CanonicalTables.CUSTOMER.contentHash(bobMoved))
                .isNotEqualTo(hashBefore);
        assertThat(updatedAt("customer", "customer_id", "C-1")).isEqualTo(T0);
        assertThat(updatedAt("customer", "customer_id", "C-2")).isEqualTo(later);
        assertThat(updatedAt("customer", "customer_id", "C-3")).isEqualTo(later);
    }

    @Test
    void aKeyTwiceInOneBatchKeepsTheLastRecord() {
        Customer first = customer("C-1", "Ann Lee");
        Customer other = customer("C-2", "Bob Diaz");
        Customer last = withCity(customer("C-1", "Ann Lee"), "Houston");

        List<Customer> changed = hub.upsert(CanonicalTables.CUSTOMER, List.of(first, other, last));

        assertThat(changed).containsExactly(last, other);
        assertThat(hub.count(CanonicalTables.CUSTOMER)).isEqualTo(2);
        assertThat(storedCustomer("C-1")).isEqualTo(last);

        clock.advance(Duration.ofMinutes(1));
        Customer again = withCity(customer("C-1", "Ann Lee"), "El Paso");
        assertThat(hub.upsert(CanonicalTables.CUSTOMER, List.of(again, last))).isEmpty();
    }

    @Test
    void moneyKeepsCurrencyScaleAndDatesRoundTrip() {
        LeaseAccount lease = new LeaseAccount("L-1", "C-1", "ACTIVE", LocalDate.of(2024, 2, 29), 17,
                new BigDecimal("1234.5"), BigDecimal.ZERO, new BigDecimal("98765.4321"), 23,
                LocalDate.of(1999, 12, 31), null, "jdoe", "1FTFW1E50PFA00001", null, null, null, null);
        Payment payment = new Payment("P-1", "L-1", new BigDecimal("-0.10"), LocalDate.of(2025, 1, 1), "ACH", "P-0");

        hub.upsert(CanonicalTables.LEASE, List.of(lease));
        hub.upsert(CanonicalTables.PAYMENT, List.of(payment));

        jdbc.query("select * from lease_account where lease_id = 'L-1'", rs -> {
            assertThat(rs.getBigDecimal("past_due_amount")).isEqualTo(new BigDecimal("1234.50"));
            assertThat(rs.getBigDecimal("late_fees")).isEqualTo(new BigDecimal("0.00"));
            assertThat(rs.getBigDecimal("payoff_balance")).isEqualTo(new BigDecimal("98765.43"));
            assertThat(rs.getBigDecimal("last_payment_amount")).isNull();
            assertThat(rs.getObject("next_due_date", LocalDate.class)).isEqualTo(LocalDate.of(2024, 2, 29));
            assertThat(rs.getObject("last_payment_date", LocalDate.class)).isEqualTo(LocalDate.of(1999, 12, 31));
            assertThat(rs.getInt("days_past_due")).isEqualTo(17);
            assertThat(rs.getInt("payments_made")).isEqualTo(23);
            assertThat(rs.getString("vin")).isEqualTo("1FTFW1E50PFA00001");
        });
        jdbc.query("select * from payment where payment_id = 'P-1'", rs -> {
            assertThat(rs.getBigDecimal("amount")).isEqualTo(new BigDecimal("-0.10"));
            assertThat(rs.getObject("received_date", LocalDate.class)).isEqualTo(LocalDate.of(2025, 1, 1));
            assertThat(rs.getString("reversal_of")).isEqualTo("P-0");
        });
    }

    @Test
    void aLeasesPaymentsAreReadFromItsDayOnWithAllOfItsReversals() {
        hub.upsert(CanonicalTables.PAYMENT, List.of(
                new Payment("P-1", "L-1", new BigDecimal("100.00"), LocalDate.of(2025, 1, 5), "ACH", null),
                new Payment("P-2", "L-1", new BigDecimal("100.00"), LocalDate.of(2025, 2, 5), "ACH", null),
                new Payment("P-3", "L-1", new BigDecimal("-100.00"), LocalDate.of(2025, 1, 20), "ACH", "P-1"),
                new Payment("P-4", "L-1", new BigDecimal("100.00"), LocalDate.of(2025, 3, 5), "ACH", null),
                new Payment("P-5", "L-2", new BigDecimal("50.00"), LocalDate.of(2025, 1, 5), "CARD", null),
                new Payment("P-6", "L-3", new BigDecimal("75.00"), LocalDate.of(2025, 3, 5), "CARD", null)));
        LeaseAccounts leases = new LeaseAccounts(jdbc);

        List<Payment> read = leases.paymentsReceivedFrom(Map.of("L-1", LocalDate.of(2025, 2, 5), "L-2", LocalDate.of(2025, 1, 1)));

        assertThat(read).extracting(Payment::paymentId).containsExactlyInAnyOrder("P-2", "P-3", "P-4", "P-5");
        assertThat(read).filteredOn(p -> p.paymentId().equals("P-3")).singleElement()
                .isEqualTo(new Payment("P-3", "L-1", new BigDecimal("-100.00"), LocalDate.of(2025, 1, 20), "ACH", "P-1"));
        assertThat(leases.paymentsReceivedFrom(Map.of())).isEmpty();
    }

    @Test
    void statisticsThatCannotBeGatheredAreLeftToTheDatabaseWithoutFailingTheLoad() {
        hub.upsert(CanonicalTables.PAYMENT, List.of(payment("P-1", new BigDecimal("10.00"))));

        assertThatCode(() -> hub.refreshStatistics(List.of("payment", "no_such_table"))).doesNotThrowAnyException();
        assertThatCode(() -> hub.refreshStatistics(List.of("payment", "sf_outbox"))).doesNotThrowAnyException();
        assertThat(hub.upsert(CanonicalTables.PAYMENT, List.of(payment("P-2", new BigDecimal("20.00"))))).hasSize(1);
    }

    @Test
    void instantsRoundTripInTimestampWithTimeZoneWhateverTheJvmZone() {
        // A timestamp column without time zone would shift by the JVM's offset: run away from UTC to see it.
        TimeZone jvmZone = TimeZone.getDefault();
        TimeZone.setDefault(TimeZone.getTimeZone("America/Chicago"));
        try {
            Instant dstGap = Instant.parse("2025-03-09T08:30:00.000001Z"); // 03:30 CDT, just after Chicago skipped 02:00-03:00
            Instant summer = Instant.parse("2025-07-04T23:59:59.999999Z");
            hub.upsert(CanonicalTables.COLLECTOR_NOTE, List.of(note("N-1", dstGap), note("N-2", summer)));

            assertThat(notedAt("N-1")).isEqualTo(dstGap);
            assertThat(notedAt("N-2")).isEqualTo(summer);
            Instant viaTimestamp = jdbc.queryForObject("select noted_at from collector_note where note_id = 'N-2'",
                    (rs, n) -> rs.getTimestamp(1).toInstant());
            assertThat(viaTimestamp).isEqualTo(summer);
            assertThat(updatedAt("collector_note", "note_id", "N-1")).isEqualTo(T0);
            assertThat(jdbc.queryForObject("select count(*) from collector_note where noted_at = ?", Long.class,
                    OffsetDateTime.parse("2025-03-09T03:30:00.000001-05:00"))).isEqualTo(1);
        } finally {
            TimeZone.setDefault(jvmZone);
        }
    }

    @Test
    void moreKeysThanOneLookupHoldsAreAllFound() {
        List<Customer> customers = IntStream.rangeClosed(1, 1201)
                .mapToObj(i -> customer("C-%04d".formatted(i), "Customer " + i)).toList();
        assertThat(hub.upsert(CanonicalTables.CUSTOMER, customers)).hasSize(1201);
        assertThat(hub.count(CanonicalTables.CUSTOMER)).isEqualTo(1201);

        List<Customer> again = new ArrayList<>(customers);
        Customer first = withCity(again.get(0), "Waco");
        Customer pastFirstChunk = withCity(again.get(500), "Waco");
        Customer inLastChunk = withCity(again.get(1200), "Waco");
        again.set(0, first);
        again.set(500, pastFirstChunk);
        again.set(1200, inLastChunk);
        Customer brandNew = customer("C-9999", "New Customer");
        again.add(brandNew);

        assertThat(hub.upsert(CanonicalTables.CUSTOMER, again)).containsExactly(first, pastFirstChunk, inLastChunk, brandNew);
        assertThat(hub.count(CanonicalTables.CUSTOMER)).isEqualTo(1202);
        assertThat(storedCustomer("C-0501").city()).isEqualTo("Waco");
        assertThat(storedCustomer("C-0502").city()).isEqualTo("Dallas");
    }

    @Test
    void textThatQuotesCommasLineBreaksAndBackslashesCarryLandsExactlyAndEmptyStaysApartFromNull() {
        Customer odd = new Customer("C-1", "O'Brien, \"Red\" \\ Jr.", "", null, "a@example.com", "1 Main St\nSuite 2\r\n",
                "\\N", "TX", "NULL", "America/Chicago", true, false, false, true, "LeaseWorks");
        Customer plain = customer("C-2", "Bob Diaz");
        hub.upsert(CanonicalTables.CUSTOMER, List.of(plain));
        Customer plainMoved = withCity(plain, "Austin, TX");

        assertThat(hub.upsert(CanonicalTables.CUSTOMER, List.of(odd, plainMoved))).containsExactly(odd, plainMoved);

        assertThat(storedCustomer("C-1")).isEqualTo(odd);
        assertThat(storedCustomer("C-2")).isEqualTo(plainMoved);
        assertThat(jdbc.queryForObject("select count(*) from customer where primary_phone = '' and mobile_phone is null", Long.class))
                .isEqualTo(1);
        assertThat(hub.upsert(CanonicalTables.CUSTOMER, List.of(odd, plainMoved))).isEmpty();
    }

    // ---- Salesforce outbox

    @Test
    void enqueueInsertsVersionOnePending() throws Exception {
        SObjectRecord account = SalesforceRecords.account(customer("C-1", "Ann Lee"));
        SObjectRecord lease = SalesforceRecords.lease(lease("L-1", new BigDecimal("10.00")));

        outbox.enqueue(List.of(account, lease));

        OutboxState stored = outboxState("Account", "C-1");
        assertThat(stored).isEqualTo(new OutboxState(1, "PENDING", 0, null, null, T0, null));
        assertThat(json.readTree(payload("Account", "C-1"))).isEqualTo(json.valueToTree(account.fields()));
        assertThat(json.readTree(payload("Lease__c", "L-1")).get("Past_Due_Amount__c").decimalValue())
                .isEqualByComparingTo("10.00");
        assertThat(outbox.count(SalesforceOutbox.PENDING)).isEqualTo(2);
        outbox.enqueue(List.of());
        assertThat(outbox.count(SalesforceOutbox.PENDING)).isEqualTo(2);
    }

    @Test
    void enqueueOfAQueuedRecordBumpsItsVersionAndMakesItPendingAgain() throws Exception {
        outbox.enqueue(List.of(SalesforceRecords.account(customer("C-1", "Ann Lee")),
                SalesforceRecords.account(customer("C-2", "Bob Diaz"))));
        List<OutboxRow> sent = outbox.nextPending(SObjectType.ACCOUNT, 0, 10);
        outbox.markFailed(sent.get(0), "FIELD_CUSTOM_VALIDATION_EXCEPTION: bad phone");
        outbox.markDelivered(sent.get(1), "001000000000002AAA");
        Instant later = clock.advance(Duration.ofMinutes(5));

        SObjectRecord annMoved = SalesforceRecords.account(withCity(customer("C-1", "Ann Lee"), "Austin"));
        SObjectRecord bobMoved = SalesforceRecords.account(withCity(customer("C-2", "Bob Diaz"), "Austin"));
        outbox.enqueue(List.of(annMoved, bobMoved));

        assertThat(outboxState("Account", "C-1")).isEqualTo(new OutboxState(2, "PENDING", 0, null, null, later, null));
        assertThat(outboxState("Account", "C-2"))
                .isEqualTo(new OutboxState(2, "PENDING", 0, null, "001000000000002AAA", later, T0));
        assertThat(json.readTree(payload("Account", "C-1")).get("BillingCity").asText()).isEqualTo("Austin");
        assertThat(jdbc.queryForObject("select count(*) from sf_outbox", Long.class)).isEqualTo(2);
        assertThat(outbox.nextPending(SObjectType.ACCOUNT, 0, 10)).extracting(OutboxRow::id, OutboxRow::version)
                .containsExactly(tuple(sent.get(0).id(), 2),
                        tuple(sent.get(1).id(), 2));
    }

    @Test
    void deliveryOfAStaleVersionLeavesTheNewerChangePending() throws Exception {
        outbox.enqueue(List.of(SalesforceRecords.account(customer("C-1", "Ann Lee"))));
        OutboxRow inFlight = outbox.nextPending(SObjectType.ACCOUNT, 0, 200).get(0);
        assertThat(inFlight.version()).isEqualTo(1);
        // the next LeaseWorks export commits while the drain is talking to Salesforce
        Instant midDrain = clock.advance(Duration.ofSeconds(2));
        outbox.enqueue(List.of(SalesforceRecords.account(withCity(customer("C-1", "Ann Lee"), "Austin"))));
        clock.advance(Duration.ofSeconds(1));

        outbox.markDelivered(inFlight, "001000000000001AAA");
        outbox.markAttempted(inFlight, "UNABLE_TO_LOCK_ROW");
        outbox.markFailed(inFlight, "DUPLICATE_VALUE");

        assertThat(outboxState("Account", "C-1")).isEqualTo(new OutboxState(2, "PENDING", 0, null, null, midDrain, null));
        assertThat(outbox.count(SalesforceOutbox.DELIVERED)).isZero();
        OutboxRow newer = outbox.nextPending(SObjectType.ACCOUNT, 0, 200).get(0);
        assertThat(newer.id()).isEqualTo(inFlight.id());
        assertThat(newer.version()).isEqualTo(2);
        assertThat(json.readTree(newer.payload()).get("BillingCity").asText()).isEqualTo("Austin");

        Instant delivered = clock.advance(Duration.ofSeconds(1));
        outbox.markDelivered(newer, "001000000000001AAA");
        assertThat(outboxState("Account", "C-1"))
                .isEqualTo(new OutboxState(2, "DELIVERED", 1, null, "001000000000001AAA", delivered, delivered));
        assertThat(outbox.nextPending(SObjectType.ACCOUNT, 0, 200)).isEmpty();
        assertThat(outbox.count(SalesforceOutbox.PENDING)).isZero();
        assertThat(outbox.count(SalesforceOutbox.DELIVERED)).isEqualTo(1);
    }

    @Test
    void aRecordTwiceInOneEnqueueIsQueuedOnceWithTheLastState() throws Exception {
        SObjectRecord first = SalesforceRecords.account(customer("C-1", "Ann Lee"));
        SObjectRecord last = SalesforceRecords.account(withCity(customer("C-1", "Ann Lee"), "Austin"));
        SObjectRecord sameIdOtherSObject = SalesforceRecords.lease(lease("C-1", new BigDecimal("1.00")));

        outbox.enqueue(List.of(first, sameIdOtherSObject, last));

        assertThat(outboxState("Account", "C-1")).isEqualTo(new OutboxState(1, "PENDING", 0, null, null, T0, null));
        assertThat(json.readTree(payload("Account", "C-1")).get("BillingCity").asText()).isEqualTo("Austin");
        assertThat(outboxState("Lease__c", "C-1").version()).isEqualTo(1);

        outbox.enqueue(List.of(first, last));
        assertThat(outboxState("Account", "C-1").version()).isEqualTo(2);
        assertThat(json.readTree(payload("Account", "C-1")).get("BillingCity").asText()).isEqualTo("Austin");
        assertThat(jdbc.queryForObject("select count(*) from sf_outbox", Long.class)).isEqualTo(2);
    }

    // ---- outbox claims: many workers, one outbox

    private SalesforceOutbox worker(String node) {
        OutboxClaims claims = new OutboxClaims(jdbc, new org.springframework.transaction.support.TransactionTemplate(
                new org.springframework.jdbc.datasource.DataSourceTransactionManager(dataSource())), clock,
                new ClusterNode(node, "host-" + node), Duration.ofMinutes(5));
        return new SalesforceOutbox(jdbc, json, clock, new HeldRecords(jdbc, clock), claims, new IngestTimings());
    }

    private void enqueueAccounts(int count) {
        outbox.enqueue(IntStream.rangeClosed(1, count)
                .mapToObj(i -> SalesforceRecords.account(customer("C-" + i, "Customer " + i))).toList());
    }

    @Test
    void aWorkerSkipsTheRowsAnotherWorkerHasClaimed() {
        enqueueAccounts(5);

        List<OutboxRow> first = worker("a").claimNext(SObjectType.ACCOUNT, 0, 2);
        List<OutboxRow> second = worker("b").claimNext(SObjectType.ACCOUNT, 0, 10);

        assertThat(first).extracting(OutboxRow::externalId).containsExactly("C-1", "C-2");
        assertThat(second).extracting(OutboxRow::externalId).containsExactly("C-3", "C-4", "C-5");
        assertThat(worker("c").claimNext(SObjectType.ACCOUNT, 0, 10)).isEmpty();
        assertThat(jdbc.queryForList("select claimed_by from sf_outbox order by id", String.class))
                .containsExactly("a", "a", "b", "b", "b");
    }

    @Test
    void aClaimLargerThanOneStatementsKeysComesBackWholeInIdOrder() {
        enqueueAccounts(1_201);

        List<OutboxRow> claimed = worker("a").claimNext(SObjectType.ACCOUNT, 0, 1_201);

        assertThat(claimed).hasSize(1_201).extracting(OutboxRow::id).isSorted().doesNotHaveDuplicates();
        assertThat(claimed.get(1_200).externalId()).isEqualTo("C-1201");
    }

    @Test
    void theClaimOfAWorkerThatDiedExpiresAndItsRowsAreClaimedAgain() {
        enqueueAccounts(2);
        worker("dead").claimNext(SObjectType.ACCOUNT, 0, 10);
        clock.advance(Duration.ofMinutes(4));
        assertThat(worker("b").claimNext(SObjectType.ACCOUNT, 0, 10)).isEmpty();

        clock.advance(Duration.ofMinutes(2));

        assertThat(worker("b").claimNext(SObjectType.ACCOUNT, 0, 10)).extracting(OutboxRow::externalId)
                .containsExactly("C-1", "C-2");
    }

    @Test
    void markingARowOrReleasingItEndsTheClaimAndOnlyPendingRowsAreClaimedAgain() {
        enqueueAccounts(3);
        SalesforceOutbox a = worker("a");
        List<OutboxRow> rows = a.claimNext(SObjectType.ACCOUNT, 0, 10);
        a.markDelivered(rows.get(0), "001000000000001AAA");
        a.markAttempted(rows.get(1), "UNABLE_TO_LOCK_ROW");
        a.markFailed(rows.get(2), "DUPLICATE_VALUE");

        a.release(rows);

        assertThat(jdbc.queryForList("select claimed_by from sf_outbox", String.class)).containsOnlyNulls();
        assertThat(worker("b").claimNext(SObjectType.ACCOUNT, 0, 10)).extracting(OutboxRow::externalId, OutboxRow::attempts)
                .containsExactly(tuple("C-2", 1));
    }

    @Test
    void theClaimsOfANodeThatIsGoneAreReleasedAndThoseOfALiveNodeKept() {
        enqueueAccounts(4);
        ClusterNodes nodes = new ClusterNodes(jdbc, clock);
        ClusterNode dead = new ClusterNode("dead", "host-dead");
        ClusterNode live = new ClusterNode("live", "host-live");
        nodes.join(dead);
        nodes.join(live);
        worker("dead").claimNext(SObjectType.ACCOUNT, 0, 2);
        worker("live").claimNext(SObjectType.ACCOUNT, 0, 2);
        Instant later = clock.advance(Duration.ofMinutes(2));
        nodes.heartbeat(live);

        List<String> gone = nodes.goneBesides(ClusterNode.LOCAL, later.minusSeconds(60));
        int released = OutboxClaims.local(jdbc, clock).releaseClaimsOf(gone);

        assertThat(gone).containsExactly("dead");
        assertThat(released).isEqualTo(2);
        assertThat(jdbc.queryForList("select claimed_by from sf_outbox order by id", String.class))
                .containsExactly(null, null, "live", "live");
    }

    @Test
    void onAHubOneProcessOpensEveryRunningRunOfAnotherNodeIsAborted() {
        long mine = runs.start("salesforce-outbox-drain", null);
        RunHistory other = new RunHistory(jdbc, clock, RunListener.NONE, new ClusterNode("killed", "h"));
        long killed = other.start("leaseworks-payments", "p.csv");

        assertThat(runs.abortRunsOfOtherNodes()).isEqualTo(1);

        assertThat(runs.since(T0)).extracting(FlowRun::id, FlowRun::status)
                .containsExactly(tuple(mine, "RUNNING"), tuple(killed, "ABORTED"));
    }

    @Test
    void rowsLockedByAnotherWorkersClaimTransactionAreSkippedWithoutWaiting() throws Exception {
        enqueueAccounts(3);
        try (java.sql.Connection other = dataSource().getConnection()) {
            other.setAutoCommit(false);
            try (java.sql.Statement lock = other.createStatement()) {
                lock.executeQuery("select id from sf_outbox where external_id = 'C-1' for update").close();
                List<OutboxRow> claimed = org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(Duration.ofSeconds(20),
                        () -> worker("b").claimNext(SObjectType.ACCOUNT, 0, 10));
                assertThat(claimed).extracting(OutboxRow::externalId).containsExactly("C-2", "C-3");
            } finally {
                other.rollback();
            }
        }
    }

    @Test
    void nextPendingPagesByIdWithinOneSObject() {
        List<SObjectRecord> records = new ArrayList<>();
        for (int i = 1; i <= 5; i++) {
            records.add(SalesforceRecords.account(customer("C-" + i, "Customer " + i)));
            if (i <= 3) {
                records.add(SalesforceRecords.lease(lease("L-" + i, new BigDecimal("1.00"))));
            }
        }
        outbox.enqueue(records);

        List<String> accounts = new ArrayList<>();
        List<Integer> pageSizes = new ArrayList<>();
        long afterId = 0;
        List<OutboxRow> page;
        while (!(page = outbox.nextPending(SObjectType.ACCOUNT, afterId, 2)).isEmpty()) {
            pageSizes.add(page.size());
            assertThat(page).extracting(OutboxRow::sObject).containsOnly("Account");
            assertThat(page).extracting(OutboxRow::id).isSorted().allMatch(id -> id > 0);
            page.forEach(r -> accounts.add(r.externalId()));
            afterId = page.get(page.size() - 1).id();
        }
        assertThat(accounts).containsExactly("C-1", "C-2", "C-3", "C-4", "C-5");
        assertThat(pageSizes).containsExactly(2, 2, 1);
        assertThat(outbox.nextPending(SObjectType.LEASE, 0, 200)).extracting(OutboxRow::externalId)
                .containsExactly("L-1", "L-2", "L-3");
        assertThat(outbox.nextPending(SObjectType.PAYMENT, 0, 200)).isEmpty();

        List<OutboxRow> leases = outbox.nextPending(SObjectType.LEASE, 0, 200);
        outbox.markDelivered(leases.get(0), "a01000000000001AAA");
        outbox.markFailed(leases.get(1), "DUPLICATE_VALUE");
        outbox.markAttempted(leases.get(2), "UNABLE_TO_LOCK_ROW");
        assertThat(outbox.nextPending(SObjectType.LEASE, 0, 200)).extracting(OutboxRow::externalId, OutboxRow::attempts)
                .containsExactly(tuple("L-3", 1));
        assertThat(outbox.nextPending(SObjectType.LEASE, leases.get(2).id(), 200)).isEmpty();
    }

    @Test
    void ofManyRecordsOnlyThoseWhoseLeaseTheHubHoldsAreQueuedAndTheOthersHeld() {
        hub.upsert(CanonicalTables.LEASE, IntStream.rangeClosed(1, 600)
                .mapToObj(i -> lease("L-%04d".formatted(i), BigDecimal.ZERO)).toList());
        // two payments a lease, over 700 leases: the last 100 are not in the hub
        List<SObjectRecord> payments = IntStream.rangeClosed(1, 1400).mapToObj(i -> SalesforceRecords.payment(
                new Payment("P-%04d".formatted(i), "L-%04d".formatted((i + 1) / 2), BigDecimal.TEN, LocalDate.of(2025, 3, 1), "ACH", null)))
                .toList();

        outbox.enqueue(payments);

        assertThat(jdbc.queryForObject("select count(*) from sf_outbox where sobject = 'Payment__c'", Long.class)).isEqualTo(1200);
        assertThat(jdbc.queryForList("select external_id from sf_held where sobject = 'Payment__c' order by external_id", String.class))
                .containsExactlyElementsOf(IntStream.rangeClosed(1201, 1400).mapToObj("P-%04d"::formatted).toList());
    }

    @Test
    void queuesMoreRecordsThanOneStatementTakesInTheirOrderAndQueuedAgainAsNewVersions() {
        List<SObjectRecord> records = IntStream.rangeClosed(1, 450)
                .mapToObj(i -> SalesforceRecords.account(customer("C-" + i, "Customer " + i))).toList();
        outbox.enqueue(records);
        Instant later = clock.advance(Duration.ofMinutes(1));
        outbox.enqueue(records.subList(100, 300));

        assertThat(outbox.nextPending(SObjectType.ACCOUNT, 0, 1000)).extracting(OutboxRow::externalId)
                .containsExactlyElementsOf(IntStream.rangeClosed(1, 450).mapToObj(i -> "C-" + i).toList());
        assertThat(outboxState("Account", "C-100")).extracting(OutboxState::version, OutboxState::updatedAt).containsExactly(1, T0);
        assertThat(outboxState("Account", "C-101")).extracting(OutboxState::version, OutboxState::updatedAt).containsExactly(2, later);
        assertThat(outboxState("Account", "C-300").version()).isEqualTo(2);
        assertThat(outboxState("Account", "C-301").version()).isEqualTo(1);
        assertThat(outbox.count(SalesforceOutbox.PENDING)).isEqualTo(450);
    }

    @Test
    void aRetryableFailureStaysPendingWithTheAttemptCounted() {
        outbox.enqueue(List.of(SalesforceRecords.account(customer("C-1", "Ann Lee"))));
        OutboxRow row = outbox.nextPending(SObjectType.ACCOUNT, 0, 200).get(0);
        Instant later = clock.advance(Duration.ofSeconds(30));

        outbox.markAttempted(row, "UNABLE_TO_LOCK_ROW: unable to obtain exclusive access");
        outbox.markAttempted(row, "UNABLE_TO_LOCK_ROW: again");

        assertThat(outboxState("Account", "C-1"))
                .isEqualTo(new OutboxState(1, "PENDING", 2, "UNABLE_TO_LOCK_ROW: again", null, later, null));
        assertThat(outbox.nextPending(SObjectType.ACCOUNT, 0, 200).get(0).attempts()).isEqualTo(2);
    }

    @Test
    void requeuePutsOnlyAFailedRecordBackInTheQueue() {
        outbox.enqueue(List.of(SalesforceRecords.account(customer("C-1", "Ann Lee")),
                SalesforceRecords.account(customer("C-2", "Bob Diaz")),
                SalesforceRecords.account(customer("C-3", "Carol Ng"))));
        List<OutboxRow> rows = outbox.nextPending(SObjectType.ACCOUNT, 0, 200);
        outbox.markFailed(rows.get(0), "FIELD_CUSTOM_VALIDATION_EXCEPTION: bad phone");
        outbox.markDelivered(rows.get(1), "001000000000002AAA");
        assertThat(outboxState("Account", "C-1"))
                .isEqualTo(new OutboxState(1, "FAILED", 1, "FIELD_CUSTOM_VALIDATION_EXCEPTION: bad phone", null, T0, null));
        Instant replayed = clock.advance(Duration.ofDays(1));

        assertThat(outbox.requeue(SObjectType.ACCOUNT, "C-1")).isTrue();
        assertThat(outbox.requeue(SObjectType.ACCOUNT, "C-1")).isFalse();
        assertThat(outbox.requeue(SObjectType.ACCOUNT, "C-2")).isFalse();
        assertThat(outbox.requeue(SObjectType.ACCOUNT, "C-3")).isFalse();
        assertThat(outbox.requeue(SObjectType.LEASE, "C-1")).isFalse();
        assertThat(outbox.requeue(SObjectType.ACCOUNT, "C-404")).isFalse();

        OutboxState requeued = outboxState("Account", "C-1");
        assertThat(requeued.status()).isEqualTo("PENDING");
        assertThat(requeued.version()).isEqualTo(1);
        assertThat(requeued.attempts()).isZero();
        assertThat(requeued.updatedAt()).isEqualTo(replayed);
        assertThat(outboxState("Account", "C-2").status()).isEqualTo("DELIVERED");
        assertThat(outbox.nextPending(SObjectType.ACCOUNT, 0, 200)).extracting(OutboxRow::externalId).containsExactly("C-1", "C-3");
        assertThat(outbox.count(SalesforceOutbox.FAILED)).isZero();
    }

    // ---- dead letters

    @Test
    void theSameFailureSeenAgainUpdatesItsEntryInsteadOfAddingOne() {
        deadLetters.record(List.of(rowReject(7, "column 'Phone' (primaryPhone): not a phone number")), 1);
        Instant again = clock.advance(Duration.ofHours(2));

        deadLetters.record(List.of(rowReject(7, "column 'Email' (email): not an email address")), 2);

        assertThat(jdbc.queryForObject("select count(*) from dead_letter", Long.class)).isEqualTo(1);
        jdbc.query("select * from dead_letter", rs -> {
            assertThat(rs.getInt("attempts")).isEqualTo(2);
            assertThat(rs.getString("status")).isEqualTo("OPEN");
            assertThat(rs.getString("reason")).isEqualTo("column 'Email' (email): not an email address");
            assertThat(rs.getLong("run_id")).isEqualTo(2);
            assertThat(rs.getString("source_file")).isEqualTo("accounts-20250309.csv");
            assertThat(rs.getLong("source_line")).isEqualTo(7);
            assertThat(rs.getString("record_key")).isEqualTo("accounts-20250309.csv:7");
            assertThat(timestamp(rs, "created_at")).isEqualTo(T0);
            assertThat(timestamp(rs, "updated_at")).isEqualTo(again);
        });
        assertThat(deadLetters.countOpen("leaseworks-accounts")).isEqualTo(1);

        deadLetters.record(List.of(rowReject(8, "column 'Name' (name): required")), 3);
        assertThat(jdbc.queryForObject("select count(*) from dead_letter", Long.class)).isEqualTo(2);
        assertThat(deadLetters.countOpen("leaseworks-accounts")).isEqualTo(2);
        assertThat(deadLetters.countOpen("salesforce-outbox-drain")).isZero();
    }

    @Test
    void aRecordRejectedWithoutSourceFileIsKnownByTypeAndKey() {
        DeadLetter rejected = new DeadLetter("salesforce-outbox-drain", "Account", "C-1", null, null, "Phone",
                "FIELD_CUSTOM_VALIDATION_EXCEPTION", "bad phone", "{\"Phone\":\"x\"}");
        deadLetters.record(List.of(rejected), 1);
        jdbc.update("update dead_letter set status = 'RESOLVED'");
        clock.advance(Duration.ofMinutes(1));

        deadLetters.record(List.of(rejected,
                new DeadLetter("salesforce-outbox-drain", "Lease__c", "C-1", null, null, null, "DUPLICATE_VALUE", "dup", null)), 2);

        assertThat(jdbc.queryForList("select record_type, attempts, status, source_line from dead_letter order by id"))
                .extracting(r -> List.of(r.get("record_type"), ((Number) r.get("attempts")).intValue(), r.get("status"),
                        String.valueOf(r.get("source_line"))))
                .containsExactly(List.of("Account", 2, "OPEN", "null"), List.of("Lease__c", 1, "OPEN", "null"));
        assertThat(deadLetters.countOpen("salesforce-outbox-drain")).isEqualTo(2);
    }

    @Test
    void twoRejectsOfOneLineInOneBatchMakeOneEntry() {
        deadLetters.record(List.of(rowReject(7, "first"), rowReject(8, "other line"), rowReject(7, "second")), 1);
        deadLetters.record(List.of(rowReject(8, "other line again")), 2);

        assertThat(jdbc.query("select source_line, reason, attempts from dead_letter order by id",
                (rs, n) -> rs.getLong(1) + " " + rs.getString(2) + " x" + rs.getInt(3)))
                .containsExactly("7 second x2", "8 other line again x2");
    }

    private static DeadLetter rowReject(long line, String reason) {
        String file = "accounts-20250309.csv";
        return new DeadLetter("leaseworks-accounts", "accounts row", file + ":" + line, file, line, "primaryPhone",
                "INVALID_ROW", reason, "{\"CUST_ID\":\"C-" + line + "\"}");
    }

    // ---- run history

    @Test
    void aRunIsRecordedFromStartToFinish() {
        long first = runs.start("leaseworks-accounts", "accounts-20250309.csv");
        long second = runs.start("salesforce-outbox-drain", null);
        assertThat(second).isGreaterThan(first);
        assertThat(runs.since(T0)).containsExactly(
                new FlowRun(first, "leaseworks-accounts", "accounts-20250309.csv", "RUNNING", T0, null, RunCounts.NONE, null, "local"),
                new FlowRun(second, "salesforce-outbox-drain", null, "RUNNING", T0, null, RunCounts.NONE, null, "local"));

        Instant done = clock.advance(Duration.ofMillis(1500));
        RunCounts counts = new RunCounts(1000, 12, 0, 0, 3, 0);
        runs.finish(first, counts, null);
        RunCounts drained = new RunCounts(200, 0, 190, 2, 0, 1);
        runs.finish(second, drained, "Lease__c: REQUEST_LIMIT_EXCEEDED");

        assertThat(runs.since(T0)).containsExactly(
                new FlowRun(first, "leaseworks-accounts", "accounts-20250309.csv", "SUCCEEDED", T0, done, counts, null, "local"),
                new FlowRun(second, "salesforce-outbox-drain", null, "FAILED", T0, done, drained,
                        "Lease__c: REQUEST_LIMIT_EXCEEDED", "local"));
    }

    @Test
    void sinceIncludesRunsStartedAtTheInstantAndLaterOnly() {
        long early = runs.start("leaseworks-accounts", "a.csv");
        Instant t1 = clock.advance(Duration.ofNanos(1000));
        long late = runs.start("leaseworks-accounts", "b.csv");

        assertThat(runs.since(T0)).extracting(FlowRun::id).containsExactly(early, late);
        assertThat(runs.since(t1)).extracting(FlowRun::id).containsExactly(late);
        assertThat(runs.since(t1.plusNanos(1000))).isEmpty();
    }

    @Test
    void unfinishedRunsOfADeadProcessAreAborted() {
        long finished = runs.start("leaseworks-accounts", "a.csv");
        runs.finish(finished, RunCounts.NONE, null);
        long hung1 = runs.start("leaseworks-payments", "p.csv");
        long hung2 = runs.start("salesforce-outbox-drain", null);
        Instant restart = clock.advance(Duration.ofHours(3));

        assertThat(runs.abortRunsOfSilentNodes(restart.minusSeconds(60))).isEqualTo(2);
        assertThat(runs.abortRunsOfSilentNodes(restart.minusSeconds(60))).isZero();

        assertThat(runs.since(T0)).containsExactly(
                new FlowRun(finished, "leaseworks-accounts", "a.csv", "SUCCEEDED", T0, T0, RunCounts.NONE, null, "local"),
                new FlowRun(hung1, "leaseworks-payments", "p.csv", "ABORTED", T0, restart, RunCounts.NONE,
                        "process stopped before the run finished", "local"),
                new FlowRun(hung2, "salesforce-outbox-drain", null, "ABORTED", T0, restart, RunCounts.NONE,
                        "process stopped before the run finished", "local"));
    }

    @Test
    void runsOfANodeThatStillHeartbeatsAreNotAbortedByAnotherNodesStart() {
        ClusterNode other = new ClusterNode("node-b", "host-b");
        ClusterNodes nodes = new ClusterNodes(jdbc, clock);
        RunHistory otherRuns = new RunHistory(jdbc, clock, RunListener.NONE, other);
        nodes.join(other);
        long live = otherRuns.start("salesforce-outbox-drain", null);
        long dead = runs.start("leaseworks-payments", "p.csv");
        Instant later = clock.advance(Duration.ofMinutes(5));
        nodes.heartbeat(other);

        assertThat(runs.abortRunsOfSilentNodes(later.minusSeconds(60))).isEqualTo(1);

        assertThat(runs.since(T0)).extracting(FlowRun::id, FlowRun::status, FlowRun::node).containsExactly(
                tuple(live, "RUNNING", "node-b"), tuple(dead, "ABORTED", "local"));
        assertThat(nodes.members(Duration.ofHours(1), Duration.ofSeconds(60)))
                .extracting(ClusterMember::nodeId, ClusterMember::alive).containsExactly(tuple("node-b", true));
    }

    // ---- what the stores wrote, read back with plain JDBC

    record OutboxState(int version, String status, int attempts, String lastError, String sfId, Instant updatedAt,
                       Instant deliveredAt) {
    }

    OutboxState outboxState(String sObject, String externalId) {
        return jdbc.queryForObject("""
                        select version, status, attempts, last_error, sf_id, updated_at, delivered_at from sf_outbox
                        where sobject = ? and external_id = ?""",
                (rs, n) -> new OutboxState(rs.getInt("version"), rs.getString("status"), rs.getInt("attempts"),
                        rs.getString("last_error"), rs.getString("sf_id"), timestamp(rs, "updated_at"), timestamp(rs, "delivered_at")),
                sObject, externalId);
    }

    String payload(String sObject, String externalId) {
        return jdbc.queryForObject("select payload from sf_outbox where sobject = ? and external_id = ?", String.class,
                sObject, externalId);
    }

    Customer storedCustomer(String id) {
        return jdbc.queryForObject("select * from customer where customer_id = ?", (rs, n) -> new Customer(
                rs.getString("customer_id"), rs.getString("name"), rs.getString("primary_phone"), rs.getString("mobile_phone"),
                rs.getString("email"), rs.getString("street"), rs.getString("city"), rs.getString("state"),
                rs.getString("postal_code"), rs.getString("time_zone"), rs.getBoolean("do_not_call"), rs.getBoolean("do_not_text"),
                rs.getBoolean("text_consent"), rs.getBoolean("email_consent"), rs.getString("preference_source")), id);
    }

    Instant updatedAt(String table, String keyColumn, String key) {
        return jdbc.queryForObject("select updated_at from " + table + " where " + keyColumn + " = ?",
                (rs, n) -> timestamp(rs, "updated_at"), key);
    }

    Instant notedAt(String noteId) {
        return jdbc.queryForObject("select noted_at from collector_note where note_id = ?",
                (rs, n) -> timestamp(rs, "noted_at"), noteId);
    }

    static Instant timestamp(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    // ---- canonical records

    static Customer customer(String id, String name) {
        return new Customer(id, name, "+12145550100", null, id.toLowerCase() + "@example.com", "1 Main St", "Dallas", "TX",
                "75201", "America/Chicago", false, true, true, false, "LeaseWorks");
    }

    static Customer withCity(Customer c, String city) {
        return new Customer(c.customerId(), c.name(), c.primaryPhone(), c.mobilePhone(), c.email(), c.street(), city,
                c.state(), c.postalCode(), c.timeZone(), c.doNotCall(), c.doNotText(), c.textConsent(), c.emailConsent(),
                c.preferenceSource());
    }

    static LeaseAccount lease(String id, BigDecimal pastDue) {
        return new LeaseAccount(id, "C-1", "ACTIVE", LocalDate.of(2025, 4, 1), 9, pastDue, new BigDecimal("25.00"),
                new BigDecimal("18250.00"), 14, LocalDate.of(2025, 2, 28), new BigDecimal("412.37"), "jdoe", "1FTFW1E50PFA00001", null, null, null, null);
    }

    static Payment payment(String id, BigDecimal amount) {
        return new Payment(id, "L-1", amount, LocalDate.of(2025, 3, 1), "ACH", null);
    }

    static CollectorNote note(String id, Instant notedAt) {
        return new CollectorNote(id, "L-1", "jdoe", notedAt, "Promised to pay Friday; ñ and emoji ok \uD83D\uDE97");
    }
}
