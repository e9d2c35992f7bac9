package io.leasebridge.gps.rules;

import io.leasebridge.model.GpsFix;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;

/**
 * The alert rules on a vehicle's last accepted fix. Pure: the caller supplies the fix, the garaging facts,
 * where the vehicle came to rest, and the time.
 */
public final class GpsRules {

    private final GpsRuleSettings settings;
    private final StateBoundaries states;

    public GpsRules(GpsRuleSettings settings, StateBoundaries states) {
        this.settings = settings;
        this.states = states;
    }

    public GpsRuleSettings settings() {
        return settings;
    }

    /**
     * A fix is taken only when it is newer than the last one accepted; an older or the same one is ignored. A last fix
     * dated after {@code latestPlausible} (the clock plus its skew tolerance), kept before such times were refused,
     * gives way to any fix, or it would shut out every real one.
     */
    public static boolean isNewer(GpsFix known, GpsFix incoming, Instant latestPlausible) {
        return known == null || known.locatedAt().isAfter(latestPlausible) || incoming.locatedAt().isAfter(known.locatedAt());
    }

    public Motion motion(Motion before, GpsFix fix) {
        return Motion.after(before, fix, settings.stationaryToleranceMeters());
    }

    public GpsAssessment assess(Garaging garaging, GpsFix fix, Motion motion, Instant now) {
        Map<AlertType, String> holding = new EnumMap<>(AlertType.class);
        Map<AlertType, String> skipped = new EnumMap<>(AlertType.class);
        double lat = fix.latitude().doubleValue();
        double lon = fix.longitude().doubleValue();

        if (garaging.state() == null || garaging.state().isBlank()) {
            skipped.put(AlertType.OUT_OF_STATE, "no garaging state");
        } else if (!states.knows(garaging.state())) {
            skipped.put(AlertType.OUT_OF_STATE, "no boundary for garaging state '" + garaging.state() + "'");
        } else if (!states.contains(garaging.state(), lat, lon, settings.stateBorderToleranceKm())) {
            String where = states.stateAt(lat, lon).map(s -> "in " + s).orElse("outside the United States");
            holding.put(AlertType.OUT_OF_STATE, "located " + where + ", garaged in " + garaging.state().toUpperCase(Locale.ROOT)
                    + " (" + coordinates(fix) + " at " + fix.locatedAt() + ")");
        }

        if (!garaging.hasCoordinates()) {
            skipped.put(AlertType.OUT_OF_RADIUS, "no garaging coordinates in the export");
        } else {
            double miles = Distances.miles(garaging.latitude().doubleValue(), garaging.longitude().doubleValue(), lat, lon);
            if (miles > settings.radiusMiles()) {
                holding.put(AlertType.OUT_OF_RADIUS, String.format(Locale.ROOT, "%.1f miles from the garaging address (limit %s) at %s",
                        miles, trim(settings.radiusMiles()), fix.locatedAt()));
            }
        }

        Duration still = motion == null ? Duration.ZERO : Duration.between(motion.stillSince(), fix.locatedAt());
        if (still.compareTo(settings.notMovingAfter()) >= 0) {
            holding.put(AlertType.NOT_MOVING, "not moved more than " + trim(settings.stationaryToleranceMeters()) + " m since "
                    + motion.stillSince() + " (" + span(still) + ")");
        }

        Duration quiet = Duration.between(fix.locatedAt(), now);
        if (quiet.compareTo(settings.silentAfter()) >= 0) {
            holding.put(AlertType.SILENT, "no report since " + fix.locatedAt() + " (" + span(quiet) + ")");
        }

        GpsStatus status = holding.containsKey(AlertType.SILENT) ? GpsStatus.SILENT
                : holding.containsKey(AlertType.NOT_MOVING) ? GpsStatus.STATIONARY : GpsStatus.REPORTING;
        return new GpsAssessment(holding, skipped, status);
    }

    /** 9 days, 50 hours, 12 minutes: the largest unit that reads naturally. */
    static String span(Duration d) {
        if (d.toDays() >= 3) {
            return d.toDays() + " days";
        }
        if (d.toHours() >= 1) {
            return d.toHours() + " hours";
        }
        return d.toMinutes() == 1 ? "1 minute" : d.toMinutes() + " minutes";
    }

    private static String coordinates(GpsFix fix) {
        return fix.latitude().toPlainString() + ", " + fix.longitude().toPlainString();
    }

    private static String trim(double value) {
        return value == Math.rint(value) ? String.valueOf((long) value) : String.valueOf(value);
    }
}
