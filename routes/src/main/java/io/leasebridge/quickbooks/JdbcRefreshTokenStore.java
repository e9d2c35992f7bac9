package io.leasebridge.quickbooks;

import io.leasebridge.connectors.quickbooks.RefreshTokenStore;
import io.leasebridge.connectors.quickbooks.TokenCipher;
import org.springframework.context.annotation.Conditional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The newest refresh token of each company in the hub ({@code qb_token}), AES-GCM encrypted; each save commits at once. */
@Repository
@Conditional(QuickBooksConfigured.class)
class JdbcRefreshTokenStore implements RefreshTokenStore {

    private final JdbcTemplate jdbc;
    private final TokenCipher cipher;
    private final Clock clock;

    JdbcRefreshTokenStore(JdbcTemplate jdbc, TokenCipher cipher, Clock clock) {
        this.jdbc = jdbc;
        this.cipher = cipher;
        this.clock = clock;
    }

    @Override
    public Optional<String> load(String realmId) {
        List<String> stored = jdbc.queryForList("select refresh_token_enc from qb_token where realm_id = ?", String.class, realmId);
        return stored.stream().findFirst().map(cipher::decrypt);
    }

    @Override
    public void save(String realmId, String refreshToken, Instant expiresAt) {
        String sealed = cipher.encrypt(refreshToken);
        Timestamp now = Timestamp.from(clock.instant());
        Timestamp expires = expiresAt == null ? null : Timestamp.from(expiresAt);
        if (jdbc.update("update qb_token set refresh_token_enc = ?, refresh_expires_at = ?, updated_at = ? where realm_id = ?",
                sealed, expires, now, realmId) == 0) {
            jdbc.update("insert into qb_token (realm_id, refresh_token_enc, refresh_expires_at, updated_at) values (?, ?, ?, ?)",
                    realmId, sealed, expires, now);
        }
    }
}
