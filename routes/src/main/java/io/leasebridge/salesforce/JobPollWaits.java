package io.leasebridge.salesforce;

import java.time.Duration;

/**
 * The waits between reads of a Bulk job's state: the first after {@code first}, each next one twice as long, never
 * longer than {@code longest}. A job of a million rows takes minutes in Salesforce; reading its state every two
 * seconds would spend a hundred API calls on learning that it is not done yet.
 */
final class JobPollWaits {

    private final Duration longest;
    private Duration next;

    JobPollWaits(Duration first, Duration longest) {
        this.next = first;
        this.longest = longest.compareTo(first) < 0 ? first : longest;
    }

    Duration next() {
        Duration wait = next;
        Duration doubled = next.multipliedBy(2);
        next = doubled.compareTo(longest) > 0 ? longest : doubled;
        return wait;
    }
}
