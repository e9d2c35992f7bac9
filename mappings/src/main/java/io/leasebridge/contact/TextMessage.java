package io.leasebridge.contact;

import java.time.Instant;

/**
 * A text message about the lease, as the org's SMS object shows it.
 *
 * @param inbound whether the customer sent it (a reply), not the lessor
 */
public record TextMessage(Instant at, boolean inbound) {
}
