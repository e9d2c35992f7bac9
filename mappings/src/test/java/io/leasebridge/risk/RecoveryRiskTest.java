package io.leasebridge.risk;

import io.leasebridge.risk.RiskFacts.BrokenPromise;
import io.leasebridge.risk.RiskFacts.DpdReading;
import io.leasebridge.risk.RiskFacts.OpenAlert;
import io.leasebridge.risk.RiskFacts.PromiseDue;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RecoveryRiskTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 12, 2);
    private final RecoveryRisk risk = new RecoveryRisk(RiskSettings.defaults());

    @Test
    void aCurrentLeaseWithTheDisclosureSignedAndNothingAgainstItIsLowWithNoReasons() {
        RiskAssessment assessment = risk.assess(facts().build());

        assertThat(assessment.level()).isEqualTo(RiskLevel.LOW);
        assertThat(assessment.score()).isZero();
        assertThat(assessment.reasons()).isEmpty();
        assertThat(assessment.summary()).isEmpty();
    }

    @Test
    void daysPastDueEarnTheHighestBandReachedAndNothingBelowTheFirst() {
        assertThat(risk.assess(facts().dpd(29).build()).reasons()).isEmpty();
        assertThat(only(facts().dpd(30))).isEqualTo(new RiskReason(RiskRule.DAYS_PAST_DUE, 15, "30 days past due"));
        assertThat(only(facts().dpd(59)).points()).isEqualTo(15);
        assertThat(only(facts().dpd(60)).points()).isEqualTo(30);
        assertThat(only(facts().dpd(95))).isEqualTo(new RiskReason(RiskRule.DAYS_PAST_DUE, 45, "95 days past due"));
    }

    @Test
    void daysPastDueRisingByTheMinimumOverTheTrendWindowAddsPointsSayingFromWhatToWhat() {
        RiskAssessment rising = risk.assess(facts().dpd(20).reading(TODAY.minusDays(31), 5).reading(TODAY.minusDays(10), 12).build());

        assertThat(rising.reasons()).containsExactly(
                new RiskReason(RiskRule.RISING_DAYS_PAST_DUE, 10, "days past due up from 5 to 20 in 31 days"));
    }

    @Test
    void daysPastDueRisingByLessThanTheMinimumOrWithoutAReadingOldEnoughIsNoTrend() {
        assertThat(risk.assess(facts().dpd(19).reading(TODAY.minusDays(30), 5).build()).reasons()).isEmpty();
        assertThat(risk.assess(facts().dpd(25).reading(TODAY.minusDays(29), 0).build()).reasons()).isEmpty();
        assertThat(risk.assess(facts().dpd(24).reading(TODAY.minusDays(45), 0).reading(TODAY.minusDays(30), 10).build()).reasons())
                .as("the latest reading at least 30 days old is the baseline").isEmpty();
    }

    @Test
    void brokenPromisesInTheWindowCountUpToTheCapAndSayOverHowManyDays() {
        assertThat(only(facts().broken("P-1", TODAY.minusDays(12))))
                .isEqualTo(new RiskReason(RiskRule.BROKEN_PROMISES, 15, "1 broken promise in 12 days"));
        assertThat(only(facts().broken("P-1", TODAY.minusDays(90)))).as("judged 90 days ago: outside the window").isNull();
        assertThat(only(facts().broken("P-1", TODAY))).isEqualTo(new RiskReason(RiskRule.BROKEN_PROMISES, 15, "1 broken promise in 1 day"));

        RiskAssessment four = risk.assess(facts().broken("P-1", TODAY.minusDays(80)).broken("P-2", TODAY.minusDays(50))
                .broken("P-3", TODAY.minusDays(20)).broken("P-4", TODAY.minusDays(2)).build());
        assertThat(four.reasons()).filteredOn(r -> r.rule() == RiskRule.BROKEN_PROMISES).singleElement()
                .isEqualTo(new RiskReason(RiskRule.BROKEN_PROMISES, 45, "4 broken promises in 80 days"));
    }

    @Test
    void theSecondBrokenPromiseInTheWindowMakesARepeatBreaker() {
        RiskAssessment one = risk.assess(facts().broken("P-1", TODAY.minusDays(30)).build());
        RiskAssessment two = risk.assess(facts().broken("P-1", TODAY.minusDays(30)).broken("P-2", TODAY.minusDays(2)).build());

        assertThat(one.reasons()).extracting(RiskReason::rule).doesNotContain(RiskRule.REPEAT_BREAKER);
        assertThat(two.reasons()).contains(new RiskReason(RiskRule.REPEAT_BREAKER, 15, "repeat breaker (2 broken in 90 days)"),
                new RiskReason(RiskRule.BROKEN_PROMISES, 30, "2 broken promises in 30 days"));
        assertThat(two.score()).isEqualTo(45);
    }

    @Test
    void eachOpenGpsAlertTypeAddsItsWeightDatedByItsEarliestAlert() {
        RiskAssessment assessment = risk.assess(facts().alert("OUT_OF_STATE", TODAY.minusDays(2)).alert("SILENT", TODAY)
                .alert("NOT_MOVING", TODAY.minusDays(1)).alert("OUT_OF_RADIUS", TODAY.minusDays(4))
                .alert("OUT_OF_STATE", TODAY.minusDays(5)).build());

        assertThat(assessment.reasons()).containsExactly(
                new RiskReason(RiskRule.GPS_ALERT, 25, "left garaging state 5 days ago"),
                new RiskReason(RiskRule.GPS_ALERT, 20, "GPS device went silent today"),
                new RiskReason(RiskRule.GPS_ALERT, 15, "went far from garaging address 4 days ago"),
                new RiskReason(RiskRule.GPS_ALERT, 10, "vehicle reported not moving 1 day ago"));
        assertThat(assessment.score()).isEqualTo(70);
    }

    @Test
    void aGpsDisclosureNotSignedOrNotKnownAddsPoints() {
        RiskReason missing = new RiskReason(RiskRule.NO_GPS_DISCLOSURE, 10, "no GPS disclosure on file");

        assertThat(only(facts().disclosure(false))).isEqualTo(missing);
        assertThat(only(facts().disclosure(null))).isEqualTo(missing);
    }

    @Test
    void aCustomerWhoMayBeNeitherCalledNorTextedAddsPoints() {
        assertThat(only(facts().contactBlocked()))
                .isEqualTo(new RiskReason(RiskRule.CONTACT_BLOCKED, 10, "customer may not be called or texted"));
    }

    @Test
    void aPromiseDueTodayAddsPointsAndOneDueTomorrowDoesNot() {
        assertThat(only(facts().due("P-1", "250.00", TODAY)))
                .isEqualTo(new RiskReason(RiskRule.PROMISE_DUE_TODAY, 5, "promise of 250.00 due today"));
        assertThat(only(facts().due("P-1", "250.00", TODAY.plusDays(1)))).isNull();
    }

    @Test
    void theScoreFallsInItsLevelAtTheThresholds() {
        // 30 dpd (15) + one broken promise (15) = 30: MEDIUM; 29 points are LOW
        assertThat(risk.assess(facts().dpd(30).broken("P-1", TODAY.minusDays(3)).build()).level()).isEqualTo(RiskLevel.MEDIUM);
        assertThat(risk.assess(facts().dpd(30).contactBlocked().due("P-1", "10.00", TODAY).build()))
                .satisfies(a -> assertThat(a.score()).isEqualTo(30)).extracting(RiskAssessment::level).isEqualTo(RiskLevel.MEDIUM);
        assertThat(risk.assess(facts().dpd(30).contactBlocked().build()).level()).isEqualTo(RiskLevel.LOW);
        // 60 dpd (30) + out of state (25) = 55: MEDIUM; + a promise due today = 60: HIGH
        assertThat(risk.assess(facts().dpd(60).alert("OUT_OF_STATE", TODAY).build()).level()).isEqualTo(RiskLevel.MEDIUM);
        assertThat(risk.assess(facts().dpd(60).alert("OUT_OF_STATE", TODAY).due("P-1", "10.00", TODAY).build()).level())
                .isEqualTo(RiskLevel.HIGH);
    }

    @Test
    void theScoreStopsAtOneHundred() {
        RiskAssessment worst = risk.assess(worst().build());

        assertThat(worst.score()).isEqualTo(RecoveryRisk.MAX_SCORE);
        assertThat(worst.level()).isEqualTo(RiskLevel.HIGH);
    }

    @Test
    void theSummaryNamesTheWeightiestReasonsFirstUpToTheConfiguredNumber() {
        RiskAssessment assessment = risk.assess(facts().dpd(62).alert("OUT_OF_STATE", TODAY.minusDays(2))
                .broken("P-1", TODAY.minusDays(30)).broken("P-2", TODAY.minusDays(3)).contactBlocked().build());

        assertThat(assessment.summary())
                .isEqualTo("62 days past due; 2 broken promises in 30 days; left garaging state 2 days ago");
        assertThat(assessment.reasons()).hasSize(5);
    }

    @Test
    void anEndedLeaseCarriesNoRiskWhateverItsHistory() {
        RiskAssessment ended = risk.assess(worst().ended().build());

        assertThat(ended.level()).isEqualTo(RiskLevel.LOW);
        assertThat(ended.score()).isZero();
        assertThat(ended.summary()).isEmpty();
    }

    @Test
    void theSameFactsGiveTheSameAssessmentWhateverOrderTheyArrivedIn() {
        RiskFacts facts = worst().reading(TODAY.minusDays(31), 40).reading(TODAY.minusDays(31), 41)
                .broken("P-3", TODAY.minusDays(40)).broken("P-3", TODAY.minusDays(40))
                .due("P-9", "125.00", TODAY).due("P-10", "75.50", TODAY).alert("SILENT", TODAY.minusDays(1)).build();
        RiskAssessment expected = risk.assess(facts);
        Random random = new Random(16);

        for (int i = 0; i < 200; i++) {
            RiskFacts shuffled = new RiskFacts(facts.leaseId(), facts.asOf(), facts.active(), facts.daysPastDue(),
                    shuffle(facts.dpdHistory(), random), shuffle(facts.brokenPromises(), random),
                    shuffle(facts.promisesDue(), random), shuffle(facts.openGpsAlerts(), random),
                    facts.gpsDisclosure(), facts.contactBlocked());
            assertThat(risk.assess(shuffled)).isEqualTo(expected);
        }
        assertThat(expected.reasons()).extracting(RiskReason::words)
                .contains("days past due up from 41 to 95 in 31 days", "promise of 200.50 due today", "4 broken promises in 60 days");
    }

    @Test
    void settingsWithMediumAboveHighAreRefusedNamingBothKeys() {
        assertThatThrownBy(() -> new RiskSettings(Map.of(), 30, 15, 10, 90, 15, 3, 2, 15, Map.of(), 10, 10, 5, 70, 60, 3))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("leasebridge.risk.medium-at").hasMessageContaining("leasebridge.risk.high-at");
    }

    private RiskReason only(Facts facts) {
        List<RiskReason> reasons = risk.assess(facts.build()).reasons();
        assertThat(reasons).hasSizeLessThanOrEqualTo(1);
        return reasons.isEmpty() ? null : reasons.get(0);
    }

    private static Facts facts() {
        return new Facts();
    }

    private static Facts worst() {
        return facts().dpd(95).reading(TODAY.minusDays(60), 30).broken("P-1", TODAY.minusDays(60)).broken("P-2", TODAY.minusDays(20))
                .broken("P-4", TODAY.minusDays(1)).alert("OUT_OF_STATE", TODAY.minusDays(2)).disclosure(false).contactBlocked();
    }

    private static <T> List<T> shuffle(List<T> list, Random random) {
        List<T> copy = new ArrayList<>(list);
        Collections.shuffle(copy, random);
        return copy;
    }

    private static final class Facts {
        private boolean active = true;
        private int dpd;
        private final List<DpdReading> readings = new ArrayList<>();
        private final List<BrokenPromise> broken = new ArrayList<>();
        private final List<PromiseDue> due = new ArrayList<>();
        private final List<OpenAlert> alerts = new ArrayList<>();
        private Boolean disclosure = true;
        private boolean contactBlocked;

        Facts dpd(int days) {
            dpd = days;
            return this;
        }

        Facts reading(LocalDate asOf, int days) {
            readings.add(new DpdReading(asOf, days));
            return this;
        }

        Facts broken(String promiseId, LocalDate judgedOn) {
            broken.add(new BrokenPromise(promiseId, judgedOn));
            return this;
        }

        Facts due(String promiseId, String amount, LocalDate on) {
            due.add(new PromiseDue(promiseId, new BigDecimal(amount), on));
            return this;
        }

        Facts alert(String type, LocalDate openedOn) {
            alerts.add(new OpenAlert(type, openedOn));
            return this;
        }

        Facts disclosure(Boolean signed) {
            disclosure = signed;
            return this;
        }

        Facts contactBlocked() {
            contactBlocked = true;
            return this;
        }

        Facts ended() {
            active = false;
            return this;
        }

        RiskFacts build() {
            return new RiskFacts("L-1", TODAY, active, dpd, readings, broken, due, alerts, disclosure, contactBlocked);
        }
    }
}
