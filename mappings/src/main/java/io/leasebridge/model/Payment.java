package io.leasebridge.model;

import java.math.BigDecimal;
import java.time.LocalDate;

/** A payment received on a lease; {@code reversalOf} names the payment a reversal undoes. */
public record Payment(
        @MaxLength(64) String paymentId,
        @MaxLength(64) String leaseId,
        @Numeric(precision = 16, scale = 2) BigDecimal amount,
        LocalDate receivedDate,
        @MaxLength(255) String method,
        @MaxLength(64) String reversalOf) {

    public boolean isReversal() {
        return reversalOf != null;
    }
}
