package io.leasebridge.promises;

import io.leasebridge.hub.LeaseAccounts;
import io.leasebridge.ledger.LeaseLedger;
import io.leasebridge.ledger.LedgerRules;
import io.leasebridge.ledger.PromiseEvent;
import io.leasebridge.ledger.PromiseEventType;
import io.leasebridge.ledger.PromiseState;
import io.leasebridge.mapping.salesforce.SObjectRecord;
import io.leasebridge.mapping.salesforce.SalesforceRecords;
import io.leasebridge.model.Payment;
import io.leasebridge.model.Promise;
import org.springframework.stereotype.Service;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The promise ledger at work on the hub: LeaseWorks promise snapshots and payments become ledger events;
 * each change of a promise becomes a Promise_To_Pay__c update, each broken promise a Task for the
 * collector, and each touched lease its promise KPIs. Runs inside its caller's transaction.
 */
@Service
public class PromiseLedgerService {

    private static final Function<LeaseLedger, Optional<LocalDate>> NO_NEW_PROMISE = ledger -> Optional.empty();

    private final PromiseLedgerStore store;
    private final LeaseAccounts leases;
    private final LedgerRules rules;
    private final CollectorTasks tasks;
    private final Clock clock;

    public PromiseLedgerService(PromiseLedgerStore store, LeaseAccounts leases, LedgerProperties properties, CollectorTasks tasks,
                                Clock clock) {
        this.store = store;
        this.leases = leases;
        this.rules = new LedgerRules(properties.graceDays(), properties.tolerance(), properties.zone(),
                properties.reversalWindowDays());
        this.tasks = tasks;
        this.clock = clock;
    }

    public PromiseLedgerStore store() {
        return store;
    }

    public LocalDate today() {
        return LocalDate.now(clock.withZone(rules.zone()));
    }

    /**
     * Each lease's current promise from a snapshot of {@code asOf}; returns the events recorded. A promise is the
     * collector's who took it: the export's entered-by column, or lacking it the lease's collector when it is first seen.
     */
    public long capture(List<Promise> snapshots, LocalDate asOf, List<SObjectRecord> toSalesforce) {
        Map<String, Promise> byLease = new LinkedHashMap<>();
        snapshots.forEach(p -> byLease.put(p.leaseId(), p));
        Map<String, String> collectors = leases.collectors(byLease.values().stream()
                .filter(p -> p.enteredBy() == null || p.enteredBy().isBlank()).map(Promise::leaseId).toList());
        collectors.forEach((leaseId, collector) -> {
            Promise p = byLease.get(leaseId);
            byLease.put(leaseId, new Promise(leaseId, p.amount(), p.promisedDate(), collector, p.enteredAt()));
        });
        return recorded(byLease.keySet(), ledger -> Optional.of(ledger.madeOn(byLease.get(ledger.leaseId()))),
                (ledger, payments) -> ledger.promiseSeen(byLease.get(ledger.leaseId()), asOf, payments), toSalesforce).size();
    }

    /** After a full snapshot: leases with an open promise that it did not show have lost their promise. */
    public long snapshotComplete(Set<String> leasesSeen, LocalDate asOf, List<SObjectRecord> toSalesforce) {
        List<String> gone = store.leasesWithOpenPromises().stream().filter(id -> !leasesSeen.contains(id)).toList();
        return onLeases(gone, (ledger, payments) -> ledger.noPromiseSeen(asOf, payments), toSalesforce);
    }

    /** Leases whose snapshot row was quarantined: their open promises stay open, unconfirmed. */
    public long rowsQuarantined(Set<String> leaseIds, LocalDate asOf, List<SObjectRecord> toSalesforce) {
        List<String> withOpenPromises = store.leasesWithOpenPromises(leaseIds);
        return onLeases(withOpenPromises, (ledger, payments) -> ledger.promiseRowQuarantined(asOf, payments), toSalesforce);
    }

    /** New payments (and reversals) applied to the open promises of their leases. */
    public long paymentsReceived(List<Payment> payments, List<SObjectRecord> toSalesforce) {
        if (payments.isEmpty()) {
            return 0;
        }
        Map<String, List<Payment>> byLease = payments.stream().collect(Collectors.groupingBy(Payment::leaseId, LinkedHashMap::new,
                Collectors.toList()));
        List<String> withPromises = store.leasesWithLivePromises(byLease.keySet());
        return onLeases(withPromises, (ledger, known) -> byLease.get(ledger.leaseId()).stream()
                .sorted(Comparator.comparing(Payment::receivedDate).thenComparing(Payment::paymentId))
                .forEach(p -> ledger.paymentReceived(p, known)), toSalesforce);
    }

    /** Judges the promises of these leases whose deadline is on or before a date; returns the events recorded. */
    public long judge(List<String> leaseIds, LocalDate through, List<SObjectRecord> toSalesforce) {
        return judge(leaseIds, through, toSalesforce, verdict -> { });
    }

    /** {@link #judge(List, LocalDate, List)}, telling {@code verdicts} each verdict given. */
    public long judge(List<String> leaseIds, LocalDate through, List<SObjectRecord> toSalesforce, Consumer<PromiseEvent> verdicts) {
        List<PromiseEvent> recorded = recorded(leaseIds, NO_NEW_PROMISE, (ledger, payments) -> ledger.judge(through, payments),
                toSalesforce);
        recorded.stream().filter(e -> isVerdict(e.type())).forEach(verdicts);
        return recorded.size();
    }

    private long onLeases(Collection<String> leaseIds, BiConsumer<LeaseLedger, List<Payment>> step, List<SObjectRecord> toSalesforce) {
        return recorded(leaseIds, NO_NEW_PROMISE, step, toSalesforce).size();
    }

    /**
     * @param madeNow the day a promise the step makes is made on, if it makes one: payments from then on can count for it
     */
    private List<PromiseEvent> recorded(Collection<String> leaseIds, Function<LeaseLedger, Optional<LocalDate>> madeNow,
                                        BiConsumer<LeaseLedger, List<Payment>> step, List<SObjectRecord> toSalesforce) {
        if (leaseIds.isEmpty()) {
            return List.of();
        }
        Map<String, List<PromiseEvent>> histories = histories(leaseIds);
        Map<String, LeaseLedger> ledgers = new LinkedHashMap<>();
        leaseIds.forEach(leaseId -> ledgers.computeIfAbsent(leaseId,
                id -> LeaseLedger.of(id, histories.getOrDefault(id, List.of()), rules, clock.instant())));
        Map<String, List<Payment>> payments = paymentsThatCanCount(ledgers.values(), madeNow);
        Set<String> held = leases.held(ledgers.keySet());
        List<PromiseEvent> events = new ArrayList<>();
        Map<String, PromiseState> states = new HashMap<>();
        for (LeaseLedger ledger : ledgers.values()) {
            step.accept(ledger, payments.getOrDefault(ledger.leaseId(), List.of()));
            List<PromiseEvent> added = ledger.newEvents();
            if (!added.isEmpty()) {
                events.addAll(added);
                ledger.promises().forEach(s -> states.put(s.promiseId(), s));
                toSalesforce.addAll(salesforceRecords(ledger, added, held.contains(ledger.leaseId())));
            }
        }
        store.append(events, states);
        return events;
    }

    /**
     * @param leaseHeld whether the hub holds the lease, so Salesforce gets it: the KPIs of a lease whose export row
     *                  was refused would be upserted into a new Lease__c that has nothing but KPIs (Salesforce names
     *                  it by its id), so they wait for the lease
     */
    private List<SObjectRecord> salesforceRecords(LeaseLedger ledger, List<PromiseEvent> added, boolean leaseHeld) {
        List<SObjectRecord> records = new ArrayList<>();
        added.stream().map(PromiseEvent::promiseId).distinct()
                .forEach(id -> records.add(SalesforceRecords.promise(PromiseRecords.of(ledger.promise(id)))));
        for (PromiseEvent e : added) {
            PromiseState promise = ledger.promise(e.promiseId());
            int episode = brokenVerdicts(ledger, e);
            if (e.type() == PromiseEventType.BROKEN) {
                records.add(SalesforceRecords.task(tasks.brokenPromise(promise, episode)));
            } else if (isVerdict(e.type()) && episode > 0 && revisedFromBroken(ledger, e)) {
                records.add(SalesforceRecords.taskClosed(CollectorTasks.brokenPromiseKey(e.promiseId(), episode),
                        "the promise was revised to " + e.type() + ": " + promise.applied().toPlainString()
                                + " of " + promise.amount().toPlainString() + " received by the deadline " + promise.judgedOn()
                                + ", counting a payment that arrived after judgement"));
            }
        }
        if (leaseHeld) {
            records.add(SalesforceRecords.leasePromiseKpis(PromiseRecords.kpis(ledger.leaseId(), ledger.promises(), today())));
        }
        return records;
    }

    private static boolean isVerdict(PromiseEventType type) {
        return type == PromiseEventType.KEPT || type == PromiseEventType.PARTIALLY_KEPT || type == PromiseEventType.BROKEN;
    }

    /** How many BROKEN verdicts the promise had up to and including this event. */
    private static int brokenVerdicts(LeaseLedger ledger, PromiseEvent upTo) {
        int n = 0;
        for (PromiseEvent e : ledger.history(upTo.promiseId())) {
            if (e.type() == PromiseEventType.BROKEN) {
                n++;
            }
            if (e == upTo) {
                break;
            }
        }
        return n;
    }

    /** Whether this verdict replaces a BROKEN one (the verdict before the REVISED that precedes it). */
    private static boolean revisedFromBroken(LeaseLedger ledger, PromiseEvent verdict) {
        PromiseEventType previous = null;
        for (PromiseEvent e : ledger.history(verdict.promiseId())) {
            if (e == verdict) {
                return previous == PromiseEventType.BROKEN;
            }
            if (isVerdict(e.type())) {
                previous = e.type();
            }
        }
        return false;
    }

    private Map<String, List<PromiseEvent>> histories(Collection<String> leaseIds) {
        Map<String, List<PromiseEvent>> byLease = new HashMap<>();
        store.historyOf(leaseIds).forEach(e -> byLease.computeIfAbsent(e.leaseId(), k -> new ArrayList<>()).add(e));
        return byLease;
    }

    /**
     * Each lease's payments from the day its earliest promise that payments can move was made (or the promise the
     * step makes, if earlier), and its reversals: an earlier payment counts for none of them. A lease without such a
     * promise gets none, and is not asked for.
     */
    private Map<String, List<Payment>> paymentsThatCanCount(Collection<LeaseLedger> ledgers,
                                                            Function<LeaseLedger, Optional<LocalDate>> madeNow) {
        Map<String, LocalDate> countFrom = new HashMap<>();
        for (LeaseLedger ledger : ledgers) {
            Stream.of(ledger.paymentsCountFrom(), madeNow.apply(ledger)).flatMap(Optional::stream).min(Comparator.naturalOrder())
                    .ifPresent(day -> countFrom.put(ledger.leaseId(), day));
        }
        Map<String, List<Payment>> byLease = new HashMap<>();
        leases.paymentsReceivedFrom(countFrom).forEach(p -> byLease.computeIfAbsent(p.leaseId(), k -> new ArrayList<>()).add(p));
        return byLease;
    }

}
