package io.leasebridge.risk;

import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;

/**
 * The weights and thresholds of the recovery risk rules ({@code leasebridge.risk.*}).
 *
 * @param daysPastDuePoints   points by the least days past due that earn them (30: 15 means 30 days or more earn 15);
 *                            only the highest band reached counts
 * @param trendDays           how far back the days-past-due trend looks
 * @param risingMinDays       days past due must have grown by at least this much over {@code trendDays} to count as rising
 * @param risingPoints        points for a rising trend
 * @param brokenWindowDays    broken promises judged within this many days count
 * @param brokenPromisePoints points for each broken promise in the window, up to {@code brokenPromiseMaxCounted} of them
 * @param repeatBreakerMin    this many broken promises in the window make a repeat breaker
 * @param repeatBreakerPoints points for being a repeat breaker, on top of the points per promise
 * @param gpsAlertPoints      points by open GPS alert type (OUT_OF_STATE, OUT_OF_RADIUS, SILENT, NOT_MOVING)
 * @param noGpsDisclosurePoints  points when no GPS disclosure is on file (no location can be pulled)
 * @param contactBlockedPoints   points when the customer may be neither called nor texted
 * @param promiseDueTodayPoints  points when a promise falls due today (the day to watch the payment)
 * @param mediumAt            a score of at least this is MEDIUM
 * @param highAt              a score of at least this is HIGH
 * @param maxReasons          how many reasons, the weightiest first, the lease shows
 */
public record RiskSettings(Map<Integer, Integer> daysPastDuePoints, int trendDays, int risingMinDays, int risingPoints,
                           int brokenWindowDays, int brokenPromisePoints, int brokenPromiseMaxCounted,
                           int repeatBreakerMin, int repeatBreakerPoints, Map<String, Integer> gpsAlertPoints,
                           int noGpsDisclosurePoints, int contactBlockedPoints, int promiseDueTodayPoints,
                           int mediumAt, int highAt, int maxReasons) {

    public RiskSettings {
        daysPastDuePoints = Map.copyOf(daysPastDuePoints);
        gpsAlertPoints = Map.copyOf(gpsAlertPoints);
        if (mediumAt > highAt) {
            throw new IllegalArgumentException("leasebridge.risk.medium-at (" + mediumAt + ") is above leasebridge.risk.high-at ("
                    + highAt + ")");
        }
    }

    /** The shipped defaults: what {@code leasebridge.risk.*} holds unless a deployment sets it. */
    public static RiskSettings defaults() {
        return new RiskSettings(Map.of(30, 15, 60, 30, 90, 45), 30, 15, 10, 90, 15, 3, 2, 15,
                Map.of("OUT_OF_STATE", 25, "OUT_OF_RADIUS", 15, "SILENT", 20, "NOT_MOVING", 10),
                10, 10, 5, 30, 60, 3);
    }

    NavigableMap<Integer, Integer> daysPastDueBands() {
        return new TreeMap<>(daysPastDuePoints);
    }
}
