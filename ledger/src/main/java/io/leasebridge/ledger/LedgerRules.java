package io.leasebridge.ledger;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * How promises are judged.
 *
 * @param graceDays days after the promised date that payments still count and before the promise is judged
 * @param tolerance how much short of the promised amount still counts as kept
 * @param zone      the lessor's time zone: a promise entered at 23:30 there was made that day
 */
public record LedgerRules(int graceDays, BigDecimal tolerance, ZoneId zone) {

    public static final LedgerRules DEFAULT = new LedgerRules(2, new BigDecimal("1.00"), ZoneId.of("America/Chicago"));

    public LedgerRules {
        if (graceDays < 0) {
            throw new IllegalArgumentException("grace days cannot be negative: " + graceDays);
        }
        if (tolerance.signum() < 0) {
            throw new IllegalArgumentException("tolerance cannot be negative: " + tolerance);
        }
    }

    /** The last day a payment counts for the promise, and the day it is judged. */
    public LocalDate deadline(PromiseState promise) {
        return promise.promisedDate().plusDays(graceDays);
    }

    boolean isKept(PromiseState promise) {
        return promise.applied().signum() > 0 && promise.applied().compareTo(promise.amount().subtract(tolerance)) >= 0;
    }
}
