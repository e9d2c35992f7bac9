package io.leasebridge.ledger;

import io.leasebridge.model.Payment;
import io.leasebridge.model.Promise;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * For random histories of one lease: rebuild equals incremental, judging twice equals judging once, and the same
 * payments and reversals arriving in any order, before or after judgement, end in the same verdict.
 */
class LedgerPropertiesTest {

    private static final String LEASE = "L-1";
    private static final LocalDate START = LocalDate.of(2026, 3, 1);
    private static final Instant NOW = Instant.parse("2026-04-01T00:00:00Z");

    sealed interface Step permits SeePromise, NoPromise, Quarantined, Pay, Reverse, Judge {
    }

    record Quarantined(int today) implements Step {
    }

    record SeePromise(int entry, int amountDollars, int dueInDays, int today) implements Step {
    }

    record NoPromise(int today) implements Step {
    }

    record Pay(int amountCents, int day) implements Step {
    }

    record Reverse(int paymentIndex, int day) implements Step {
    }

    record Judge(int day) implements Step {
    }

    @Property(tries = 500)
    void aRebuiltProjectionEqualsTheIncrementalOne(@ForAll("histories") @Size(max = 40) List<Step> steps) {
        LeaseLedger ledger = play(steps);

        Map<String, PromiseState> incremental = ledger.promises().stream()
                .collect(Collectors.toMap(PromiseState::promiseId, s -> s));
        assertEquals(PromiseProjection.of(ledger.newEvents()).promises(), incremental);
    }

    @Property(tries = 500)
    void judgingTwiceEqualsJudgingOnce(@ForAll("histories") @Size(max = 40) List<Step> steps,
                                       @ForAll("days") int asOf) {
        List<Payment> payments = new ArrayList<>();
        LeaseLedger once = play(steps, payments);
        once.judge(START.plusDays(asOf), payments);
        LeaseLedger twice = play(steps, new ArrayList<>());
        twice.judge(START.plusDays(asOf), payments);
        int afterFirst = twice.newEvents().size();
        twice.judge(START.plusDays(asOf), payments);

        assertEquals(afterFirst, twice.newEvents().size());
        assertEquals(once.newEvents(), twice.newEvents());
    }

    @Property(tries = 500)
    void noPaymentIsAppliedBeyondItsAmountAndNothingIsAppliedBelowZero(@ForAll("histories") @Size(max = 40) List<Step> steps) {
        LeaseLedger ledger = play(steps);

        Map<String, BigDecimal> byPayment = new HashMap<>();
        for (PromiseState promise : ledger.promises()) {
            if (promise.applied().signum() < 0) {
                throw new AssertionError("negative applied amount on " + promise);
            }
            promise.applications().forEach((payment, amount) -> byPayment.merge(payment, amount, BigDecimal::add));
        }
        byPayment.forEach((payment, applied) -> {
            BigDecimal paid = new BigDecimal(payment.substring(payment.indexOf('$') + 1));
            if (applied.compareTo(paid) > 0) {
                throw new AssertionError(payment + " applied " + applied);
            }
        });
    }

    /** A payment (amount in cents) or, when {@code reverses}, a reversal of an earlier payment, on a day. */
    record Fact(boolean reverses, int paymentIndex, int amountCents, int day) {
    }

    @Property(tries = 500)
    void theSameFactsInAnyOrderBeforeOrAfterJudgementEndInTheSameVerdict(@ForAll("facts") @Size(max = 12) List<Fact> facts,
                                                                          @ForAll("days") int dueIn,
                                                                          @ForAll("dollars") int dollars) {
        List<Payment> payments = payments(facts);
        List<Payment> backwards = new ArrayList<>(payments);
        java.util.Collections.reverse(backwards);

        PromiseStatus allBeforeJudgement = arrive(payments, dueIn, dollars, false);

        assertEquals(allBeforeJudgement, arrive(payments, dueIn, dollars, true));
        assertEquals(allBeforeJudgement, arrive(backwards, dueIn, dollars, true));
        assertEquals(allBeforeJudgement, arrive(backwards, dueIn, dollars, false));
    }

    private static PromiseStatus arrive(List<Payment> arrivals, int dueIn, int dollars, boolean judgeAtTheDeadlineFirst) {
        LeaseLedger ledger = LeaseLedger.of(LEASE, List.of(), LedgerRules.DEFAULT, NOW);
        List<Payment> known = new ArrayList<>();
        Promise promise = new Promise(LEASE, BigDecimal.valueOf(dollars).setScale(2), START.plusDays(dueIn), "collector",
                START.atStartOfDay(LedgerRules.DEFAULT.zone()).plusHours(10).toInstant());
        ledger.promiseSeen(promise, START, known);
        if (judgeAtTheDeadlineFirst) {
            ledger.judge(START.plusDays(dueIn + LedgerRules.DEFAULT.graceDays()), known);
        }
        for (Payment payment : arrivals) {
            known.add(payment);
            ledger.paymentReceived(payment, known);
        }
        ledger.judge(START.plusDays(90), known);
        return ledger.promise(LeaseLedger.promiseId(promise)).status();
    }

    private static List<Payment> payments(List<Fact> facts) {
        List<Payment> payments = new ArrayList<>();
        List<Payment> originals = new ArrayList<>();
        for (Fact fact : facts) {
            if (fact.reverses()) {
                if (!originals.isEmpty()) {
                    Payment original = originals.get(fact.paymentIndex() % originals.size());
                    payments.add(new Payment("R" + payments.size(), LEASE, original.amount().negate(), START.plusDays(fact.day()),
                            "ACH", original.paymentId()));
                }
            } else {
                BigDecimal amount = BigDecimal.valueOf(fact.amountCents(), 2);
                Payment payment = new Payment("P" + payments.size() + "$" + amount.toPlainString(), LEASE, amount,
                        START.plusDays(fact.day() % 21), "ACH", null);
                payments.add(payment);
                originals.add(payment);
            }
        }
        return payments;
    }

    @Provide
    Arbitrary<List<Fact>> facts() {
        return Combinators.combine(Arbitraries.integers().between(0, 3).map(n -> n == 0), Arbitraries.integers().between(0, 20),
                Arbitraries.integers().between(1, 60_000), Arbitraries.integers().between(0, 60)).as(Fact::new).list();
    }

    @Provide
    Arbitrary<Integer> dollars() {
        return Arbitraries.integers().between(1, 500);
    }

    private static LeaseLedger play(List<Step> steps) {
        return play(steps, new ArrayList<>());
    }

    /** Plays the steps on a new ledger; {@code payments} collects the payments the steps received. */
    private static LeaseLedger play(List<Step> steps, List<Payment> payments) {
        LeaseLedger ledger = LeaseLedger.of(LEASE, List.of(), LedgerRules.DEFAULT, NOW);
        for (Step step : steps) {
            if (step instanceof SeePromise s) {
                ledger.promiseSeen(new Promise(LEASE, BigDecimal.valueOf(s.amountDollars()).setScale(2),
                        START.plusDays(s.today() + s.dueInDays()), "collector",
                        START.atStartOfDay(LedgerRules.DEFAULT.zone()).plusDays(s.entry()).plusHours(10).toInstant()),
                        START.plusDays(s.today()), payments);
            } else if (step instanceof NoPromise s) {
                ledger.noPromiseSeen(START.plusDays(s.today()), payments);
            } else if (step instanceof Quarantined s) {
                ledger.promiseRowQuarantined(START.plusDays(s.today()), payments);
            } else if (step instanceof Pay s) {
                BigDecimal amount = BigDecimal.valueOf(s.amountCents(), 2);
                Payment payment = new Payment("P" + payments.size() + "$" + amount.toPlainString(), LEASE, amount,
                        START.plusDays(s.day()), "ACH", null);
                payments.add(payment);
                ledger.paymentReceived(payment, payments);
            } else if (step instanceof Reverse s) {
                List<Payment> originals = payments.stream().filter(p -> !p.isReversal()).toList();
                if (!originals.isEmpty()) {
                    Payment original = originals.get(s.paymentIndex() % originals.size());
                    Payment reversal = new Payment("R" + payments.size(), LEASE, original.amount().negate(),
                            START.plusDays(s.day()), "ACH", original.paymentId());
                    payments.add(reversal);
                    ledger.paymentReceived(reversal, payments);
                }
            } else if (step instanceof Judge s) {
                ledger.judge(START.plusDays(s.day()), payments);
            }
        }
        return ledger;
    }

    @Provide
    Arbitrary<List<Step>> histories() {
        Arbitrary<Integer> day = Arbitraries.integers().between(0, 30);
        Arbitrary<Step> see = Combinators.combine(Arbitraries.integers().between(0, 4), Arbitraries.integers().between(1, 500),
                Arbitraries.integers().between(0, 10), day).as(SeePromise::new);
        Arbitrary<Step> none = day.map(NoPromise::new);
        Arbitrary<Step> quarantined = day.map(Quarantined::new);
        Arbitrary<Step> pay = Combinators.combine(Arbitraries.integers().between(1, 60_000), day).as(Pay::new);
        Arbitrary<Step> reverse = Combinators.combine(Arbitraries.integers().between(0, 20), day).as(Reverse::new);
        Arbitrary<Step> judge = day.map(Judge::new);
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(4, see), net.jqwik.api.Tuple.of(1, none), net.jqwik.api.Tuple.of(1, quarantined), net.jqwik.api.Tuple.of(5, pay),
                net.jqwik.api.Tuple.of(1, reverse), net.jqwik.api.Tuple.of(2, judge)).list();
    }

    @Provide
    Arbitrary<Integer> days() {
        return Arbitraries.integers().between(0, 45);
    }

    private static void assertEquals(Object expected, Object actual) {
        if (!expected.equals(actual)) {
            throw new AssertionError("expected " + expected + "\n but was " + actual);
        }
    }
}
