package io.leasebridge.ledger;

import java.math.BigDecimal;
import java.time.LocalDate;

/** A row of the stored projection. */
public record ProjectedPromise(String promiseId, String leaseId, BigDecimal amount, LocalDate promisedDate, LocalDate madeOn,
                               String madeBy, PromiseStatus status, BigDecimal amountApplied, LocalDate judgedOn,
                               int amendedCount) {

    static ProjectedPromise of(PromiseState s) {
        return new ProjectedPromise(s.promiseId(), s.leaseId(), s.amount(), s.promisedDate(), s.madeOn(), s.madeBy(), s.status(),
                s.applied(), s.judgedOn(), s.amendedCount());
    }
}
