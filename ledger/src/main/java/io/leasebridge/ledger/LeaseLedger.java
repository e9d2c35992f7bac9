package io.leasebridge.ledger;

import io.leasebridge.model.Payment;
import io.leasebridge.model.Promise;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The promises of one lease and the rules that move them: capture from LeaseWorks snapshots, payments
 * applied first in, first out, reversals undone, judgement at the deadline. Every decision is an event
 * appended to the lease's history; nothing here touches a database.
 */
public final class LeaseLedger {

    private static final DateTimeFormatter ID_TIME = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);
    private static final Comparator<PromiseState> FIRST_DUE_FIRST = Comparator.comparing(PromiseState::promisedDate)
            .thenComparing(PromiseState::madeOn).thenComparing(PromiseState::promiseId);

    private final String leaseId;
    private final LedgerRules rules;
    private final Instant now;
    private final PromiseProjection projection;
    private final List<PromiseEvent> newEvents = new ArrayList<>();
    private final List<PromiseEvent> allEvents = new ArrayList<>();

    private LeaseLedger(String leaseId, LedgerRules rules, Instant now, List<PromiseEvent> history) {
        this.leaseId = leaseId;
        this.rules = rules;
        this.now = now;
        this.projection = PromiseProjection.of(history);
        this.allEvents.addAll(history);
    }

    public static LeaseLedger of(String leaseId, List<PromiseEvent> history, LedgerRules rules, Instant now) {
        return new LeaseLedger(leaseId, rules, now, history);
    }

    /** The ledger's id of a LeaseWorks promise: the lease and the moment the collector entered it. */
    public static String promiseId(Promise promise) {
        return "PTP-" + promise.leaseId() + "-" + ID_TIME.format(promise.enteredAt());
    }

    /**
     * The lease's current promise as a LeaseWorks snapshot shows it. A promise not seen before is MADE;
     * the open one with changed amount or date is AMENDED; a promise it replaces is handled as if it had
     * disappeared. Seeing the same promise again changes nothing.
     */
    public void promiseSeen(Promise snapshot, LocalDate today, List<Payment> payments) {
        applyWaitingPayments(payments, today);
        String id = promiseId(snapshot);
        PromiseState known = projection.promise(id);
        if (known != null && known.isUnconfirmed()) {
            confirm(known, today);
            known = projection.promise(id);
        }
        if (known == null) {
            openPromises().stream().filter(p -> !p.promiseId().equals(id)).forEach(p -> disappeared(p, today));
            record(new PromiseEvent(0, id, leaseId, PromiseEventType.MADE, snapshot.amount(), snapshot.promisedDate(), null,
                    snapshot.enteredBy(), madeOn(snapshot), now));
            applyWaitingPayments(payments, today);
        } else if (known.isOpen() && (known.amount().compareTo(snapshot.amount()) != 0
                || !known.promisedDate().equals(snapshot.promisedDate()))) {
            record(new PromiseEvent(0, id, leaseId, PromiseEventType.AMENDED, snapshot.amount(), snapshot.promisedDate(), null,
                    snapshot.enteredBy(), today, now));
            applyWaitingPayments(payments, today);
        }
    }

    /** A full snapshot lists no promise for this lease: its open promises disappeared. */
    public void noPromiseSeen(LocalDate today, List<Payment> payments) {
        applyWaitingPayments(payments, today);
        openPromises().forEach(p -> disappeared(p, today));
    }

    /**
     * The lease's row of a snapshot was quarantined: the snapshot neither shows nor denies its promise. Its
     * open promises stay open but UNCONFIRMED (neither cancelled nor judged) until a valid row settles them.
     */
    public void promiseRowQuarantined(LocalDate today, List<Payment> payments) {
        applyWaitingPayments(payments, today);
        openPromises().stream().filter(p -> !p.isUnconfirmed()).forEach(p -> record(new PromiseEvent(0, p.promiseId(), leaseId,
                PromiseEventType.UNCONFIRMED, p.amount(), null, null, PromiseEvent.LEDGER, today, now)));
    }

    private void confirm(PromiseState promise, LocalDate today) {
        record(new PromiseEvent(0, promise.promiseId(), leaseId, PromiseEventType.CONFIRMED, promise.amount(), null, null,
                PromiseEvent.LEDGER, today, now));
    }

    /**
     * A promise gone from LeaseWorks before its date is CANCELLED unless payments already covered it; one
     * gone on or after its date stays open for judgement, which is what its payments decide.
     */
    private void disappeared(PromiseState promise, LocalDate today) {
        if (promise.isUnconfirmed()) {
            confirm(promise, today);
        }
        if (today.isBefore(promise.promisedDate()) && !rules.isKept(promise)) {
            record(new PromiseEvent(0, promise.promiseId(), leaseId, PromiseEventType.CANCELLED, promise.amount(), null, null,
                    PromiseEvent.LEDGER, today, now));
        }
    }

    /**
     * A payment of this lease arrived. A reversal takes back what the reversed payment gave to promises
     * still open; any other payment applies first in, first out to the open promises it can count for.
     */
    public void paymentReceived(Payment payment, List<Payment> payments) {
        if (payment.isReversal()) {
            for (PromiseState promise : livePromises()) {
                BigDecimal applied = promise.applications().get(payment.reversalOf());
                if (applied != null && applied.signum() > 0 && rules.reversalCounts(promise, payment.receivedDate())) {
                    record(new PromiseEvent(0, promise.promiseId(), leaseId, PromiseEventType.PAYMENT_REVERSED, applied, null,
                            payment.reversalOf(), PromiseEvent.LEDGER, payment.receivedDate(), now));
                }
            }
            // what other payments had left over may now cover what the reversal took back
            applyWaitingPayments(payments, payment.receivedDate());
        } else {
            allocate(payment, payments);
        }
        revise(payment.receivedDate());
    }

    /**
     * Judges every open promise whose deadline is on or before {@code asOf}, once payments known by then
     * have been applied; judging again adds nothing. An UNCONFIRMED promise waits: its terms are in doubt.
     */
    public void judge(LocalDate asOf, List<Payment> payments) {
        applyWaitingPayments(payments, asOf);
        for (PromiseState promise : openPromises()) {
            if (promise.isUnconfirmed()) {
                continue;
            }
            LocalDate deadline = rules.deadline(promise);
            if (!deadline.isAfter(asOf)) {
                record(new PromiseEvent(0, promise.promiseId(), leaseId, rules.verdict(promise), promise.applied(), null, null,
                        PromiseEvent.LEDGER, deadline, now));
            }
        }
    }

    /**
     * A judged promise whose payments now say otherwise (a payment dated by the deadline that arrived late, a
     * reversal within the window) is REVISED: the new verdict follows, dated like the first, which stays in the history.
     */
    private void revise(LocalDate on) {
        for (PromiseState promise : livePromises()) {
            PromiseEventType verdict = rules.verdict(promise);
            if (promise.isJudged() && !PromiseStatus.judged(verdict).equals(promise.status())) {
                record(new PromiseEvent(0, promise.promiseId(), leaseId, PromiseEventType.REVISED, promise.applied(), null, null,
                        PromiseEvent.LEDGER, on, now));
                record(new PromiseEvent(0, promise.promiseId(), leaseId, verdict, promise.applied(), null, null,
                        PromiseEvent.LEDGER, promise.judgedOn(), now));
            }
        }
    }

    public String leaseId() {
        return leaseId;
    }

    /** The events of one promise, stored and new, in order (the same instances {@link #newEvents()} holds). */
    public List<PromiseEvent> history(String promiseId) {
        return allEvents.stream().filter(e -> e.promiseId().equals(promiseId)).toList();
    }

    public List<PromiseEvent> newEvents() {
        return List.copyOf(newEvents);
    }

    public Collection<PromiseState> promises() {
        return projection.promises().values();
    }

    public PromiseState promise(String promiseId) {
        return projection.promise(promiseId);
    }

    /**
     * Applies what is left of payments received up to {@code upTo}. Every decision applies them first, so
     * that the outcome does not depend on whether a day's payments or its promise snapshot arrived first.
     */
    private void applyWaitingPayments(List<Payment> payments, LocalDate upTo) {
        payments.stream()
                .filter(p -> !p.isReversal() && !p.receivedDate().isAfter(upTo))
                .sorted(Comparator.comparing(Payment::receivedDate).thenComparing(Payment::paymentId))
                .forEach(p -> allocate(p, payments));
        revise(upTo);
    }

    /**
     * Spreads what is left of a payment over the promises it counts for, open or judged, the first due first: it
     * counts when it was received between the day the promise was made and its deadline, and was not reversed in
     * time to matter to that promise.
     */
    private void allocate(Payment payment, List<Payment> payments) {
        LocalDate reversedOn = payments.stream().filter(r -> payment.paymentId().equals(r.reversalOf()))
                .map(Payment::receivedDate).min(Comparator.naturalOrder()).orElse(null);
        BigDecimal left = payment.amount().subtract(alreadyApplied(payment.paymentId()));
        for (PromiseState promise : livePromises()) {
            if (left.signum() <= 0) {
                return;
            }
            boolean counts = !payment.receivedDate().isBefore(promise.madeOn())
                    && !payment.receivedDate().isAfter(rules.deadline(promise))
                    && (reversedOn == null || !rules.reversalCounts(promise, reversedOn));
            BigDecimal share = left.min(promise.unpaid());
            if (counts && share.signum() > 0) {
                record(new PromiseEvent(0, promise.promiseId(), leaseId, PromiseEventType.PAYMENT_APPLIED, share, null,
                        payment.paymentId(), PromiseEvent.LEDGER, payment.receivedDate(), now));
                left = left.subtract(share);
            }
        }
    }

    private BigDecimal alreadyApplied(String paymentId) {
        return projection.states().stream()
                .map(p -> p.applications().getOrDefault(paymentId, BigDecimal.ZERO))
                .reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    /**
     * The first day a payment can count for one of the lease's promises, which is the day the earliest of those
     * that payments can still move was made; empty when none can be moved. A payment received before it changes
     * nothing here, unless it is a reversal.
     */
    public Optional<LocalDate> paymentsCountFrom() {
        return livePromises().stream().map(PromiseState::madeOn).min(Comparator.naturalOrder());
    }

    /** The day a promise first seen in this snapshot is made on. */
    public LocalDate madeOn(Promise snapshot) {
        return LocalDate.ofInstant(snapshot.enteredAt(), rules.zone());
    }

    /** Promises payments can still move: open or judged, not cancelled. */
    private List<PromiseState> livePromises() {
        return projection.states().stream().filter(p -> p.isOpen() || p.isJudged()).sorted(FIRST_DUE_FIRST).toList();
    }

    private List<PromiseState> openPromises() {
        return projection.states().stream().filter(PromiseState::isOpen).sorted(FIRST_DUE_FIRST).toList();
    }

    private void record(PromiseEvent event) {
        projection.apply(event);
        newEvents.add(event);
        allEvents.add(event);
    }
}
