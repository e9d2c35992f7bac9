package io.leasebridge.gps;

import io.leasebridge.connectors.gps.passtime.PassTimeSettings;
import io.leasebridge.connectors.gps.spireon.SpireonSettings;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import java.time.Duration;
import java.util.Set;

/**
 * GPS tracking ({@code leasebridge.gps.*}): the lessor's policy, the vendors, the alert thresholds and how hard a
 * vendor may be pushed. A vendor without its block is not configured: its vehicles are skipped, said once at start-up.
 *
 * @param minDaysPastDue a lease must be at least this many days past due before its vehicle's location is pulled
 * @param endedDispositions  vehicle dispositions after which no location is pulled and open alerts close (the vehicle
 *                           is no longer the lessor's)
 * @param endedLeaseStatuses LeaseWorks contract statuses after which the same holds ("Paid Off" matches PAID_OFF)
 * @param pollTimeout    the longest one poll may wait for a vendor's turn (bulkhead) before the pull counts as failed
 * @param clockSkewTolerance how far a fix's time may lie ahead of LeaseBridge's clock (a vendor's or device's clock running
 *                           fast); a fix dated later is a MALFORMED_LOCATION dead letter, never the vehicle's last location
 */
@Validated
@ConfigurationProperties("leasebridge.gps")
public record GpsProperties(
        @DefaultValue("10") @Min(0) int minDaysPastDue,
        @DefaultValue({"SOLD", "CLOSED"}) @NotNull Set<String> endedDispositions,
        @DefaultValue({"PAID_OFF", "CLOSED"}) @NotNull Set<String> endedLeaseStatuses,
        @Valid PassTimeSettings passtime,
        @Valid SpireonSettings spireon,
        @Valid @DefaultValue Rules rules,
        @Valid @DefaultValue CircuitBreaker circuitBreaker,
        @DefaultValue("5m") @NotNull Duration pollTimeout,
        @DefaultValue("10m") @NotNull Duration clockSkewTolerance) {

    /** The alert thresholds; see {@code io.leasebridge.gps.rules.GpsRuleSettings}. */
    public record Rules(
            @DefaultValue("100") @DecimalMin("0") double radiusMiles,
            @DefaultValue("7d") @NotNull Duration notMovingAfter,
            @DefaultValue("200") @DecimalMin("0") double stationaryToleranceMeters,
            @DefaultValue("48h") @NotNull Duration silentAfter,
            @DefaultValue("1.0") @DecimalMin("0") double stateBorderToleranceKm) {
    }

    /**
     * One resilience4j circuit breaker per vendor: it opens when {@code failureRateThreshold} percent of the last
     * {@code slidingWindowSize} calls (at least {@code minimumNumberOfCalls}) failed, refuses calls for
     * {@code waitInOpenState}, then lets {@code permittedCallsInHalfOpenState} through to decide whether to close.
     */
    public record CircuitBreaker(
            @DefaultValue("50") @DecimalMin("1") float failureRateThreshold,
            @DefaultValue("10") @Min(1) int slidingWindowSize,
            @DefaultValue("5") @Min(1) int minimumNumberOfCalls,
            @DefaultValue("60s") @NotNull Duration waitInOpenState,
            @DefaultValue("2") @Min(1) int permittedCallsInHalfOpenState,
            @DefaultValue("30s") @NotNull Duration callTimeout) {
    }
}
