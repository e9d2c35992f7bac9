package io.leasebridge.hub;

import java.time.Instant;

/**
 * One write LeaseBridge made to an external system.
 *
 * @param operation    what was asked of the system, e.g. UPSERT
 * @param sourceRecord the hub record it came from, e.g. {@code sf_outbox:42 v3}
 * @param outcome      CREATED, UPDATED, REJECTED (for good) or RETRYING
 * @param detail       the system's id of the record, or its error
 */
public record ExternalWrite(long id, String system, String object, String externalId, String operation, String flow, Long runId,
                            String sourceRecord, String outcome, String detail, Instant writtenAt) {
}
