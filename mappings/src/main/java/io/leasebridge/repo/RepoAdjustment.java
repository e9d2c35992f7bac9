package io.leasebridge.repo;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * What a sold repossession leaves on its lease in LeaseWorks, one row of the adjustment import file: the deficiency the
 * lessee still owes or the surplus owed back to them, with what it is made of.
 *
 * @param adjustmentId     LeaseBridge's id of the adjustment (the Case's), so that LeaseWorks applies it once
 * @param leaseId          the LeaseWorks contract number
 * @param kind             DEFICIENCY, SURPLUS, or SETTLED when the sale covered what was owed exactly
 * @param amount           the deficiency or the surplus, zero when settled
 * @param payoffAtRecovery the lease's payoff balance when the vehicle was recovered
 * @param recoveryCosts    the recovery costs charged to the lessee
 * @param netProceeds      what the buyer paid
 */
public record RepoAdjustment(
        String adjustmentId,
        String leaseId,
        String caseNumber,
        String kind,
        BigDecimal amount,
        BigDecimal payoffAtRecovery,
        BigDecimal recoveryCosts,
        BigDecimal netProceeds,
        LocalDate saleDate) {

    /** The adjustment of a case's final account review. */
    public static RepoAdjustment of(String caseId, String leaseId, String caseNumber, LocalDate saleDate, FinalAccountReview review) {
        String kind = review.deficiency().signum() > 0 ? "DEFICIENCY" : review.surplus().signum() > 0 ? "SURPLUS" : "SETTLED";
        return new RepoAdjustment(caseId, leaseId, caseNumber, kind, review.deficiency().signum() > 0 ? review.deficiency()
                : review.surplus(), review.payoffAtRecovery(), review.totalCosts(), review.netProceeds(), saleDate);
    }
}
