package io.leasebridge.risk;

import io.leasebridge.risk.RiskFacts.BrokenPromise;
import io.leasebridge.risk.RiskFacts.DpdReading;
import io.leasebridge.risk.RiskFacts.OpenAlert;
import io.leasebridge.risk.RiskFacts.PromiseDue;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Scores a lease's recovery risk from its facts: each rule adds points and says why, the points add up to a score,
 * the score falls in a level. Every rule reduces its facts to counts, extremes and sets, so the same facts give the
 * same assessment whatever order they arrived in.
 */
public final class RecoveryRisk {

    public static final int MAX_SCORE = 100;
    /** Recovery_Risk_Reasons__c is a Text field of 255 characters. */
    static final int SUMMARY_LIMIT = 255;

    private static final Comparator<RiskReason> WEIGHTIEST_FIRST = Comparator.comparingInt(RiskReason::points).reversed()
            .thenComparing(RiskReason::rule).thenComparing(RiskReason::words);

    private final RiskSettings settings;

    public RecoveryRisk(RiskSettings settings) {
        this.settings = settings;
    }

    public RiskAssessment assess(RiskFacts facts) {
        List<RiskReason> reasons = new ArrayList<>();
        if (facts.active()) {
            daysPastDue(facts).ifPresent(reasons::add);
            rising(facts).ifPresent(reasons::add);
            reasons.addAll(brokenPromises(facts));
            reasons.addAll(gpsAlerts(facts));
            noGpsDisclosure(facts).ifPresent(reasons::add);
            contactBlocked(facts).ifPresent(reasons::add);
            promiseDueToday(facts).ifPresent(reasons::add);
        }
        reasons.removeIf(reason -> reason.points() <= 0);
        reasons.sort(WEIGHTIEST_FIRST);
        int score = Math.min(MAX_SCORE, reasons.stream().mapToInt(RiskReason::points).sum());
        RiskLevel level = score >= settings.highAt() ? RiskLevel.HIGH : score >= settings.mediumAt() ? RiskLevel.MEDIUM : RiskLevel.LOW;
        return new RiskAssessment(facts.leaseId(), level, score, reasons, summary(reasons));
    }

    private Optional<RiskReason> daysPastDue(RiskFacts facts) {
        Map.Entry<Integer, Integer> band = settings.daysPastDueBands().floorEntry(facts.daysPastDue());
        if (band == null) {
            return Optional.empty();
        }
        return Optional.of(new RiskReason(RiskRule.DAYS_PAST_DUE, band.getValue(), facts.daysPastDue() + " days past due"));
    }

    /** Rising: more days past due now than on the last reading at least {@code trendDays} old, by enough to matter. */
    private Optional<RiskReason> rising(RiskFacts facts) {
        LocalDate start = facts.asOf().minusDays(settings.trendDays());
        Optional<DpdReading> baseline = facts.dpdHistory().stream()
                .filter(reading -> !reading.asOf().isAfter(start))
                .max(Comparator.comparing(DpdReading::asOf).thenComparingInt(DpdReading::daysPastDue));
        return baseline.filter(then -> facts.daysPastDue() - then.daysPastDue() >= settings.risingMinDays())
                .map(then -> new RiskReason(RiskRule.RISING_DAYS_PAST_DUE, settings.risingPoints(),
                        "days past due up from " + then.daysPastDue() + " to " + facts.daysPastDue() + " in "
                                + daysInWords(days(then.asOf(), facts.asOf()))));
    }

    private List<RiskReason> brokenPromises(RiskFacts facts) {
        LocalDate windowStart = facts.asOf().minusDays(settings.brokenWindowDays());
        Map<String, LocalDate> broken = facts.brokenPromises().stream()
                .filter(p -> p.judgedOn().isAfter(windowStart) && !p.judgedOn().isAfter(facts.asOf()))
                .collect(Collectors.toMap(BrokenPromise::promiseId, BrokenPromise::judgedOn,
                        (a, b) -> a.isBefore(b) ? a : b, TreeMap::new));
        if (broken.isEmpty()) {
            return List.of();
        }
        int count = broken.size();
        LocalDate first = broken.values().stream().min(Comparator.naturalOrder()).orElseThrow();
        String words = count + (count == 1 ? " broken promise in " : " broken promises in ")
                + daysInWords(Math.max(1, days(first, facts.asOf())));
        List<RiskReason> reasons = new ArrayList<>();
        reasons.add(new RiskReason(RiskRule.BROKEN_PROMISES,
                settings.brokenPromisePoints() * Math.min(count, settings.brokenPromiseMaxCounted()), words));
        if (count >= settings.repeatBreakerMin()) {
            reasons.add(new RiskReason(RiskRule.REPEAT_BREAKER, settings.repeatBreakerPoints(),
                    "repeat breaker (" + count + " broken in " + settings.brokenWindowDays() + " days)"));
        }
        return reasons;
    }

    /** One reason per alert type open, dated by the earliest such alert. */
    private List<RiskReason> gpsAlerts(RiskFacts facts) {
        Map<String, LocalDate> since = facts.openGpsAlerts().stream()
                .collect(Collectors.toMap(OpenAlert::type, OpenAlert::openedOn, (a, b) -> a.isBefore(b) ? a : b, TreeMap::new));
        List<RiskReason> reasons = new ArrayList<>();
        since.forEach((type, openedOn) -> reasons.add(new RiskReason(RiskRule.GPS_ALERT,
                settings.gpsAlertPoints().getOrDefault(type, 0), alertWords(type, ago(openedOn, facts.asOf())))));
        return reasons;
    }

    private static String alertWords(String type, String ago) {
        return switch (type) {
            case "OUT_OF_STATE" -> "left garaging state " + ago;
            case "OUT_OF_RADIUS" -> "went far from garaging address " + ago;
            case "SILENT" -> "GPS device went silent " + ago;
            case "NOT_MOVING" -> "vehicle reported not moving " + ago;
            default -> "GPS alert " + type + " " + ago;
        };
    }

    private Optional<RiskReason> noGpsDisclosure(RiskFacts facts) {
        return Boolean.TRUE.equals(facts.gpsDisclosure()) ? Optional.empty()
                : Optional.of(new RiskReason(RiskRule.NO_GPS_DISCLOSURE, settings.noGpsDisclosurePoints(), "no GPS disclosure on file"));
    }

    private Optional<RiskReason> contactBlocked(RiskFacts facts) {
        return facts.contactBlocked()
                ? Optional.of(new RiskReason(RiskRule.CONTACT_BLOCKED, settings.contactBlockedPoints(), "customer may not be called or texted"))
                : Optional.empty();
    }

    private Optional<RiskReason> promiseDueToday(RiskFacts facts) {
        List<PromiseDue> today = facts.promisesDue().stream()
                .filter(p -> p.promisedDate().equals(facts.asOf()))
                .collect(Collectors.toMap(PromiseDue::promiseId, p -> p, (a, b) -> a, TreeMap::new))
                .values().stream().toList();
        if (today.isEmpty()) {
            return Optional.empty();
        }
        BigDecimal amount = today.stream().map(PromiseDue::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
        return Optional.of(new RiskReason(RiskRule.PROMISE_DUE_TODAY, settings.promiseDueTodayPoints(),
                "promise of " + amount.toPlainString() + " due today"));
    }

    private String summary(List<RiskReason> reasons) {
        String summary = reasons.stream().limit(settings.maxReasons()).map(RiskReason::words).collect(Collectors.joining("; "));
        return summary.length() <= SUMMARY_LIMIT ? summary : summary.substring(0, SUMMARY_LIMIT);
    }

    private static long days(LocalDate from, LocalDate to) {
        return ChronoUnit.DAYS.between(from, to);
    }

    private static String ago(LocalDate day, LocalDate asOf) {
        long days = days(day, asOf);
        return days <= 0 ? "today" : daysInWords(days) + " ago";
    }

    private static String daysInWords(long days) {
        return days == 1 ? "1 day" : days + " days";
    }
}
