package io.leasebridge.ledger;

import io.leasebridge.model.Payment;
import io.leasebridge.model.Promise;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import static io.leasebridge.ledger.PromiseEventType.AMENDED;
import static io.leasebridge.ledger.PromiseEventType.BROKEN;
import static io.leasebridge.ledger.PromiseEventType.CANCELLED;
import static io.leasebridge.ledger.PromiseEventType.CONFIRMED;
import static io.leasebridge.ledger.PromiseEventType.KEPT;
import static io.leasebridge.ledger.PromiseEventType.MADE;
import static io.leasebridge.ledger.PromiseEventType.PARTIALLY_KEPT;
import static io.leasebridge.ledger.PromiseEventType.PAYMENT_APPLIED;
import static io.leasebridge.ledger.PromiseEventType.PAYMENT_REVERSED;
import static io.leasebridge.ledger.PromiseEventType.REVISED;
import static io.leasebridge.ledger.PromiseEventType.UNCONFIRMED;
import static org.assertj.core.api.Assertions.assertThat;

/** The ledger's rules with exact amounts and dates; grace 2 days, tolerance $1.00, Chicago time. */
class LeaseLedgerTest {

    private static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");
    private static final String LEASE = "L-100";

    private final List<PromiseEvent> history = new ArrayList<>();
    private final List<Payment> payments = new ArrayList<>();

    @Test
    void aNewPromiseIsMadeAndSeeingItAgainAddsNothing() {
        Promise promise = promise("250.00", "2026-03-10", "2026-03-01T15:00:00Z");

        List<PromiseEvent> first = run(l -> l.promiseSeen(promise, day("2026-03-01"), payments));
        List<PromiseEvent> second = run(l -> l.promiseSeen(promise, day("2026-03-02"), payments));

        assertThat(first).extracting(PromiseEvent::type).containsExactly(MADE);
        assertThat(first.get(0).promiseId()).isEqualTo("PTP-L-100-20260301T150000Z");
        assertThat(first.get(0).amount()).isEqualByComparingTo("250.00");
        assertThat(first.get(0).occurredOn()).isEqualTo(day("2026-03-01"));
        assertThat(first.get(0).actor()).isEqualTo("jdoe");
        assertThat(second).isEmpty();
    }

    @Test
    void paymentsApplyFirstInFirstOutAcrossTwoOpenPromises() {
        // the first promise is replaced on its own due date, so it stays open for judgement beside the new one
        Promise older = promise("100.00", "2026-03-05", "2026-03-01T15:00:00Z");
        Promise newer = promise("200.00", "2026-03-20", "2026-03-05T15:00:00Z");
        run(l -> l.promiseSeen(older, day("2026-03-01"), payments));
        run(l -> l.promiseSeen(newer, day("2026-03-05"), payments));

        List<PromiseEvent> applied = pay("P-1", "150.00", "2026-03-06");

        assertThat(applied).extracting(PromiseEvent::type, PromiseEvent::promiseId, e -> e.amount().toPlainString())
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(PAYMENT_APPLIED, LeaseLedger.promiseId(older), "100.00"),
                        org.assertj.core.groups.Tuple.tuple(PAYMENT_APPLIED, LeaseLedger.promiseId(newer), "50.00"));
    }

    @Test
    void anOverpaymentCoversThePromiseAndTheRestStaysUnapplied() {
        Promise promise = promise("100.00", "2026-03-10", "2026-03-01T15:00:00Z");
        run(l -> l.promiseSeen(promise, day("2026-03-01"), payments));

        List<PromiseEvent> applied = pay("P-1", "180.00", "2026-03-08");
        List<PromiseEvent> judged = judge("2026-03-12");

        assertThat(applied).singleElement().satisfies(e -> assertThat(e.amount()).isEqualByComparingTo("100.00"));
        assertThat(judged).singleElement().satisfies(e -> {
            assertThat(e.type()).isEqualTo(KEPT);
            assertThat(e.amount()).isEqualByComparingTo("100.00");
        });
    }

    @Test
    void aPaymentReceivedBeforeThePromiseWasMadeDoesNotCount() {
        payments.add(payment("P-0", "100.00", "2026-02-27"));
        Promise promise = promise("100.00", "2026-03-10", "2026-03-01T15:00:00Z");

        List<PromiseEvent> events = run(l -> l.promiseSeen(promise, day("2026-03-01"), payments));

        assertThat(events).extracting(PromiseEvent::type).containsExactly(MADE);
        assertThat(judge("2026-03-12")).extracting(PromiseEvent::type).containsExactly(BROKEN);
    }

    @Test
    void aPaymentMadeOnTheDayOfThePromiseCountsEvenWhenItArrivedFirst() {
        payments.add(payment("P-0", "100.00", "2026-03-01"));
        Promise promise = promise("100.00", "2026-03-10", "2026-03-01T20:00:00Z");

        List<PromiseEvent> events = run(l -> l.promiseSeen(promise, day("2026-03-01"), payments));

        assertThat(events).extracting(PromiseEvent::type).containsExactly(MADE, PAYMENT_APPLIED);
    }

    @Test
    void aPaymentThatArrivedBeforeTheSnapshotsCountsOnlyFromItsOwnDate() {
        // a backfill: the payments export is read before three days of promise snapshots
        payments.add(payment("P-9", "100.00", "2026-03-09"));
        Promise promise = promise("100.00", "2026-03-10", "2026-03-01T15:00:00Z");

        List<PromiseEvent> made = run(l -> l.promiseSeen(promise, day("2026-03-01"), payments));
        List<PromiseEvent> stillThere = run(l -> l.promiseSeen(promise, day("2026-03-05"), payments));
        List<PromiseEvent> judged = judge("2026-03-12");

        assertThat(made).extracting(PromiseEvent::type).containsExactly(MADE);
        assertThat(stillThere).isEmpty();
        assertThat(judged).extracting(PromiseEvent::type).containsExactly(PAYMENT_APPLIED, KEPT);
    }

    @Test
    void aPromiseGoneBeforeALaterPaymentIsCancelledEvenWhenThePaymentWasReadFirst() {
        payments.add(payment("P-9", "100.00", "2026-03-06"));
        Promise promise = promise("100.00", "2026-03-10", "2026-03-01T15:00:00Z");
        run(l -> l.promiseSeen(promise, day("2026-03-01"), payments));

        assertThat(run(l -> l.noPromiseSeen(day("2026-03-04"), payments))).extracting(PromiseEvent::type).containsExactly(CANCELLED);
    }

    @Test
    void aReversalBeforeJudgementUndoesTheApplication() {
        Promise promise = promise("100.00", "2026-03-10", "2026-03-01T15:00:00Z");
        run(l -> l.promiseSeen(promise, day("2026-03-01"), payments));
        pay("P-1", "100.00", "2026-03-05");

        List<PromiseEvent> reversed = reverse("P-1R", "P-1", "2026-03-07");
        List<PromiseEvent> judged = judge("2026-03-12");

        assertThat(reversed).singleElement().satisfies(e -> {
            assertThat(e.type()).isEqualTo(PAYMENT_REVERSED);
            assertThat(e.paymentId()).isEqualTo("P-1");
            assertThat(e.amount()).isEqualByComparingTo("100.00");
        });
        assertThat(judged).extracting(PromiseEvent::type).containsExactly(BROKEN);
    }

    @Test
    void anNsfReturnOnTheLastDayOfTheWindowRevisesKeptToBrokenAndKeepsBothVerdicts() {
        Promise promise = keptOnMarch12();

        List<PromiseEvent> reversed = reverse("P-1R", "P-1", "2026-04-11");

        assertThat(reversed).extracting(PromiseEvent::type, PromiseEvent::occurredOn).containsExactly(
                org.assertj.core.groups.Tuple.tuple(PAYMENT_REVERSED, day("2026-04-11")),
                org.assertj.core.groups.Tuple.tuple(REVISED, day("2026-04-11")),
                org.assertj.core.groups.Tuple.tuple(BROKEN, day("2026-03-12")));
        assertThat(history).extracting(PromiseEvent::type).contains(KEPT, REVISED, BROKEN);
        assertThat(state(promise).status()).isEqualTo(PromiseStatus.BROKEN);
        assertThat(state(promise).judgedOn()).isEqualTo(day("2026-03-12"));
    }

    @Test
    void anNsfReturnTheDayAfterTheWindowLeavesTheVerdictAlone() {
        Promise promise = keptOnMarch12();

        assertThat(reverse("P-1R", "P-1", "2026-04-12")).isEmpty();
        assertThat(state(promise).status()).isEqualTo(PromiseStatus.KEPT);
    }

    @Test
    void aPaymentMadeTheEveningOfTheDeadlineButReadAfterJudgementRevisesBrokenToKept() {
        Promise promise = promise("250.00", "2026-03-10", "2026-03-01T15:00:00Z");
        run(l -> l.promiseSeen(promise, day("2026-03-01"), payments));
        assertThat(judge("2026-03-12")).extracting(PromiseEvent::type).containsExactly(BROKEN);

        List<PromiseEvent> late = pay("P-9", "250.00", "2026-03-12");

        assertThat(late).extracting(PromiseEvent::type).containsExactly(PAYMENT_APPLIED, REVISED, KEPT);
        assertThat(state(promise).status()).isEqualTo(PromiseStatus.KEPT);
        assertThat(judge("2026-03-13")).as("settled: judging again adds nothing").isEmpty();
    }

    @Test
    void aPaymentDatedTheDayAfterTheDeadlineRevisesNothing() {
        Promise promise = brokenOnMarch12();

        assertThat(pay("P-9", "250.00", "2026-03-13")).isEmpty();
        assertThat(state(promise).status()).isEqualTo(PromiseStatus.BROKEN);
    }

    @Test
    void aLatePartialPaymentRevisesBrokenToPartiallyKept() {
        brokenOnMarch12();

        assertThat(pay("P-9", "100.00", "2026-03-11")).extracting(PromiseEvent::type)
                .containsExactly(PAYMENT_APPLIED, REVISED, PARTIALLY_KEPT);
    }

    @Test
    void aReversedPaymentSeenAgainIsNotAppliedAgain() {
        payments.add(payment("P-1", "100.00", "2026-03-02"));
        payments.add(reversal("P-1R", "P-1", "2026-03-03"));
        Promise promise = promise("100.00", "2026-03-10", "2026-03-01T15:00:00Z");

        assertThat(run(l -> l.promiseSeen(promise, day("2026-03-04"), payments))).extracting(PromiseEvent::type).containsExactly(MADE);
    }

    @Test
    void theGraceDaysEndOnTheDeadlineWhichIsTheDayOfJudgement() {
        Promise promise = promise("100.00", "2026-03-10", "2026-03-01T15:00:00Z");
        run(l -> l.promiseSeen(promise, day("2026-03-01"), payments));

        assertThat(judge("2026-03-11")).as("a day before the deadline").isEmpty();
        assertThat(pay("P-1", "100.00", "2026-03-12")).as("paid on the deadline").extracting(PromiseEvent::type)
                .containsExactly(PAYMENT_APPLIED);
        List<PromiseEvent> judged = judge("2026-03-12");
        assertThat(judged).extracting(PromiseEvent::type).containsExactly(KEPT);
        assertThat(judged.get(0).occurredOn()).isEqualTo(day("2026-03-12"));
    }

    @Test
    void aPaymentAfterTheDeadlineDoesNotCount() {
        Promise promise = promise("100.00", "2026-03-10", "2026-03-01T15:00:00Z");
        run(l -> l.promiseSeen(promise, day("2026-03-01"), payments));

        assertThat(pay("P-1", "100.00", "2026-03-13")).isEmpty();
        assertThat(judge("2026-03-13")).extracting(PromiseEvent::type).containsExactly(BROKEN);
    }

    @Test
    void oneDollarShortIsKeptAndOneCentMoreShortIsPartlyKept() {
        Promise exact = promise("100.00", "2026-03-10", "2026-03-01T15:00:00Z");
        run(l -> l.promiseSeen(exact, day("2026-03-01"), payments));
        pay("P-1", "99.00", "2026-03-05");
        assertThat(judge("2026-03-12")).extracting(PromiseEvent::type).containsExactly(KEPT);

        history.clear();
        payments.clear();
        run(l -> l.promiseSeen(exact, day("2026-03-01"), payments));
        pay("P-1", "98.99", "2026-03-05");
        assertThat(judge("2026-03-12")).extracting(PromiseEvent::type).containsExactly(PARTIALLY_KEPT);
    }

    @Test
    void anAmendedPromiseKeepsBothVersionsAndIsJudgedOnTheNewTerms() {
        Promise original = promise("300.00", "2026-03-10", "2026-03-01T15:00:00Z");
        Promise amended = new Promise(LEASE, new BigDecimal("150.00"), day("2026-03-20"), "asmith", original.enteredAt());
        run(l -> l.promiseSeen(original, day("2026-03-01"), payments));

        List<PromiseEvent> amend = run(l -> l.promiseSeen(amended, day("2026-03-08"), payments));
        pay("P-1", "150.00", "2026-03-18");

        assertThat(amend).extracting(PromiseEvent::type).containsExactly(AMENDED);
        assertThat(history).filteredOn(e -> e.type() == MADE || e.type() == AMENDED)
                .extracting(e -> e.amount().toPlainString() + " on " + e.promisedDate())
                .containsExactly("300.00 on 2026-03-10", "150.00 on 2026-03-20");
        assertThat(judge("2026-03-12")).as("the old date no longer counts").isEmpty();
        assertThat(judge("2026-03-22")).extracting(PromiseEvent::type).containsExactly(KEPT);
        assertThat(state(original).amendedCount()).isEqualTo(1);
    }

    @Test
    void aPromiseGoneBeforeItsDateIsCancelledAndALaterPaymentDoesNotRevive_it() {
        Promise promise = promise("100.00", "2026-03-10", "2026-03-01T15:00:00Z");
        run(l -> l.promiseSeen(promise, day("2026-03-01"), payments));

        List<PromiseEvent> gone = run(l -> l.noPromiseSeen(day("2026-03-04"), payments));
        List<PromiseEvent> paidAfter = pay("P-1", "100.00", "2026-03-06");

        assertThat(gone).extracting(PromiseEvent::type).containsExactly(CANCELLED);
        assertThat(paidAfter).isEmpty();
        assertThat(judge("2026-03-31")).isEmpty();
        assertThat(state(promise).status()).isEqualTo(PromiseStatus.CANCELLED);
    }

    @Test
    void aPromiseGoneAfterPaymentsCoveredItIsNotCancelledButKept() {
        Promise promise = promise("100.00", "2026-03-10", "2026-03-01T15:00:00Z");
        run(l -> l.promiseSeen(promise, day("2026-03-01"), payments));
        pay("P-1", "100.00", "2026-03-03");

        assertThat(run(l -> l.noPromiseSeen(day("2026-03-04"), payments))).isEmpty();
        assertThat(judge("2026-03-12")).extracting(PromiseEvent::type).containsExactly(KEPT);
    }

    @Test
    void aPromiseGoneOnOrAfterItsDateWaitsForJudgement() {
        Promise promise = promise("100.00", "2026-03-10", "2026-03-01T15:00:00Z");
        run(l -> l.promiseSeen(promise, day("2026-03-01"), payments));

        assertThat(run(l -> l.noPromiseSeen(day("2026-03-10"), payments))).isEmpty();
        assertThat(judge("2026-03-12")).extracting(PromiseEvent::type).containsExactly(BROKEN);
    }

    @Test
    void judgingTwiceOrAsOfALaterDateAddsNothing() {
        Promise promise = promise("100.00", "2026-03-10", "2026-03-01T15:00:00Z");
        run(l -> l.promiseSeen(promise, day("2026-03-01"), payments));
        judge("2026-03-31");

        assertThat(judge("2026-03-31")).isEmpty();
        assertThat(judge("2026-06-30")).isEmpty();
    }

    @Test
    void aRebuiltProjectionEqualsTheIncrementalOne() {
        Promise promise = promise("100.00", "2026-03-10", "2026-03-01T15:00:00Z");
        LeaseLedger ledger = LeaseLedger.of(LEASE, history, LedgerRules.DEFAULT, NOW);
        ledger.promiseSeen(promise, day("2026-03-01"), payments);
        Payment p1 = payment("P-1", "60.00", "2026-03-03");
        payments.add(p1);
        ledger.paymentReceived(p1, payments);
        ledger.judge(day("2026-03-12"), payments);

        assertThat(PromiseProjection.of(ledger.newEvents()).promises())
                .isEqualTo(LeaseLedger.of(LEASE, ledger.newEvents(), LedgerRules.DEFAULT, NOW).promises().stream()
                        .collect(java.util.stream.Collectors.toMap(PromiseState::promiseId, s -> s)));
        assertThat(ledger.promise(LeaseLedger.promiseId(promise)).status()).isEqualTo(PromiseStatus.PARTIALLY_KEPT);
    }

    @Test
    void aQuarantinedRowLeavesThePromiseOpenButUnconfirmedAndUnjudgedPastItsDeadline() {
        Promise promise = promise("100.00", "2026-03-10", "2026-03-01T15:00:00Z");
        run(l -> l.promiseSeen(promise, day("2026-03-01"), payments));

        List<PromiseEvent> quarantined = run(l -> l.promiseRowQuarantined(day("2026-03-05"), payments));
        List<PromiseEvent> judged = judge("2026-03-12");

        assertThat(quarantined).extracting(PromiseEvent::type, PromiseEvent::occurredOn)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(UNCONFIRMED, day("2026-03-05")));
        assertThat(judged).isEmpty();
        assertThat(state(promise).status()).isEqualTo(PromiseStatus.UNCONFIRMED);
        assertThat(run(l -> l.promiseRowQuarantined(day("2026-03-06"), payments))).isEmpty();
    }

    @Test
    void aPaymentStillAppliesToAnUnconfirmedPromise() {
        Promise promise = promise("100.00", "2026-03-10", "2026-03-01T15:00:00Z");
        run(l -> l.promiseSeen(promise, day("2026-03-01"), payments));
        run(l -> l.promiseRowQuarantined(day("2026-03-05"), payments));

        assertThat(pay("P-1", "100.00", "2026-03-06")).extracting(PromiseEvent::type).containsExactly(PAYMENT_APPLIED);
    }

    @Test
    void aValidRowOfTheSamePromiseConfirmsItAndItIsThenJudgedOnItsTerms() {
        Promise promise = promise("100.00", "2026-03-10", "2026-03-01T15:00:00Z");
        run(l -> l.promiseSeen(promise, day("2026-03-01"), payments));
        run(l -> l.promiseRowQuarantined(day("2026-03-11"), payments));
        judge("2026-03-12");

        List<PromiseEvent> confirmed = run(l -> l.promiseSeen(promise, day("2026-03-13"), payments));

        assertThat(confirmed).extracting(PromiseEvent::type).containsExactly(CONFIRMED);
        assertThat(judge("2026-03-13")).extracting(PromiseEvent::type, PromiseEvent::occurredOn)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(BROKEN, day("2026-03-12")));
    }

    @Test
    void aReplayedRowShowingANewPromiseCancelsTheUnconfirmedOneAsOfTheFilesDay() {
        Promise older = promise("100.00", "2026-03-10", "2026-03-01T15:00:00Z");
        Promise newer = promise("80.00", "2026-03-20", "2026-03-05T15:00:00Z");
        run(l -> l.promiseSeen(older, day("2026-03-01"), payments));
        run(l -> l.promiseRowQuarantined(day("2026-03-05"), payments));

        List<PromiseEvent> replayed = run(l -> l.promiseSeen(newer, day("2026-03-05"), payments));

        assertThat(replayed).extracting(PromiseEvent::type, PromiseEvent::occurredOn).containsExactly(
                org.assertj.core.groups.Tuple.tuple(CONFIRMED, day("2026-03-05")),
                org.assertj.core.groups.Tuple.tuple(CANCELLED, day("2026-03-05")),
                org.assertj.core.groups.Tuple.tuple(MADE, day("2026-03-05")));
    }

    @Test
    void aLaterSnapshotWithoutTheLeaseSettlesTheUnconfirmedPromise() {
        Promise promise = promise("100.00", "2026-03-10", "2026-03-01T15:00:00Z");
        run(l -> l.promiseSeen(promise, day("2026-03-01"), payments));
        run(l -> l.promiseRowQuarantined(day("2026-03-05"), payments));

        assertThat(run(l -> l.noPromiseSeen(day("2026-03-06"), payments))).extracting(PromiseEvent::type)
                .containsExactly(CONFIRMED, CANCELLED);
    }

    @Test
    void paymentsCountFromTheDayTheEarliestPromiseTheyCanStillMoveWasMade() {
        assertThat(LeaseLedger.of(LEASE, history, LedgerRules.DEFAULT, NOW).paymentsCountFrom()).isEmpty();
        Promise first = promise("100.00", "2026-03-03", "2026-03-01T15:00:00Z");
        Promise replacedEarly = promise("100.00", "2026-03-20", "2026-03-03T15:00:00Z");
        Promise last = promise("150.00", "2026-03-25", "2026-03-06T04:00:00Z");
        run(l -> l.promiseSeen(first, day("2026-03-01"), payments));
        run(l -> l.promiseSeen(replacedEarly, day("2026-03-03"), payments));
        judge("2026-03-07");
        run(l -> l.promiseSeen(last, day("2026-03-06"), payments));

        assertThat(state(first).status()).isEqualTo(PromiseStatus.BROKEN);
        assertThat(state(replacedEarly).status()).isEqualTo(PromiseStatus.CANCELLED);
        LeaseLedger ledger = LeaseLedger.of(LEASE, history, LedgerRules.DEFAULT, NOW);
        assertThat(ledger.paymentsCountFrom()).as("a judged promise can still be revised; a cancelled one is done")
                .contains(day("2026-03-01"));
        assertThat(ledger.madeOn(last)).as("04:00 UTC is the evening before in Chicago").isEqualTo(day("2026-03-05"));
    }

    @Test
    void paymentsBeforeThatDayChangeNothingWhenLeftOut() {
        payments.add(payment("P-0", "90.00", "2026-02-20"));
        payments.add(payment("P-1", "40.00", "2026-03-01"));
        Promise promise = promise("100.00", "2026-03-10", "2026-03-01T15:00:00Z");
        run(l -> l.promiseSeen(promise, day("2026-03-01"), payments));
        pay("P-2", "70.00", "2026-03-04");
        reverse("P-3", "P-2", "2026-03-05");
        pay("P-4", "100.00", "2026-03-06");
        List<PromiseEvent> withAll = new ArrayList<>(history);
        withAll.addAll(judge("2026-03-12"));

        LocalDate from = LeaseLedger.of(LEASE, List.of(), LedgerRules.DEFAULT, NOW).madeOn(promise);
        List<Payment> fromThatDay = payments.stream().filter(p -> p.isReversal() || !p.receivedDate().isBefore(from)).toList();
        history.clear();
        payments.clear();
        run(l -> l.promiseSeen(promise, day("2026-03-01"), payments));
        fromThatDay.forEach(p -> {
            payments.add(p);
            run(l -> l.paymentReceived(p, payments));
        });
        judge("2026-03-12");

        assertThat(fromThatDay).extracting(Payment::paymentId).containsExactly("P-1", "P-2", "P-3", "P-4");
        assertThat(history).extracting(PromiseEvent::type, PromiseEvent::amount)
                .isEqualTo(withAll.stream().map(e -> org.assertj.core.groups.Tuple.tuple(e.type(), e.amount())).toList());
        assertThat(state(promise).status()).isEqualTo(PromiseStatus.KEPT);
    }

    /** $100.00 promised for March 10, paid March 5, judged KEPT on the deadline, March 12. */
    private Promise keptOnMarch12() {
        Promise promise = promise("100.00", "2026-03-10", "2026-03-01T15:00:00Z");
        run(l -> l.promiseSeen(promise, day("2026-03-01"), payments));
        pay("P-1", "100.00", "2026-03-05");
        judge("2026-03-12");
        return promise;
    }

    /** $250.00 promised for March 10, nothing paid, judged BROKEN on the deadline, March 12. */
    private Promise brokenOnMarch12() {
        Promise promise = promise("250.00", "2026-03-10", "2026-03-01T15:00:00Z");
        run(l -> l.promiseSeen(promise, day("2026-03-01"), payments));
        judge("2026-03-12");
        return promise;
    }

    private List<PromiseEvent> run(java.util.function.Consumer<LeaseLedger> step) {
        LeaseLedger ledger = LeaseLedger.of(LEASE, history, LedgerRules.DEFAULT, NOW);
        step.accept(ledger);
        history.addAll(ledger.newEvents());
        return ledger.newEvents();
    }

    private List<PromiseEvent> pay(String id, String amount, String date) {
        Payment payment = payment(id, amount, date);
        payments.add(payment);
        return run(l -> l.paymentReceived(payment, payments));
    }

    private List<PromiseEvent> reverse(String id, String reversed, String date) {
        Payment reversal = reversal(id, reversed, date);
        payments.add(reversal);
        return run(l -> l.paymentReceived(reversal, payments));
    }

    private List<PromiseEvent> judge(String asOf) {
        return run(l -> l.judge(day(asOf), payments));
    }

    private PromiseState state(Promise promise) {
        return PromiseProjection.of(history).promise(LeaseLedger.promiseId(promise));
    }

    private static Promise promise(String amount, String date, String enteredAt) {
        return new Promise(LEASE, new BigDecimal(amount), day(date), "jdoe", Instant.parse(enteredAt));
    }

    private static Payment payment(String id, String amount, String date) {
        return new Payment(id, LEASE, new BigDecimal(amount), day(date), "ACH", null);
    }

    private static Payment reversal(String id, String reversed, String date) {
        return new Payment(id, LEASE, new BigDecimal("-100.00"), day(date), "ACH", reversed);
    }

    private static LocalDate day(String date) {
        return LocalDate.parse(date);
    }
}
