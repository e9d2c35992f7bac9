package io.leasebridge.model;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * A promise as the ledger holds it, for the systems that show it (Salesforce's Promise_To_Pay__c).
 *
 * @param status OPEN, CANCELLED, KEPT, PARTIALLY_KEPT or BROKEN
 */
public record PromiseRecord(
        String promiseId,
        String leaseId,
        BigDecimal amount,
        LocalDate promisedDate,
        String status,
        BigDecimal amountApplied,
        LocalDate judgedOn,
        String madeBy,
        LocalDate madeOn,
        int amendedCount) {
}
