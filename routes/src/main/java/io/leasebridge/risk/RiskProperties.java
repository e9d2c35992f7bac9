package io.leasebridge.risk;

import io.leasebridge.gps.rules.AlertType;
import io.leasebridge.risk.RiskSettings;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The recovery risk rules ({@code leasebridge.risk.*}): the points each rule adds and where the levels begin. A map
 * set in configuration replaces its default whole: the bands or alert types it leaves out earn nothing.
 *
 * @param daysPastDuePoints   least days past due -> points ({@code [30]: 15}); the highest band reached counts
 * @param trendDays           how far back the days-past-due trend looks
 * @param risingMinDays       days past due grown by at least this over {@code trendDays} counts as rising
 * @param risingPoints        points for rising days past due
 * @param brokenWindowDays    broken promises judged within this many days count
 * @param brokenPromisePoints points per broken promise in the window
 * @param brokenPromiseMaxCounted at most this many broken promises earn points
 * @param repeatBreakerMin    this many broken promises in the window make a repeat breaker
 * @param repeatBreakerPoints points for a repeat breaker, on top of those per promise
 * @param gpsAlertPoints      open GPS alert type -> points ({@code out-of-state: 25})
 * @param noGpsDisclosurePoints points when no GPS disclosure is on file
 * @param contactBlockedPoints points when the customer may be neither called nor texted
 * @param promiseDueTodayPoints points when a promise falls due today
 * @param mediumAt            a score of at least this is MEDIUM
 * @param highAt              a score of at least this is HIGH, and opens a Task for the collector
 * @param maxReasons          how many reasons Recovery_Risk_Reasons__c shows, the weightiest first
 * @param endedLeaseStatuses  LeaseWorks contract statuses of leases that carry no risk ("Paid Off" matches PAID_OFF)
 * @param batchSize           how many leases the review reads, assesses and saves at a time: its memory, whatever the
 *                            portfolio's size
 */
@Validated
@ConfigurationProperties("leasebridge.risk")
public record RiskProperties(
        Map<Integer, Integer> daysPastDuePoints,
        @DefaultValue("30") @Min(1) int trendDays,
        @DefaultValue("15") @Min(1) int risingMinDays,
        @DefaultValue("10") @Min(0) int risingPoints,
        @DefaultValue("90") @Min(1) int brokenWindowDays,
        @DefaultValue("15") @Min(0) int brokenPromisePoints,
        @DefaultValue("3") @Min(1) int brokenPromiseMaxCounted,
        @DefaultValue("2") @Min(1) int repeatBreakerMin,
        @DefaultValue("15") @Min(0) int repeatBreakerPoints,
        Map<AlertType, Integer> gpsAlertPoints,
        @DefaultValue("10") @Min(0) int noGpsDisclosurePoints,
        @DefaultValue("10") @Min(0) int contactBlockedPoints,
        @DefaultValue("5") @Min(0) int promiseDueTodayPoints,
        @DefaultValue("30") @Min(1) int mediumAt,
        @DefaultValue("60") @Min(1) int highAt,
        @DefaultValue("3") @Min(1) int maxReasons,
        @DefaultValue({"PAID_OFF", "CLOSED"}) @NotNull Set<String> endedLeaseStatuses,
        @DefaultValue("500") @Min(1) int batchSize) {

    public RiskProperties {
        if (daysPastDuePoints == null || daysPastDuePoints.isEmpty()) {
            daysPastDuePoints = RiskSettings.defaults().daysPastDuePoints();
        }
        if (gpsAlertPoints == null || gpsAlertPoints.isEmpty()) {
            Map<AlertType, Integer> defaults = new LinkedHashMap<>();
            RiskSettings.defaults().gpsAlertPoints().forEach((type, points) -> defaults.put(AlertType.valueOf(type), points));
            gpsAlertPoints = defaults;
        }
    }

    public RiskSettings settings() {
        Map<String, Integer> alerts = new LinkedHashMap<>();
        gpsAlertPoints.forEach((type, points) -> alerts.put(type.name(), points));
        return new RiskSettings(daysPastDuePoints, trendDays, risingMinDays, risingPoints, brokenWindowDays, brokenPromisePoints,
                brokenPromiseMaxCounted, repeatBreakerMin, repeatBreakerPoints, alerts, noGpsDisclosurePoints,
                contactBlockedPoints, promiseDueTodayPoints, mediumAt, highAt, maxReasons);
    }

    /** Whether a LeaseWorks contract status ends the lease: "Paid Off", "paid-off" and PAID_OFF alike. */
    public boolean ended(String status) {
        if (status == null) {
            return false;
        }
        String canonical = status.trim().toUpperCase(java.util.Locale.ROOT).replaceAll("[^A-Z0-9]+", "_");
        return endedLeaseStatuses.stream().anyMatch(ended -> ended.equalsIgnoreCase(canonical));
    }
}
