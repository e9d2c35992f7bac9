package io.leasebridge.connectors.gps.spireon;

import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.net.URI;
import java.time.Duration;
import java.time.ZoneId;

/**
 * How to reach Spireon NSpire / GoldStar ({@code leasebridge.gps.spireon.*}). The identity service issues a user
 * token for HTTP Basic credentials and the application token ({@code X-Nspire-AppToken}); asset calls carry both
 * tokens. Paths and response fields are configuration: Spireon's public documentation is thin.
 *
 * @param identityUrl     where the identity service lives, when not on the API's host
 * @param assetPath       the asset, its last location included; {@code {id}} is the asset id
 * @param eventsPath      the asset's events between {@code startDate} and {@code endDate}
 * @param eventsField     JSON pointer to the array of events in the events response
 */
public record SpireonSettings(
        @NotNull URI baseUrl,
        URI identityUrl,
        @DefaultValue("/identity/token") @NotBlank String identityPath,
        @NotBlank String appToken,
        @NotBlank String username,
        @NotBlank String password,
        @DefaultValue("/assets/{id}") @NotBlank String assetPath,
        @DefaultValue("/assets/{id}/events") @NotBlank String eventsPath,
        @DefaultValue("/lastLocation/lat") @NotBlank String latitudeField,
        @DefaultValue("/lastLocation/lng") @NotBlank String longitudeField,
        @DefaultValue("/lastLocation/date") @NotBlank String locatedAtField,
        @DefaultValue("/content") @NotBlank String eventsField,
        @DefaultValue("/location/lat") @NotBlank String eventLatitudeField,
        @DefaultValue("/location/lng") @NotBlank String eventLongitudeField,
        @DefaultValue("/date") @NotBlank String eventLocatedAtField,
        @DefaultValue("UTC") @NotNull ZoneId zone,
        @DefaultValue("5") @DecimalMin("0.01") double requestsPerSecond,
        @DefaultValue("2") @Min(1) int maxConcurrent,
        @DefaultValue("2") @Min(0) int rateLimitedRetries,
        @DefaultValue("30s") @NotNull Duration maxRetryAfter) {

    public URI identityBaseUrl() {
        return identityUrl != null ? identityUrl : baseUrl;
    }

    @Override
    public String toString() {
        return "SpireonSettings[baseUrl=" + baseUrl + ", username=(set), password=(secret), appToken=(secret)]";
    }
}
