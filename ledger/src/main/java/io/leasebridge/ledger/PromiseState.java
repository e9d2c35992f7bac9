package io.leasebridge.ledger;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Map;
import java.util.TreeMap;

/**
 * A promise as its events leave it: the projection of the ledger. Equal events give equal states, so a
 * projection rebuilt from the events equals the one kept up to date event by event.
 *
 * @param applications payment id -> amount of that payment applied to this promise (reversals netted)
 */
public record PromiseState(
        String promiseId,
        String leaseId,
        BigDecimal amount,
        LocalDate promisedDate,
        LocalDate madeOn,
        String madeBy,
        PromiseStatus status,
        BigDecimal applied,
        LocalDate judgedOn,
        int amendedCount,
        Map<String, BigDecimal> applications) {

    public PromiseState {
        applications = Map.copyOf(applications);
    }

    public boolean isOpen() {
        return status.isOpen();
    }

    public boolean isJudged() {
        return status == PromiseStatus.KEPT || status == PromiseStatus.PARTIALLY_KEPT || status == PromiseStatus.BROKEN;
    }

    public boolean isUnconfirmed() {
        return status == PromiseStatus.UNCONFIRMED;
    }

    public BigDecimal unpaid() {
        return amount.subtract(applied).max(BigDecimal.ZERO);
    }

    static PromiseState made(PromiseEvent e) {
        return new PromiseState(e.promiseId(), e.leaseId(), e.amount(), e.promisedDate(), e.occurredOn(), e.actor(),
                PromiseStatus.OPEN, BigDecimal.ZERO.setScale(2), null, 0, Map.of());
    }

    /** This state after one more of its events. */
    PromiseState after(PromiseEvent e) {
        return switch (e.type()) {
            case MADE -> throw new IllegalStateException("promise " + promiseId + " was made already");
            case AMENDED -> new PromiseState(promiseId, leaseId, e.amount(), e.promisedDate(), madeOn, madeBy, status, applied,
                    judgedOn, amendedCount + 1, applications);
            case CANCELLED -> new PromiseState(promiseId, leaseId, amount, promisedDate, madeOn, madeBy, PromiseStatus.CANCELLED,
                    applied, judgedOn, amendedCount, applications);
            case UNCONFIRMED, CONFIRMED -> new PromiseState(promiseId, leaseId, amount, promisedDate, madeOn, madeBy,
                    e.type() == PromiseEventType.UNCONFIRMED ? PromiseStatus.UNCONFIRMED : PromiseStatus.OPEN, applied, judgedOn,
                    amendedCount, applications);
            case REVISED -> this;
            case PAYMENT_APPLIED -> withApplication(e.paymentId(), e.amount());
            case PAYMENT_REVERSED -> withApplication(e.paymentId(), e.amount().negate());
            case KEPT, PARTIALLY_KEPT, BROKEN -> new PromiseState(promiseId, leaseId, amount, promisedDate, madeOn, madeBy,
                    PromiseStatus.judged(e.type()), applied, e.occurredOn(), amendedCount, applications);
        };
    }

    private PromiseState withApplication(String paymentId, BigDecimal delta) {
        Map<String, BigDecimal> next = new TreeMap<>(applications);
        BigDecimal total = next.getOrDefault(paymentId, BigDecimal.ZERO).add(delta);
        if (total.signum() == 0) {
            next.remove(paymentId);
        } else {
            next.put(paymentId, total);
        }
        return new PromiseState(promiseId, leaseId, amount, promisedDate, madeOn, madeBy, status, applied.add(delta),
                judgedOn, amendedCount, next);
    }
}
