package io.leasebridge.kpis;

import io.leasebridge.kpis.KpiDataset.DpdRow;
import io.leasebridge.kpis.KpiDataset.Lease;
import io.leasebridge.kpis.KpiDataset.PromiseRow;
import io.leasebridge.kpis.KpiReport.BucketCount;
import io.leasebridge.kpis.KpiReport.CollectorMonthOutcomes;
import io.leasebridge.kpis.KpiReport.CollectorOutcomes;
import io.leasebridge.kpis.KpiReport.DpdMonth;
import io.leasebridge.kpis.KpiReport.HandedOverOutcomes;
import io.leasebridge.kpis.KpiReport.KeptRates;
import io.leasebridge.kpis.KpiReport.MonthOutcomes;
import io.leasebridge.kpis.KpiReport.PromiseOutcomes;
import io.leasebridge.kpis.KpiReport.RollRate;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * The KPIs worked out the slow, obvious way from the rows themselves (no SQL, no shared code with
 * {@link CollectionsKpis} beyond the report's types): a second opinion to hold the SQL against.
 */
final class KpiReference {

    private static final List<String> LABELS = List.of("current", "1-30", "31-60", "61-90", "90+");

    private KpiReference() {
    }

    static KpiReport compute(KpiDataset data, LocalDate asOf) {
        return new KpiReport(asOf, keptRates(data, asOf), dpdMonths(data, asOf), rollRates(data, asOf));
    }

    // ---- promise outcomes

    private static KeptRates keptRates(KpiDataset data, LocalDate asOf) {
        Map<String, String> collectorOf = new HashMap<>();
        for (Lease lease : data.leases) {
            collectorOf.put(lease.leaseId(), lease.collector());
        }
        List<PromiseRow> judged = data.promises.stream()
                .filter(p -> Set.of("KEPT", "PARTIALLY_KEPT", "BROKEN").contains(p.status()))
                .filter(p -> !p.judgedOn().isAfter(asOf))
                .toList();
        Comparator<String> collectors = Comparator.nullsLast(Comparator.naturalOrder());

        List<CollectorMonthOutcomes> cells = new ArrayList<>();
        TreeSet<String> collectorsSeen = new TreeSet<>(collectors);
        TreeSet<YearMonth> monthsSeen = new TreeSet<>();
        Function<PromiseRow, String> takenBy = p -> p.takenBy() != null ? p.takenBy() : collectorOf.get(p.leaseId());
        judged.forEach(p -> {
            collectorsSeen.add(takenBy.apply(p));
            monthsSeen.add(YearMonth.from(p.judgedOn()));
        });
        for (String collector : collectorsSeen) {
            for (YearMonth month : monthsSeen) {
                List<PromiseRow> cell = judged.stream()
                        .filter(p -> Objects.equals(takenBy.apply(p), collector) && YearMonth.from(p.judgedOn()).equals(month))
                        .toList();
                if (!cell.isEmpty()) {
                    cells.add(new CollectorMonthOutcomes(collector, month, outcomes(cell)));
                }
            }
        }
        List<CollectorOutcomes> byCollector = collectorsSeen.stream()
                .map(c -> new CollectorOutcomes(c, outcomes(judged.stream().filter(p -> Objects.equals(takenBy.apply(p), c)).toList())))
                .toList();
        List<MonthOutcomes> byMonth = monthsSeen.stream()
                .map(m -> new MonthOutcomes(m, outcomes(judged.stream().filter(p -> YearMonth.from(p.judgedOn()).equals(m)).toList())))
                .toList();
        Map<List<String>, List<PromiseRow>> byTakerAndCurrent = new TreeMap<>(Comparator.comparing((List<String> k) -> k.get(0))
                .thenComparing(k -> k.get(1)));
        judged.stream()
                .filter(p -> p.takenBy() != null && collectorOf.get(p.leaseId()) != null && !p.takenBy().equals(collectorOf.get(p.leaseId())))
                .forEach(p -> byTakerAndCurrent.computeIfAbsent(List.of(p.takenBy(), collectorOf.get(p.leaseId())), k -> new ArrayList<>()).add(p));
        List<HandedOverOutcomes> handedOver = byTakerAndCurrent.entrySet().stream()
                .map(e -> new HandedOverOutcomes(e.getKey().get(0), e.getKey().get(1), outcomes(e.getValue()))).toList();
        return new KeptRates(cells, byCollector, byMonth, outcomes(judged), handedOver);
    }

    private static PromiseOutcomes outcomes(List<PromiseRow> promises) {
        long kept = promises.stream().filter(p -> p.status().equals("KEPT")).count();
        long partial = promises.stream().filter(p -> p.status().equals("PARTIALLY_KEPT")).count();
        long broken = promises.stream().filter(p -> p.status().equals("BROKEN")).count();
        return new PromiseOutcomes(promises.size(), kept, partial, broken, share(kept, promises.size()));
    }

    // ---- days past due

    private static List<DpdMonth> dpdMonths(KpiDataset data, LocalDate asOf) {
        List<DpdMonth> months = new ArrayList<>();
        for (YearMonth month : months(data, asOf)) {
            LocalDate day = measuredOn(month, asOf);
            Map<String, Integer> buckets = bucketsOn(data, day);
            List<BucketCount> counts = new ArrayList<>();
            for (int b = 0; b < LABELS.size(); b++) {
                int bucket = b;
                counts.add(new BucketCount(bucketLabelled(LABELS.get(b)), buckets.values().stream().filter(v -> v == bucket).count()));
            }
            months.add(new DpdMonth(month, day, buckets.size(), counts));
        }
        return months;
    }

    private static List<RollRate> rollRates(KpiDataset data, LocalDate asOf) {
        List<RollRate> rolls = new ArrayList<>();
        List<YearMonth> months = months(data, asOf);
        for (int i = 1; i < months.size(); i++) {
            Map<String, Integer> before = bucketsOn(data, measuredOn(months.get(i - 1), asOf));
            Map<String, Integer> after = bucketsOn(data, measuredOn(months.get(i), asOf));
            for (int b = 0; b < LABELS.size(); b++) {
                long forward = 0;
                long stay = 0;
                long cure = 0;
                for (Map.Entry<String, Integer> lease : before.entrySet()) {
                    if (lease.getValue() == b) {
                        int now = after.get(lease.getKey());
                        if (now > b) {
                            forward++;
                        } else if (now == b) {
                            stay++;
                        } else {
                            cure++;
                        }
                    }
                }
                long leases = forward + stay + cure;
                rolls.add(new RollRate(months.get(i - 1), months.get(i), bucketLabelled(LABELS.get(b)), leases, forward, stay, cure,
                        share(forward, leases), share(stay, leases), share(cure, leases)));
            }
        }
        return rolls;
    }

    /** Every calendar month from the first to the last that has a history row on or before asOf. */
    private static List<YearMonth> months(KpiDataset data, LocalDate asOf) {
        TreeSet<YearMonth> present = new TreeSet<>();
        data.history.stream().filter(h -> !h.asOf().isAfter(asOf)).forEach(h -> present.add(YearMonth.from(h.asOf())));
        List<YearMonth> months = new ArrayList<>();
        if (!present.isEmpty()) {
            for (YearMonth m = present.first(); !m.isAfter(present.last()); m = m.plusMonths(1)) {
                months.add(m);
            }
        }
        return months;
    }

    private static LocalDate measuredOn(YearMonth month, LocalDate asOf) {
        LocalDate end = month.atEndOfMonth();
        return end.isAfter(asOf) ? asOf : end;
    }

    /** Lease -> bucket index (0 current ... 4 over 90) from its latest row on or before the day. */
    private static Map<String, Integer> bucketsOn(KpiDataset data, LocalDate day) {
        Map<String, DpdRow> latest = new TreeMap<>();
        for (DpdRow row : data.history) {
            if (!row.asOf().isAfter(day)) {
                latest.merge(row.leaseId(), row, (a, b) -> a.asOf().isAfter(b.asOf()) ? a : b);
            }
        }
        Map<String, Integer> buckets = new HashMap<>();
        latest.forEach((lease, row) -> buckets.put(lease, bucketIndex(row.daysPastDue())));
        return buckets;
    }

    private static int bucketIndex(int dpd) {
        if (dpd < 1) {
            return 0;
        }
        if (dpd < 91) {
            return (dpd + 29) / 30;
        }
        return 4;
    }

    private static DpdBucket bucketLabelled(String label) {
        for (DpdBucket bucket : DpdBucket.values()) {
            if (bucket.label().equals(label)) {
                return bucket;
            }
        }
        throw new IllegalArgumentException(label);
    }

    private static BigDecimal share(long part, long whole) {
        return whole == 0 ? null : new BigDecimal(part).divide(new BigDecimal(whole), 4, RoundingMode.HALF_UP);
    }
}
