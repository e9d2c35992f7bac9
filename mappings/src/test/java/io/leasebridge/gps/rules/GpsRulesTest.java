package io.leasebridge.gps.rules;

import io.leasebridge.model.GpsFix;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/** Each rule at its threshold, with real places: Kansas City on the Kansas/Missouri line, Texarkana on Texas/Arkansas. */
class GpsRulesTest {

    private static final Instant T0 = Instant.parse("2026-11-20T12:00:00Z");
    private static final GpsRuleSettings SETTINGS = new GpsRuleSettings(50, Duration.ofDays(7), 200, Duration.ofHours(48), 0);
    private static StateBoundaries states;

    @BeforeAll
    static void loadBoundaries() {
        states = StateBoundaries.load();
    }

    private static GpsRules rules(GpsRuleSettings settings) {
        return new GpsRules(settings, states);
    }

    private static GpsFix fix(double lat, double lon, Instant at) {
        return new GpsFix("1HGCM82633A004352", "PASSTIME", "PT-1", BigDecimal.valueOf(lat), BigDecimal.valueOf(lon), at);
    }

    private static GpsAssessment assess(GpsRules rules, Garaging garaging, GpsFix fix) {
        return rules.assess(garaging, fix, new Motion(fix.latitude(), fix.longitude(), fix.locatedAt()), fix.locatedAt());
    }

    // --- out of state ---------------------------------------------------------------------------------------

    @Test
    void kansasCityEitherSideOfStateLineRoad() {
        Garaging kansas = new Garaging("KS", null, null);
        // State Line Road runs at about 94.6076 W; Overland Park side and Missouri side, a kilometre or so from it
        GpsAssessment inKansas = assess(rules(SETTINGS), kansas, fix(38.95, -94.62, T0));
        GpsAssessment inMissouri = assess(rules(SETTINGS), kansas, fix(38.95, -94.59, T0));

        assertThat(inKansas.holding()).doesNotContainKey(AlertType.OUT_OF_STATE);
        assertThat(inKansas.cleared(AlertType.OUT_OF_STATE)).isTrue();
        assertThat(inMissouri.holding()).containsKey(AlertType.OUT_OF_STATE);
        assertThat(inMissouri.holding().get(AlertType.OUT_OF_STATE)).startsWith("located in MO, garaged in KS");
    }

    @Test
    void texarkanaEitherSideOfStateLineAvenue() {
        Garaging texas = new Garaging("TX", null, null);

        assertThat(assess(rules(SETTINGS), texas, fix(33.43, -94.06, T0)).holding()).doesNotContainKey(AlertType.OUT_OF_STATE);
        assertThat(assess(rules(SETTINGS), texas, fix(33.43, -94.03, T0)).holding()).containsKey(AlertType.OUT_OF_STATE);
    }

    @Test
    void theBorderToleranceAbsorbsTheSimplifiedBoundaryButNotAClearCrossing() {
        GpsRules tolerant = rules(new GpsRuleSettings(50, Duration.ofDays(7), 200, Duration.ofHours(48), 1.5));
        Garaging kansas = new Garaging("KS", null, null);

        // about 0.5 km into Missouri: within 1.5 km of the line
        assertThat(assess(tolerant, kansas, fix(38.95, -94.602, T0)).holding()).doesNotContainKey(AlertType.OUT_OF_STATE);
        // about 3.5 km into Missouri
        assertThat(assess(tolerant, kansas, fix(38.95, -94.567, T0)).holding()).containsKey(AlertType.OUT_OF_STATE);
    }

    @Test
    void aFixAcrossTheMexicanBorderIsOutsideTheUnitedStates() {
        GpsAssessment tijuana = assess(rules(SETTINGS), new Garaging("CA", null, null), fix(32.5149, -117.0382, T0));

        assertThat(tijuana.holding().get(AlertType.OUT_OF_STATE)).startsWith("located outside the United States, garaged in CA");
    }

    @Test
    void withoutAKnownGaragingStateTheStateRuleIsSkippedNotCleared() {
        GpsAssessment none = assess(rules(SETTINGS), new Garaging(null, null, null), fix(38.95, -94.59, T0));
        GpsAssessment unknown = assess(rules(SETTINGS), new Garaging("ZZ", null, null), fix(38.95, -94.59, T0));

        assertThat(none.skipped()).containsEntry(AlertType.OUT_OF_STATE, "no garaging state");
        assertThat(none.cleared(AlertType.OUT_OF_STATE)).isFalse();
        assertThat(unknown.skipped().get(AlertType.OUT_OF_STATE)).contains("'ZZ'");
    }

    // --- radius ---------------------------------------------------------------------------------------------

    @Test
    void radiusFromTheGaragingAddressAtFiftyMiles() {
        Garaging chicago = new Garaging("IL", new BigDecimal("41.878113"), new BigDecimal("-87.629799"));
        // due north: one degree of latitude is about 69.09 miles
        double inside = 41.878113 + 49.9 / 69.0934;
        double outside = 41.878113 + 50.1 / 69.0934;

        GpsAssessment near = assess(rules(SETTINGS), chicago, fix(inside, -87.629799, T0));
        GpsAssessment far = assess(rules(SETTINGS), chicago, fix(outside, -87.629799, T0));

        assertThat(Distances.miles(41.878113, -87.629799, inside, -87.629799)).isBetween(49.85, 49.95);
        assertThat(near.holding()).doesNotContainKey(AlertType.OUT_OF_RADIUS);
        assertThat(far.holding().get(AlertType.OUT_OF_RADIUS)).startsWith("50.1 miles from the garaging address (limit 50)");
    }

    @Test
    void withoutGaragingCoordinatesTheRadiusRuleIsSkipped() {
        GpsAssessment assessment = assess(rules(SETTINGS), new Garaging("IL", null, null), fix(45.0, -87.6, T0));

        assertThat(assessment.skipped()).containsEntry(AlertType.OUT_OF_RADIUS, "no garaging coordinates in the export");
        assertThat(assessment.holding()).doesNotContainKey(AlertType.OUT_OF_RADIUS);
        assertThat(assessment.cleared(AlertType.OUT_OF_RADIUS)).isFalse();
    }

    // --- not moving -----------------------------------------------------------------------------------------

    @Test
    void notMovingForSevenDays() {
        GpsRules rules = rules(SETTINGS);
        Garaging kansas = new Garaging("KS", null, null);
        Motion resting = new Motion(new BigDecimal("38.950000"), new BigDecimal("-94.650000"), T0);
        GpsFix almost = fix(38.9505, -94.6505, T0.plus(Duration.ofDays(7)).minusSeconds(1));
        GpsFix week = fix(38.9505, -94.6505, T0.plus(Duration.ofDays(7)));

        assertThat(rules.assess(kansas, almost, rules.motion(resting, almost), almost.locatedAt()).holding())
                .doesNotContainKey(AlertType.NOT_MOVING);
        GpsAssessment stationary = rules.assess(kansas, week, rules.motion(resting, week), week.locatedAt());
        assertThat(stationary.holding()).containsKey(AlertType.NOT_MOVING);
        assertThat(stationary.status()).isEqualTo(GpsStatus.STATIONARY);
    }

    @Test
    void aMoveBeyondTheToleranceReanchorsTheVehicle() {
        GpsRules rules = rules(SETTINGS);
        Motion resting = new Motion(new BigDecimal("38.950000"), new BigDecimal("-94.650000"), T0);
        // 0.0015 degrees of latitude is about 167 m, 0.0020 about 222 m
        GpsFix drift = fix(38.9515, -94.65, T0.plus(Duration.ofDays(3)));
        GpsFix moved = fix(38.9520, -94.65, T0.plus(Duration.ofDays(3)));

        assertThat(rules.motion(resting, drift)).isSameAs(resting);
        assertThat(rules.motion(resting, moved).stillSince()).isEqualTo(moved.locatedAt());
        assertThat(rules.motion(null, moved).anchorLatitude()).isEqualTo(moved.latitude());
    }

    // --- silent ---------------------------------------------------------------------------------------------

    @Test
    void silentAfterFortyEightHoursWithoutAReport() {
        GpsRules rules = rules(SETTINGS);
        Garaging kansas = new Garaging("KS", null, null);
        GpsFix last = fix(38.95, -94.65, T0);
        Motion motion = new Motion(last.latitude(), last.longitude(), T0);

        GpsAssessment quiet = rules.assess(kansas, last, motion, T0.plus(Duration.ofHours(48)).minusSeconds(1));
        GpsAssessment silent = rules.assess(kansas, last, motion, T0.plus(Duration.ofHours(48)));

        assertThat(quiet.holding()).doesNotContainKey(AlertType.SILENT);
        assertThat(quiet.status()).isEqualTo(GpsStatus.REPORTING);
        assertThat(silent.holding().get(AlertType.SILENT)).isEqualTo("no report since 2026-11-20T12:00:00Z (48 hours)");
        assertThat(silent.status()).isEqualTo(GpsStatus.SILENT);
    }

    // --- stale fixes ----------------------------------------------------------------------------------------

    @Test
    void aFixOlderThanOrAsOldAsTheLastKnownOneIsIgnored() {
        GpsFix known = fix(38.95, -94.65, T0);

        Instant latestPlausible = T0.plus(Duration.ofDays(1));
        assertThat(GpsRules.isNewer(null, known, latestPlausible)).isTrue();
        assertThat(GpsRules.isNewer(known, fix(39.0, -94.0, T0.minusSeconds(1)), latestPlausible)).isFalse();
        assertThat(GpsRules.isNewer(known, fix(39.0, -94.0, T0), latestPlausible)).isFalse();
        assertThat(GpsRules.isNewer(known, fix(39.0, -94.0, T0.plusSeconds(1)), latestPlausible)).isTrue();
    }

    @Test
    void aLastFixDatedInTheFutureGivesWayToAnyRealOne() {
        GpsFix fromTheFuture = fix(38.95, -94.65, Instant.parse("2099-01-01T00:00:00Z"));

        assertThat(GpsRules.isNewer(fromTheFuture, fix(39.0, -94.0, T0), T0.plus(Duration.ofMinutes(10)))).isTrue();
        assertThat(GpsRules.isNewer(fromTheFuture, fix(39.0, -94.0, T0), Instant.parse("2099-01-02T00:00:00Z"))).isFalse();
    }
}
