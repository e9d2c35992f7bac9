package io.leasebridge.fleetrock;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import java.net.URI;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;

/**
 * The FleetRock account LeaseBridge reads repair orders from. Without {@code base-url} FleetRock is not
 * configured: its flows are skipped (one line at start-up says so). FleetRock publishes little, so every path,
 * event name and date format is configuration.
 *
 * @param baseUrl          e.g. {@code https://fleetrock.example.com}; empty: FleetRock is not used
 * @param username         the API user ({@code GetToken?username=})
 * @param key              the API key ({@code GetToken?key=}), from the environment ({@code FLEETROCK_API_KEY})
 * @param tokenPath        the token endpoint
 * @param repairOrdersPath the repair order list endpoint
 * @param events           the {@code event} values polled, one request per event and window
 * @param window           the longest date window of one request
 * @param overlap          how far before the last committed poll each window starts again
 * @param initialLookback  how far back the first poll (no watermark yet) starts
 * @param tokenTtl         how long a token is used before a new one is fetched (shorter when FleetRock says so)
 * @param zone             the zone FleetRock's dates without an offset are in
 * @param queryDateFormat  how {@code start} and {@code end} are written
 * @param webhook          FleetRock's pushes to LeaseBridge
 * @param retry            how a call that failed for a passing reason (timeout, 5xx, 429) is tried again
 */
@Validated
@ConfigurationProperties("leasebridge.fleetrock")
public record FleetRockProperties(
        URI baseUrl,
        String username,
        String key,
        @DefaultValue("/API/GetToken") @NotBlank String tokenPath,
        @DefaultValue("/API/GetRO") @NotBlank String repairOrdersPath,
        @DefaultValue({"created", "finished", "invoiced"}) @NotEmpty List<@NotBlank String> events,
        @DefaultValue("1d") @NotNull Duration window,
        @DefaultValue("2h") @NotNull Duration overlap,
        @DefaultValue("7d") @NotNull Duration initialLookback,
        @DefaultValue("50m") @NotNull Duration tokenTtl,
        @DefaultValue("UTC") @NotNull ZoneId zone,
        @DefaultValue("yyyy-MM-dd HH:mm:ss") @NotBlank String queryDateFormat,
        @DefaultValue @Valid @NotNull Webhook webhook,
        @DefaultValue @Valid @NotNull Retry retry) {

    public FleetRockProperties {
        if (baseUrl != null && !baseUrl.toString().isBlank()) {
            if (username == null || username.isBlank()) {
                throw new IllegalArgumentException("leasebridge.fleetrock.username is required when leasebridge.fleetrock.base-url is set");
            }
            if (key == null || key.isBlank()) {
                throw new IllegalArgumentException("leasebridge.fleetrock.key (FLEETROCK_API_KEY) is required when leasebridge.fleetrock.base-url is set");
            }
        }
        if (window.isZero() || window.isNegative()) {
            throw new IllegalArgumentException("leasebridge.fleetrock.window must be positive");
        }
    }

    public boolean configured() {
        return baseUrl != null && !baseUrl.toString().isBlank();
    }

    @Override
    public String toString() {
        return "FleetRockProperties[baseUrl=" + baseUrl + ", username=" + username + ", key=****, events=" + events + "]";
    }

    /**
     * @param maxRedeliveries redeliveries of one call after the first attempt
     * @param initialDelay    wait before the first redelivery; doubles each time
     * @param maxDelay        the longest wait between redeliveries
     */
    public record Retry(
            @DefaultValue("3") @Min(0) int maxRedeliveries,
            @DefaultValue("1s") @NotNull Duration initialDelay,
            @DefaultValue("30s") @NotNull Duration maxDelay) {
    }

    /**
     * @param path         where LeaseBridge listens for FleetRock's pushes
     * @param secret       the shared secret FleetRock sends with each push ({@code FLEETROCK_WEBHOOK_SECRET}); empty:
     *                     the webhook is not served
     * @param secretHeader the request header that carries it
     * @param events       the {@code event} values of a push LeaseBridge applies; any other is refused (400)
     */
    public record Webhook(
            @DefaultValue("/webhooks/fleetrock") @NotBlank String path,
            String secret,
            @DefaultValue("X-FleetRock-Secret") @NotBlank String secretHeader,
            @DefaultValue({"ro.created", "ro.updated", "ro.finished", "ro.invoiced"}) @NotEmpty List<@NotBlank String> events) {

        public Webhook {
            if (path != null && !path.startsWith("/webhooks/")) {
                // only /webhooks/** is left by Spring Security to the WebhookGuard, which checks the secret
                throw new IllegalArgumentException("leasebridge.fleetrock.webhook.path must start with /webhooks/, is " + path);
            }
        }

        public boolean enabled() {
            return secret != null && !secret.isBlank();
        }

        @Override
        public String toString() {
            return "Webhook[path=" + path + ", secret=****, secretHeader=" + secretHeader + "]";
        }
    }
}
