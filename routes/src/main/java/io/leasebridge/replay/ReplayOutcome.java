package io.leasebridge.replay;

/** What replaying one dead letter did. */
public record ReplayOutcome(long deadLetterId, boolean replayed, String detail) {
}
