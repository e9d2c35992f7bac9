package io.leasebridge.repo;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The Asset Manager's final account review of a sold repossession, from hub data: what the lessee owed when the
 * vehicle was recovered (the payoff balance of the last LeaseWorks export before RECOVERED), plus what recovering
 * and reselling it cost, less what the sale brought in. A positive balance is the lessee's <b>deficiency</b>, a
 * negative one the <b>surplus</b> owed back to them; exactly one of the two is above zero, or neither.
 *
 * <p>Net sale proceeds are the price the buyer paid: what selling cost (the auction's fee) is a recovery cost, so
 * it is counted once, among the costs.
 *
 * @param caseNumber       the Case, to name it in errors
 * @param payoffAtRecovery the lease's payoff balance at recovery
 * @param costsByType      the recovery costs summed by type, every type present (zero when none)
 * @param totalCosts       their sum: {@code Total_Recovery_Cost__c}
 * @param netProceeds      the sale price
 * @param deficiency       what the lessee still owes, zero when the sale covered it
 * @param surplus          what the lessee is owed back, zero unless the sale brought in more than was owed
 */
public record FinalAccountReview(
        String caseNumber,
        BigDecimal payoffAtRecovery,
        Map<RecoveryCostType, BigDecimal> costsByType,
        BigDecimal totalCosts,
        BigDecimal netProceeds,
        BigDecimal deficiency,
        BigDecimal surplus) {

    private static final int CENTS = 2;

    /**
     * Reviews a sold case.
     *
     * @throws IllegalArgumentException naming the case and the field when an amount is missing or negative, or the
     *                                  sale price is not above zero
     */
    public static FinalAccountReview of(String caseNumber, BigDecimal payoffAtRecovery, List<RecoveryCost> costs,
                                        BigDecimal salePrice) {
        List<String> problems = new ArrayList<>();
        if (payoffAtRecovery == null) {
            problems.add("no payoff balance at recovery (no LeaseWorks export of the lease before RECOVERED)");
        } else if (payoffAtRecovery.signum() < 0) {
            problems.add("a negative payoff balance at recovery (" + payoffAtRecovery.toPlainString() + ")");
        }
        if (salePrice == null || salePrice.signum() <= 0) {
            problems.add("no sale price above zero (Sale_Price__c is "
                    + (salePrice == null ? "empty" : salePrice.toPlainString()) + ")");
        }
        Map<RecoveryCostType, BigDecimal> byType = new EnumMap<>(RecoveryCostType.class);
        for (RecoveryCostType type : RecoveryCostType.values()) {
            byType.put(type, BigDecimal.ZERO.setScale(CENTS));
        }
        for (RecoveryCost cost : Objects.requireNonNull(costs, "costs")) {
            if (cost.amount().signum() <= 0) {
                problems.add("a " + cost.type() + " cost" + (cost.invoice() == null ? "" : " (invoice " + cost.invoice() + ")")
                        + " of " + cost.amount().toPlainString() + ", not above zero (Recovery_Cost__c.Amount__c)");
            }
            byType.merge(cost.type(), cents(cost.amount()), BigDecimal::add);
        }
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException("the final account review of case " + caseNumber + " cannot be made: "
                    + String.join("; ", problems));
        }
        BigDecimal total = byType.values().stream().reduce(BigDecimal.ZERO.setScale(CENTS), BigDecimal::add);
        BigDecimal payoff = cents(payoffAtRecovery);
        BigDecimal proceeds = cents(salePrice);
        BigDecimal balance = payoff.add(total).subtract(proceeds);
        BigDecimal zero = BigDecimal.ZERO.setScale(CENTS);
        return new FinalAccountReview(caseNumber, payoff, Collections.unmodifiableMap(byType), total, proceeds,
                balance.signum() > 0 ? balance : zero, balance.signum() < 0 ? balance.negate() : zero);
    }

    /** What the review leaves between lessor and lessee: the deficiency, or minus the surplus. */
    public BigDecimal balance() {
        return deficiency.subtract(surplus);
    }

    /** The review line by line, as the Case shows it: payoff, each kind of cost incurred, proceeds, and what is left. */
    public String describe() {
        StringBuilder text = new StringBuilder("Payoff at recovery: ").append(payoffAtRecovery.toPlainString());
        costsByType.forEach((type, amount) -> {
            if (amount.signum() != 0) {
                text.append("\n+ ").append(type).append(": ").append(amount.toPlainString());
            }
        });
        text.append("\n= owed with recovery costs: ").append(payoffAtRecovery.add(totalCosts).toPlainString())
                .append("\n- net sale proceeds: ").append(netProceeds.toPlainString());
        if (deficiency.signum() > 0) {
            text.append("\nDeficiency (the lessee owes): ").append(deficiency.toPlainString());
        } else if (surplus.signum() > 0) {
            text.append("\nSurplus (owed to the lessee): ").append(surplus.toPlainString());
        } else {
            text.append("\nSettled exactly: no deficiency, no surplus");
        }
        return text.toString();
    }

    private static BigDecimal cents(BigDecimal amount) {
        return amount.setScale(CENTS, RoundingMode.HALF_UP);
    }
}
