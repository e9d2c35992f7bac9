package io.leasebridge.model;

import java.math.BigDecimal;
import java.time.LocalDate;

/** One lease contract and its collections position as of the last LeaseWorks export. */
public record LeaseAccount(
        String leaseId,
        String customerId,
        String status,
        LocalDate nextDueDate,
        int daysPastDue,
        BigDecimal pastDueAmount,
        BigDecimal lateFees,
        BigDecimal payoffBalance,
        int paymentsMade,
        LocalDate lastPaymentDate,
        BigDecimal lastPaymentAmount,
        String collector,
        String vin) {
}
