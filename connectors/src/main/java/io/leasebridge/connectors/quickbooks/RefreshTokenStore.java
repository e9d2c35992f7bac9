package io.leasebridge.connectors.quickbooks;

import java.time.Instant;
import java.util.Optional;

/** Where the newest refresh token of each company is kept (the hub, encrypted). */
public interface RefreshTokenStore {

    Optional<String> load(String realmId);

    /** Must be durable when it returns: the old token may already be spent. */
    void save(String realmId, String refreshToken, Instant expiresAt);
}
