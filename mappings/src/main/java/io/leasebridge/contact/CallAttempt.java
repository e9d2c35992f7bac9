package io.leasebridge.contact;

import java.time.Instant;

/**
 * A call placed to the customer about the lease, as Salesforce's activity shows it.
 *
 * @param conversation whether the collector spoke with the customer (not a voicemail, no answer or busy line)
 */
public record CallAttempt(Instant at, boolean conversation) {
}
