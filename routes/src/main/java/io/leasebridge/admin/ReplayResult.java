package io.leasebridge.admin;

/**
 * What replaying one dead letter did.
 *
 * @param replayed true when it went through its flow again (applied to the hub, or queued for Salesforce again)
 * @param detail   the outcome, or why it failed again
 * @param status   the dead letter's status afterwards: REPLAYED, or OPEN when it failed again
 * @param attempts how often it has been tried, this replay included
 */
public record ReplayResult(long deadLetterId, boolean replayed, String detail, String status, int attempts) {
}
