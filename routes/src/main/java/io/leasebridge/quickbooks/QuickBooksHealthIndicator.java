package io.leasebridge.quickbooks;

import io.leasebridge.connectors.quickbooks.QuickBooksTokens;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;

/** {@code quickBooks} in /actuator/health: DOWN with "reconnect QuickBooks" once Intuit refused the refresh token. */
class QuickBooksHealthIndicator implements HealthIndicator {

    private final QuickBooksStatus status;
    private final QuickBooksTokens tokens;
    private final QuickBooksOutbox outbox;

    QuickBooksHealthIndicator(QuickBooksStatus status, QuickBooksTokens tokens, QuickBooksOutbox outbox) {
        this.status = status;
        this.tokens = tokens;
        this.outbox = outbox;
    }

    @Override
    public Health health() {
        QuickBooksStatus.Snapshot s = status.snapshot();
        Health.Builder health = s.reconnectReason() != null || tokens.reconnectReason() != null ? Health.down() : Health.up();
        if (s.reconnectReason() != null) {
            health.withDetail("error", s.reconnectReason());
        } else if (tokens.reconnectReason() != null) {
            health.withDetail("error", "reconnect QuickBooks: " + tokens.reconnectReason());
        }
        if (s.lastSuccessAt() != null) {
            health.withDetail("lastSuccessAt", s.lastSuccessAt().toString());
        }
        if (s.lastErrorAt() != null) {
            health.withDetail("lastErrorAt", s.lastErrorAt().toString()).withDetail("lastError", s.lastError());
        }
        return health.withDetail("pending", outbox.countByStatus(QuickBooksOutbox.PENDING))
                .withDetail("failed", outbox.countByStatus(QuickBooksOutbox.FAILED))
                .build();
    }
}
