package io.leasebridge.gps.rules;

import java.time.Duration;

/**
 * The alert thresholds ({@code leasebridge.gps.rules.*}).
 *
 * @param radiusMiles              farther than this from the garaging address raises OUT_OF_RADIUS
 * @param notMovingAfter           staying within {@code stationaryToleranceMeters} this long raises NOT_MOVING
 * @param stationaryToleranceMeters how far a vehicle may drift (GPS noise) and still count as not moving
 * @param silentAfter              no fix for this long raises SILENT
 * @param stateBorderToleranceKm   how far outside its state's (simplified) boundary a fix may be and still count as inside
 */
public record GpsRuleSettings(double radiusMiles, Duration notMovingAfter, double stationaryToleranceMeters,
                              Duration silentAfter, double stateBorderToleranceKm) {
}
