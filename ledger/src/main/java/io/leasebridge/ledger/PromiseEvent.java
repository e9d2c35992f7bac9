package io.leasebridge.ledger;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/**
 * One thing that happened to one promise.
 *
 * @param sequence     the store's order of events (0 until stored)
 * @param amount       MADE, AMENDED: the promised amount; PAYMENT_APPLIED, PAYMENT_REVERSED: the amount moved;
 *                     a judgement: the amount applied when judged
 * @param promisedDate MADE, AMENDED: the date promised; otherwise null
 * @param paymentId    PAYMENT_APPLIED, PAYMENT_REVERSED: the payment; otherwise null
 * @param actor        who did it: the collector for MADE and AMENDED, {@code leasebridge} for what the ledger decides
 * @param occurredOn   the business date: the day the promise was made or amended, the payment's received date,
 *                     the judgement's deadline
 * @param recordedAt   when the ledger recorded it
 */
public record PromiseEvent(
        long sequence,
        String promiseId,
        String leaseId,
        PromiseEventType type,
        BigDecimal amount,
        LocalDate promisedDate,
        String paymentId,
        String actor,
        LocalDate occurredOn,
        Instant recordedAt) {

    public static final String LEDGER = "leasebridge";

    public PromiseEvent withSequence(long sequence) {
        return new PromiseEvent(sequence, promiseId, leaseId, type, amount, promisedDate, paymentId, actor, occurredOn, recordedAt);
    }
}
