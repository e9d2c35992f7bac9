package io.leasebridge.model;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/**
 * A promise to pay as LeaseWorks shows it: the one current promise of a lease. LeaseWorks forgets it when
 * a collector enters the next one; the promise ledger keeps them all.
 */
public record Promise(
        @MaxLength(64) String leaseId,
        @Numeric(precision = 16, scale = 2) BigDecimal amount,
        LocalDate promisedDate,
        @MaxLength(255) String enteredBy,
        Instant enteredAt) {
}
