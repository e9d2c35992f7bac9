package io.leasebridge.connectors.quickbooks;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * How LeaseBridge reaches one QuickBooks Online company. Without {@code base-url} and {@code realm-id}
 * QuickBooks is not configured and its flows are skipped; once it is, the credentials and the token
 * encryption key are required (from the environment: {@code QUICKBOOKS_CLIENT_SECRET} and so on).
 *
 * @param baseUrl             the accounting API, {@code https://quickbooks.api.intuit.com} (sandbox companies:
 *                            {@code https://sandbox-quickbooks.api.intuit.com})
 * @param tokenUrl            Intuit's OAuth 2.0 token endpoint
 * @param realmId             the company id
 * @param clientId            the app's client id
 * @param clientSecret        the app's client secret
 * @param refreshToken        the refresh token of the first connection; used only while the hub holds none,
 *                            afterwards the hub keeps the newest one (tokens rotate)
 * @param tokenEncryptionKey  base64 AES key (16, 24 or 32 bytes) that encrypts the stored refresh token
 * @param minorVersion        the {@code minorversion} sent with every call (at least 75)
 * @param refreshBefore       an access token is refreshed this long before it expires
 * @param responseTimeout     a call without an answer by then counts as lost (its outcome is unknown)
 * @param mappingFile         accounts, items and classes postings use ({@code config/mappings/quickbooks.yml})
 * @param limits              what QuickBooks allows per company
 * @param retry               how a failed posting is tried again
 * @param batchSize           postings drained per run
 * @param workers             postings sent at once (the limits still hold the calls to what QuickBooks allows)
 * @param zone                the zone whose calendar dates every document (an evening Bill stays on its day);
 *                            unset, the lessor's ({@code leasebridge.ledger.zone})
 */
@Validated
@ConfigurationProperties("leasebridge.quickbooks")
public record QuickBooksProperties(
        URI baseUrl,
        @DefaultValue("https://oauth.platform.intuit.com/oauth2/v1/tokens/bearer") @NotNull URI tokenUrl,
        String realmId,
        String clientId,
        String clientSecret,
        String refreshToken,
        String tokenEncryptionKey,
        @DefaultValue("75") @Min(75) int minorVersion,
        @DefaultValue("5m") @NotNull Duration refreshBefore,
        @DefaultValue("30s") @NotNull Duration responseTimeout,
        @DefaultValue("config/mappings/quickbooks.yml") @NotNull Path mappingFile,
        @DefaultValue @NotNull @Valid Limits limits,
        @DefaultValue @NotNull @Valid Retry retry,
        @DefaultValue("500") @Min(1) int batchSize,
        @DefaultValue("16") @Min(1) int workers,
        java.time.ZoneId zone) {

    /**
     * @param requestsPerPeriod calls allowed per period per company (QuickBooks: 500 a minute)
     * @param period            the period
     * @param concurrentCalls   calls in flight at once per company (QuickBooks: 10)
     * @param maxWait           how long a call waits for a permit before the posting is left for later
     */
    public record Limits(
            @DefaultValue("500") @Min(1) int requestsPerPeriod,
            @DefaultValue("1m") @NotNull Duration period,
            @DefaultValue("10") @Min(1) @Max(10) int concurrentCalls,
            @DefaultValue("10m") @NotNull Duration maxWait) {
    }

    /**
     * @param maxAttempts      tries of one posting in one run when QuickBooks cannot be reached or fails (5xx)
     * @param delay            wait before the next try (doubles each time)
     * @param throttledRetries tries after a 429 (ThrottleExceeded) before the posting is left for later
     * @param throttleWait     wait after a 429 that gives no Retry-After
     */
    public record Retry(
            @DefaultValue("3") @Min(1) int maxAttempts,
            @DefaultValue("2s") @NotNull Duration delay,
            @DefaultValue("5") @Min(0) int throttledRetries,
            @DefaultValue("10s") @NotNull Duration throttleWait) {
    }

    /** QuickBooks is meant to be used: a company and an API address are set. */
    public boolean configured() {
        return baseUrl != null && realmId != null && !realmId.isBlank();
    }

    /** The properties a configured QuickBooks connection still lacks, by their names. */
    public List<String> missing() {
        List<String> missing = new ArrayList<>();
        if (baseUrl == null) {
            missing.add("leasebridge.quickbooks.base-url");
        }
        if (realmId == null || realmId.isBlank()) {
            missing.add("leasebridge.quickbooks.realm-id");
        }
        if (clientId == null || clientId.isBlank()) {
            missing.add("leasebridge.quickbooks.client-id");
        }
        if (clientSecret == null || clientSecret.isBlank()) {
            missing.add("leasebridge.quickbooks.client-secret");
        }
        if (tokenEncryptionKey == null || tokenEncryptionKey.isBlank()) {
            missing.add("leasebridge.quickbooks.token-encryption-key");
        }
        return missing;
    }

    @Override
    public String toString() {
        return "QuickBooksProperties[baseUrl=" + baseUrl + ", realmId=" + realmId + ", minorVersion=" + minorVersion + "]";
    }
}
