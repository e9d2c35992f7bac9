package io.leasebridge.contact;

import java.time.Duration;
import java.time.LocalTime;

/**
 * The limits on calling a customer about a debt. The defaults are Regulation F's figures (12 CFR 1006.6(b)(1)(i):
 * not before 8am nor after 9pm at the consumer's location; 1006.14(b)(2): no more than seven call attempts within
 * seven consecutive days, none within seven days after a telephone conversation).
 *
 * @param earliest               the first local time a call may be placed
 * @param latest                 the local time from which no call may be placed (9:00pm itself is too late)
 * @param maxCallAttempts        call attempts allowed within {@code attemptPeriod}
 * @param attemptPeriod          the rolling period the attempts are counted over
 * @param pauseAfterConversation no call attempt for this long after a telephone conversation
 */
public record ContactLimits(LocalTime earliest, LocalTime latest, int maxCallAttempts, Duration attemptPeriod,
                            Duration pauseAfterConversation) {

    public static final ContactLimits REGULATION_F = new ContactLimits(LocalTime.of(8, 0), LocalTime.of(21, 0), 7,
            Duration.ofDays(7), Duration.ofDays(7));

    public ContactLimits {
        if (!earliest.isBefore(latest)) {
            throw new IllegalArgumentException("calling hours must start before they end: " + earliest + "-" + latest);
        }
        if (maxCallAttempts < 1) {
            throw new IllegalArgumentException("at least one call attempt must be allowed: " + maxCallAttempts);
        }
        if (attemptPeriod.isNegative() || pauseAfterConversation.isNegative()) {
            throw new IllegalArgumentException("periods cannot be negative");
        }
    }
}
