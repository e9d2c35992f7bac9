package io.leasebridge.model;

import java.time.Instant;

/** A note a collector wrote on a lease in LeaseWorks. */
public record CollectorNote(
        String noteId,
        String leaseId,
        String author,
        Instant notedAt,
        String text) {
}
