package io.leasebridge.model;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * One lease contract and its collections position as of the last LeaseWorks export.
 *
 * @param gpsDisclosure     whether the customer signed the GPS disclosure: without it no location is ever pulled
 * @param garagingState     where the vehicle is garaged (two-letter code); blank means the customer's state
 * @param garagingLatitude  the garaging address's coordinates, when the export has them
 */
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
        String vin,
        Boolean gpsDisclosure,
        String garagingState,
        BigDecimal garagingLatitude,
        BigDecimal garagingLongitude) {
}
