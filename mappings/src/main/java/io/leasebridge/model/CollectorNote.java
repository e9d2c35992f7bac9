package io.leasebridge.model;

import java.time.Instant;

/** A note a collector wrote on a lease in LeaseWorks. */
public record CollectorNote(
        @MaxLength(64) String noteId,
        @MaxLength(64) String leaseId,
        @MaxLength(255) String author,
        Instant notedAt,
        @MaxLength(131_072) String text) {
}
