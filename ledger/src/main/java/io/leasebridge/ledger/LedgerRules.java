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
 * @param reversalWindowDays days after the deadline within which a reversal (NSF, ACH return) still takes back
 *                  what its payment gave a promise, and revises a verdict already given
 */
public record LedgerRules(int graceDays, BigDecimal tolerance, ZoneId zone, int reversalWindowDays) {

    public static final LedgerRules DEFAULT = new LedgerRules(2, new BigDecimal("1.00"), ZoneId.of("America/Chicago"));

    public LedgerRules(int graceDays, BigDecimal tolerance, ZoneId zone) {
        this(graceDays, tolerance, zone, 30);
    }

    public LedgerRules {
        if (reversalWindowDays < 0) {
            throw new IllegalArgumentException("reversal window cannot be negative: " + reversalWindowDays);
        }
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

    /** Whether a reversal on this day takes back what its payment gave the promise. */
    boolean reversalCounts(PromiseState promise, LocalDate reversedOn) {
        return !reversedOn.isAfter(deadline(promise).plusDays(reversalWindowDays));
    }

    /** What the promise's payments say of it now. */
    PromiseEventType verdict(PromiseState promise) {
        return isKept(promise) ? PromiseEventType.KEPT
                : promise.applied().signum() > 0 ? PromiseEventType.PARTIALLY_KEPT : PromiseEventType.BROKEN;
    }

    boolean isKept(PromiseState promise) {
        return promise.applied().signum() > 0 && promise.applied().compareTo(promise.amount().subtract(tolerance)) >= 0;
    }
}
