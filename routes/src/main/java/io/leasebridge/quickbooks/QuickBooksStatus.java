package io.leasebridge.quickbooks;

import java.time.Clock;
import java.time.Instant;

/** The QuickBooks connection as the last runs saw it, for health. */
class QuickBooksStatus {

    private final Clock clock;
    private Instant lastSuccessAt;
    private Instant lastErrorAt;
    private String lastError;
    private String reconnectReason;

    QuickBooksStatus(Clock clock) {
        this.clock = clock;
    }

    synchronized void succeeded() {
        lastSuccessAt = clock.instant();
        reconnectReason = null;
    }

    synchronized void failed(String error) {
        lastErrorAt = clock.instant();
        lastError = error;
    }

    synchronized void reconnectRequired(String message) {
        failed(message);
        reconnectReason = message;
    }

    synchronized Snapshot snapshot() {
        return new Snapshot(lastSuccessAt, lastErrorAt, lastError, reconnectReason);
    }

    record Snapshot(Instant lastSuccessAt, Instant lastErrorAt, String lastError, String reconnectReason) {
    }
}
