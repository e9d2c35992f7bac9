package io.leasebridge.admin;

import java.time.Instant;

/**
 * A dead letter as the queue lists it: which flow, what record, where it came from, why it failed, how often it was
 * tried, and what its last replay did.
 *
 * @param status        OPEN (waiting for a fix or a replay), REPLAYED, or RESOLVED (the record arrived valid later)
 * @param replayOutcome what the last replay did; a replay that failed again leaves the entry OPEN with the new reason
 */
public record DeadLetterEntry(long id, String flow, String recordType, String recordKey, String sourceFile, Long sourceLine,
                              String field, String errorCode, String reason, int attempts, String status, Long runId,
                              Instant createdAt, Instant updatedAt, Instant replayedAt, String replayOutcome) {
}
