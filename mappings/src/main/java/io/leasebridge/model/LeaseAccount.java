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
        @MaxLength(64) String leaseId,
        @MaxLength(64) String customerId,
        @MaxLength(255) String status,
        LocalDate nextDueDate,
        int daysPastDue,
        @Numeric(precision = 16, scale = 2) BigDecimal pastDueAmount,
        @Numeric(precision = 16, scale = 2) BigDecimal lateFees,
        @Numeric(precision = 16, scale = 2) BigDecimal payoffBalance,
        int paymentsMade,
        LocalDate lastPaymentDate,
        @Numeric(precision = 16, scale = 2) BigDecimal lastPaymentAmount,
        @MaxLength(255) String collector,
        @MaxLength(17) String vin,
        Boolean gpsDisclosure,
        @MaxLength(2) String garagingState,
        @Numeric(precision = 9, scale = 6) @Range(min = "-90", max = "90") BigDecimal garagingLatitude,
        @Numeric(precision = 9, scale = 6) @Range(min = "-180", max = "180") BigDecimal garagingLongitude) {
}
