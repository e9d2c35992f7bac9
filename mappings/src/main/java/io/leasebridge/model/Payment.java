package io.leasebridge.model;

import java.math.BigDecimal;
import java.time.LocalDate;

/** A payment received on a lease; {@code reversalOf} names the payment a reversal undoes. */
public record Payment(
        String paymentId,
        String leaseId,
        BigDecimal amount,
        LocalDate receivedDate,
        String method,
        String reversalOf) {

    public boolean isReversal() {
        return reversalOf != null;
    }
}
