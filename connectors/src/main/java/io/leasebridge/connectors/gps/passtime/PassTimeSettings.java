package io.leasebridge.connectors.gps.passtime;

import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.net.URI;
import java.time.Duration;
import java.time.ZoneId;

/**
 * How to reach PassTime ({@code leasebridge.gps.passtime.*}). PassTime publishes little of its API: every
 * path, parameter and response field is configuration, so a deployment can correct it without a release.
 *
 * @param tokenPath          OAuth 2.0 password grant
 * @param clientId           sent with the password grant when PassTime issued one
 * @param latitudeField      JSON pointers into the GetLastLocate response
 * @param zone               the zone of a locate time PassTime writes without an offset
 * @param requestsPerSecond  the most requests LeaseBridge sends PassTime per second
 * @param maxConcurrent      the most requests in flight at once
 * @param rateLimitedRetries how often a 429 is retried after its Retry-After before the call counts as failed
 * @param maxRetryAfter      the longest LeaseBridge waits on a Retry-After
 */
public record PassTimeSettings(
        @NotNull URI baseUrl,
        @DefaultValue("/token") @NotBlank String tokenPath,
        @NotBlank String username,
        @NotBlank String password,
        String clientId,
        @NotBlank String dealerNumber,
        @DefaultValue("/api/device/GetLastLocate") @NotBlank String locatePath,
        @DefaultValue("DealerNumber") @NotBlank String dealerParameter,
        @DefaultValue("SerialNumber") @NotBlank String serialParameter,
        @DefaultValue("/Latitude") @NotBlank String latitudeField,
        @DefaultValue("/Longitude") @NotBlank String longitudeField,
        @DefaultValue("/LocateDate") @NotBlank String locatedAtField,
        @DefaultValue("UTC") @NotNull ZoneId zone,
        @DefaultValue("5") @DecimalMin("0.01") double requestsPerSecond,
        @DefaultValue("2") @Min(1) int maxConcurrent,
        @DefaultValue("2") @Min(0) int rateLimitedRetries,
        @DefaultValue("30s") @NotNull Duration maxRetryAfter) {

    @Override
    public String toString() {
        return "PassTimeSettings[baseUrl=" + baseUrl + ", dealerNumber=" + dealerNumber + ", username=(set), password=(secret)]";
    }
}
