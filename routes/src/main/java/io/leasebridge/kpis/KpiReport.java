package io.leasebridge.kpis;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.annotation.JsonUnwrapped;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The collections KPIs as of a day: how collectors' promises turned out, how leases spread over the
 * days-past-due buckets at each month end, and how they moved between buckets month over month.
 * Rates are fractions (0.25 = 25 %) with four decimals, rounded half up; {@code null} where nothing was measured.
 * Days and months are ISO text ({@code 2026-03-31}, {@code 2026-03}) whatever the mapper's date settings.
 *
 * @param asOf            nothing after this day counts
 * @param promiseKeptRate promises judged on or before {@code asOf}
 * @param dpdBuckets      one entry per month, oldest first
 * @param rollRates       for each month after the first, one entry per bucket of the month before
 */
@JsonPropertyOrder({"asOf", "definitions", "promiseKeptRate", "dpdBuckets", "rollRates"})
public record KpiReport(@JsonFormat(shape = JsonFormat.Shape.STRING) LocalDate asOf, KeptRates promiseKeptRate,
                        List<DpdMonth> dpdBuckets, List<RollRate> rollRates) {

    private static final Map<String, String> DEFINITIONS = definitions(
            "promiseKeptRate", "promises judged (KEPT, PARTIALLY_KEPT, BROKEN) on or before asOf, by the collector who took"
                    + " the promise (its made_by; lacking one, the lease's collector; null: none) and by the month of judged_on",
            "handedOver", "of those, the promises whose lease is now another collector's (an escalation to a specialist,"
                    + " a reassignment), by the collector who took them (takenBy) and the lease's collector now (currentCollector)",
            "fullyKeptRate", "fullyKept / judged: a PARTIALLY_KEPT promise counts as not kept",
            "dpdBuckets", "leases by days past due (current = 0 or less, 1-30, 31-60, 61-90, 90+ = 91 or more), each lease"
                    + " as its latest lease_dpd_history row on or before measuredOn showed it; leases without such a row"
                    + " are not counted. Months run from the first to the last month with a history row on or before"
                    + " asOf; a month without rows between them is listed too (history only records changes)",
            "measuredOn", "the last day of the month, or asOf when the month is not over on asOf",
            "rollRates", "leases in fromBucket at the end of fromMonth, by where they are at the end of toMonth:"
                    + " a worse bucket (rolledForward), the same (stayed) or a better one (cured); each rate is that"
                    + " count / leases. Leases with no history yet at the end of fromMonth are left out");

    public KpiReport {
        dpdBuckets = List.copyOf(dpdBuckets);
        rollRates = List.copyOf(rollRates);
    }

    /** What each figure means, in the JSON itself so that a reader of a saved report needs nothing else. */
    @JsonProperty("definitions")
    public Map<String, String> definitions() {
        return DEFINITIONS;
    }

    /**
     * The promise-kept rate broken down by collector and month, by collector, by month, and in total; and the promises
     * whose lease another collector has now.
     */
    public record KeptRates(List<CollectorMonthOutcomes> byCollectorAndMonth, List<CollectorOutcomes> byCollector,
                            List<MonthOutcomes> byMonth, PromiseOutcomes total, List<HandedOverOutcomes> handedOver) {

        public KeptRates {
            byCollectorAndMonth = List.copyOf(byCollectorAndMonth);
            byCollector = List.copyOf(byCollector);
            byMonth = List.copyOf(byMonth);
            handedOver = List.copyOf(handedOver);
        }
    }

    /** @param takenBy the collector who took the promises; {@code currentCollector} has their leases now */
    @JsonPropertyOrder({"takenBy", "currentCollector"})
    public record HandedOverOutcomes(String takenBy, String currentCollector, @JsonUnwrapped PromiseOutcomes outcomes) {
    }

    /**
     * How the judged promises of one group turned out.
     *
     * @param fullyKeptRate fullyKept / judged: a partially kept promise counts as not kept
     */
    @JsonPropertyOrder({"judged", "fullyKept", "partiallyKept", "broken", "fullyKeptRate"})
    public record PromiseOutcomes(long judged, long fullyKept, long partiallyKept, long broken, BigDecimal fullyKeptRate) {

        public static final PromiseOutcomes NONE = of(0, 0, 0);

        public static PromiseOutcomes of(long fullyKept, long partiallyKept, long broken) {
            long judged = fullyKept + partiallyKept + broken;
            return new PromiseOutcomes(judged, fullyKept, partiallyKept, broken, rate(fullyKept, judged));
        }

        PromiseOutcomes plus(PromiseOutcomes other) {
            return of(fullyKept + other.fullyKept, partiallyKept + other.partiallyKept, broken + other.broken);
        }
    }

    /** @param collector the collector who took the promises; {@code null} for none */
    @JsonPropertyOrder({"collector", "month"})
    public record CollectorMonthOutcomes(String collector, @JsonFormat(shape = JsonFormat.Shape.STRING) YearMonth month,
                                         @JsonUnwrapped PromiseOutcomes outcomes) {
    }

    /** @param collector the collector who took the promises; {@code null} for none */
    public record CollectorOutcomes(String collector, @JsonUnwrapped PromiseOutcomes outcomes) {
    }

    public record MonthOutcomes(@JsonFormat(shape = JsonFormat.Shape.STRING) YearMonth month, @JsonUnwrapped PromiseOutcomes outcomes) {
    }

    /**
     * Leases by bucket at the end of one month.
     *
     * @param measuredOn the month's last day, or the report's asOf when that comes first
     * @param leases     all leases counted, the sum of the buckets
     * @param buckets    every bucket, best first, also when empty
     */
    public record DpdMonth(@JsonFormat(shape = JsonFormat.Shape.STRING) YearMonth month,
                           @JsonFormat(shape = JsonFormat.Shape.STRING) LocalDate measuredOn, long leases, List<BucketCount> buckets) {

        public DpdMonth {
            buckets = List.copyOf(buckets);
        }
    }

    public record BucketCount(DpdBucket bucket, long leases) {
    }

    /**
     * Where the leases of one bucket at the end of {@code fromMonth} were at the end of {@code toMonth}.
     *
     * @param leases          leases in {@code fromBucket} at the end of {@code fromMonth}
     * @param rolledForward   of those, in a worse bucket at the end of {@code toMonth}
     * @param stayed          in the same bucket
     * @param cured           in a better bucket
     * @param rollForwardRate rolledForward / leases ({@code null} when leases is 0; likewise the other rates)
     */
    @JsonPropertyOrder({"fromMonth", "toMonth", "fromBucket", "leases", "rolledForward", "stayed", "cured",
            "rollForwardRate", "stayRate", "cureRate"})
    public record RollRate(@JsonFormat(shape = JsonFormat.Shape.STRING) YearMonth fromMonth,
                           @JsonFormat(shape = JsonFormat.Shape.STRING) YearMonth toMonth, DpdBucket fromBucket, long leases,
                           long rolledForward, long stayed, long cured,
                           BigDecimal rollForwardRate, BigDecimal stayRate, BigDecimal cureRate) {

        public static RollRate of(YearMonth fromMonth, YearMonth toMonth, DpdBucket fromBucket,
                                  long rolledForward, long stayed, long cured) {
            long leases = rolledForward + stayed + cured;
            return new RollRate(fromMonth, toMonth, fromBucket, leases, rolledForward, stayed, cured,
                    rate(rolledForward, leases), rate(stayed, leases), rate(cured, leases));
        }
    }

    /** part / whole with four decimals; {@code null} when there is no whole to take a share of. */
    static BigDecimal rate(long part, long whole) {
        return whole == 0 ? null : BigDecimal.valueOf(part).divide(BigDecimal.valueOf(whole), 4, RoundingMode.HALF_UP);
    }

    private static Map<String, String> definitions(String... keysAndTexts) {
        Map<String, String> definitions = new LinkedHashMap<>();
        for (int i = 0; i < keysAndTexts.length; i += 2) {
            definitions.put(keysAndTexts[i], keysAndTexts[i + 1]);
        }
        return java.util.Collections.unmodifiableMap(definitions);
    }
}
