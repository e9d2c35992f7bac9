package io.leasebridge.flow;

/** What replaying one dead letter did. */
public record ReplayOutcome(long deadLetterId, boolean replayed, String detail) {
}
