package io.leasebridge.connectors.gps;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Supplier;

/**
 * A vendor's access token: fetched when first needed, reused until shortly before it expires, fetched again
 * after the vendor refused it. One fetch at a time, so parallel pulls never log in twice.
 */
public final class TokenCache {

    /** Fetch a new token this long before the vendor says the old one expires. */
    static final Duration EARLY_REFRESH = Duration.ofSeconds(60);

    public record Token(String value, Instant expiresAt) {
    }

    private final Supplier<Token> login;
    private final Clock clock;
    private Token current;

    public TokenCache(Supplier<Token> login, Clock clock) {
        this.login = login;
        this.clock = clock;
    }

    public synchronized String token() {
        if (current == null || !clock.instant().isBefore(current.expiresAt().minus(EARLY_REFRESH))) {
            current = login.get();
        }
        return current.value();
    }

    /** The vendor refused {@code token}: the next call logs in again, unless another thread already did. */
    public synchronized void refused(String token) {
        if (current != null && current.value().equals(token)) {
            current = null;
        }
    }
}
