package io.leasebridge.contact;

import java.time.Instant;

/**
 * Where a lease stands against the contact limits at one moment.
 *
 * @param callAttempts7D       call attempts within the attempt period before that moment
 * @param lastConversationAt   the last telephone conversation, null if none is known
 * @param nextContactAllowedAt the earliest moment from then on that a call is allowed; null while a call is never allowed
 *                             (do not call, no known time zone)
 * @param blockedReason        why no call is allowed at that moment, null when one is
 * @param validUntil           the moment the standing may change with no new activity (an attempt leaving the
 *                             period, a pause ending, calling hours opening or closing); null if never
 */
public record ContactStanding(int callAttempts7D, Instant lastConversationAt, Instant nextContactAllowedAt, String blockedReason,
                              Instant validUntil) {

    public boolean callAllowed() {
        return blockedReason == null;
    }
}
