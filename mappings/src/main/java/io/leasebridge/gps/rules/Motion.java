package io.leasebridge.gps.rules;

import io.leasebridge.model.GpsFix;

import java.math.BigDecimal;
import java.time.Instant;

/** Where a vehicle last came to rest and since when it has stayed there. */
public record Motion(BigDecimal anchorLatitude, BigDecimal anchorLongitude, Instant stillSince) {

    /** The motion after a newer fix: a move beyond the tolerance re-anchors at the fix. */
    public static Motion after(Motion before, GpsFix fix, double toleranceMeters) {
        if (before == null || Distances.meters(before.anchorLatitude.doubleValue(), before.anchorLongitude.doubleValue(),
                fix.latitude().doubleValue(), fix.longitude().doubleValue()) > toleranceMeters) {
            return new Motion(fix.latitude(), fix.longitude(), fix.locatedAt());
        }
        return before;
    }
}
