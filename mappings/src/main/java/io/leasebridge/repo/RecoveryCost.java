package io.leasebridge.repo;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Objects;

/**
 * One cost of a repossession case, as a {@code Recovery_Cost__c} record: entered in Salesforce, or derived (the
 * agent's fee, a FleetRock repair order on the case's vehicle).
 *
 * @param type    what it paid for
 * @param vendor  who is paid; the QuickBooks vendor of its Bill
 * @param amount  in currency scale, above zero
 * @param date    the invoice date
 * @param invoice the vendor's invoice number, may be null
 */
public record RecoveryCost(RecoveryCostType type, String vendor, BigDecimal amount, LocalDate date, String invoice) {

    public RecoveryCost {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(amount, "amount");
    }
}
