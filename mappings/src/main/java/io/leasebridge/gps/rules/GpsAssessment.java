package io.leasebridge.gps.rules;

import java.util.Map;

/**
 * What the rules found on a vehicle's last fix.
 *
 * @param holding the conditions that hold now, each with what the rule saw
 * @param skipped the rules that could not be applied to this vehicle, each with why (they neither raise nor clear)
 */
public record GpsAssessment(Map<AlertType, String> holding, Map<AlertType, String> skipped, GpsStatus status) {

    /** Whether the rule ran and found its condition absent: an open alert of this type clears. */
    public boolean cleared(AlertType type) {
        return !holding.containsKey(type) && !skipped.containsKey(type);
    }
}
