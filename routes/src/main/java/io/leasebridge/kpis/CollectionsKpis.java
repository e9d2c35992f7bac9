package io.leasebridge.kpis;

import io.leasebridge.kpis.KpiReport.BucketCount;
import io.leasebridge.kpis.KpiReport.CollectorMonthOutcomes;
import io.leasebridge.kpis.KpiReport.CollectorOutcomes;
import io.leasebridge.kpis.KpiReport.DpdMonth;
import io.leasebridge.kpis.KpiReport.KeptRates;
import io.leasebridge.kpis.KpiReport.MonthOutcomes;
import io.leasebridge.kpis.KpiReport.PromiseOutcomes;
import io.leasebridge.kpis.KpiReport.RollRate;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The collections KPIs computed from the hub: promise outcomes from the ledger's {@code promise} projection,
 * days-past-due buckets and roll rates from {@code lease_dpd_history}. The database does the counting; only
 * aggregates (a few rows per collector and month, 25 per month of history) come back, so the size of the
 * portfolio does not matter here.
 */
@Service
public class CollectionsKpis {

    private static final int BUCKETS = DpdBucket.values().length;

    private static final String OUTCOMES_BY_COLLECTOR_AND_MONTH = """
            select a.collector, extract(year from p.judged_on) as judged_year, extract(month from p.judged_on) as judged_month,
                   sum(case when p.status = 'KEPT' then 1 else 0 end) as kept,
                   sum(case when p.status = 'PARTIALLY_KEPT' then 1 else 0 end) as partially_kept,
                   sum(case when p.status = 'BROKEN' then 1 else 0 end) as broken
            from promise p
            left join lease_account a on a.lease_id = p.lease_id
            where p.status in ('KEPT', 'PARTIALLY_KEPT', 'BROKEN') and p.judged_on <= ?
            group by a.collector, extract(year from p.judged_on), extract(month from p.judged_on)
            """;

    private static final String HISTORY_SPAN = "select min(as_of), max(as_of) from lease_dpd_history where as_of <= ?";

    /** Each lease with a history row on or before the day, and the bucket of its latest such row. */
    private static final String BUCKET_ON = """
            select h.lease_id, %s as bucket
            from lease_dpd_history h
            join (select lease_id, max(as_of) as as_of from lease_dpd_history where as_of <= ? group by lease_id) latest
              on latest.lease_id = h.lease_id and latest.as_of = h.as_of
            """.formatted(DpdBucket.SQL_INDEX);

    /**
     * Leases by (bucket on the earlier day, bucket on the later day); the earlier one is null for a lease that had
     * no history yet. A lease never leaves the history, so everyone of the earlier day is there on the later one.
     */
    private static final String TRANSITIONS = """
            select earlier.bucket, later.bucket, count(*)
            from (%s) later
            left join (%s) earlier on earlier.lease_id = later.lease_id
            group by earlier.bucket, later.bucket
            """.formatted(BUCKET_ON, BUCKET_ON);

    private final JdbcTemplate jdbc;

    public CollectionsKpis(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The KPIs as the hub knows them, counting nothing dated after {@code asOf}; read from one snapshot where the database offers it. */
    @Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
    public KpiReport compute(LocalDate asOf) {
        List<DpdMonth> months = new ArrayList<>();
        List<RollRate> rolls = new ArrayList<>();
        bucketsAndRolls(asOf, months, rolls);
        return new KpiReport(asOf, keptRates(asOf), months, rolls);
    }

    private KeptRates keptRates(LocalDate asOf) {
        Comparator<String> collectors = Comparator.nullsLast(Comparator.naturalOrder());
        Map<String, Map<YearMonth, PromiseOutcomes>> byCollectorAndMonth = new TreeMap<>(collectors);
        jdbc.query(OUTCOMES_BY_COLLECTOR_AND_MONTH, rs -> {
            YearMonth month = YearMonth.of(rs.getInt(2), rs.getInt(3));
            byCollectorAndMonth.computeIfAbsent(rs.getString(1), c -> new TreeMap<>())
                    .merge(month, PromiseOutcomes.of(rs.getLong(4), rs.getLong(5), rs.getLong(6)), PromiseOutcomes::plus);
        }, asOf);

        List<CollectorMonthOutcomes> cells = new ArrayList<>();
        List<CollectorOutcomes> perCollector = new ArrayList<>();
        Map<YearMonth, PromiseOutcomes> perMonth = new TreeMap<>();
        PromiseOutcomes total = PromiseOutcomes.NONE;
        for (var collector : byCollectorAndMonth.entrySet()) {
            PromiseOutcomes ofCollector = PromiseOutcomes.NONE;
            for (var month : collector.getValue().entrySet()) {
                cells.add(new CollectorMonthOutcomes(collector.getKey(), month.getKey(), month.getValue()));
                perMonth.merge(month.getKey(), month.getValue(), PromiseOutcomes::plus);
                ofCollector = ofCollector.plus(month.getValue());
            }
            perCollector.add(new CollectorOutcomes(collector.getKey(), ofCollector));
            total = total.plus(ofCollector);
        }
        List<MonthOutcomes> months = perMonth.entrySet().stream().map(e -> new MonthOutcomes(e.getKey(), e.getValue())).toList();
        return new KeptRates(cells, perCollector, months, total);
    }

    private void bucketsAndRolls(LocalDate asOf, List<DpdMonth> months, List<RollRate> rolls) {
        LocalDate[] span = jdbc.queryForObject(HISTORY_SPAN,
                (rs, row) -> new LocalDate[]{rs.getObject(1, LocalDate.class), rs.getObject(2, LocalDate.class)}, asOf);
        if (span == null || span[0] == null) {
            return;
        }
        YearMonth last = YearMonth.from(span[1]);
        LocalDate previousDay = YearMonth.from(span[0]).atDay(1).minusDays(1);
        for (YearMonth month = YearMonth.from(span[0]); !month.isAfter(last); month = month.plusMonths(1)) {
            LocalDate measuredOn = month.atEndOfMonth().isAfter(asOf) ? asOf : month.atEndOfMonth();
            long[][] moved = transitions(previousDay, measuredOn);
            long[] now = new long[BUCKETS];
            for (long[] from : moved) {
                for (int to = 0; to < BUCKETS; to++) {
                    now[to] += from[to];
                }
            }
            List<BucketCount> counts = new ArrayList<>();
            for (DpdBucket bucket : DpdBucket.values()) {
                counts.add(new BucketCount(bucket, now[bucket.ordinal()]));
            }
            months.add(new DpdMonth(month, measuredOn, Arrays.stream(now).sum(), counts));
            if (months.size() > 1) {
                for (DpdBucket from : DpdBucket.values()) {
                    long[] to = moved[from.ordinal()];
                    long worse = 0;
                    long better = 0;
                    for (int i = 0; i < BUCKETS; i++) {
                        if (i > from.ordinal()) {
                            worse += to[i];
                        } else if (i < from.ordinal()) {
                            better += to[i];
                        }
                    }
                    rolls.add(RollRate.of(month.minusMonths(1), month, from, worse, to[from.ordinal()], better));
                }
            }
            previousDay = measuredOn;
        }
    }

    /**
     * Lease counts by [bucket on {@code earlier}][bucket on {@code later}]; row {@link #BUCKETS} holds the leases
     * that had no history yet on {@code earlier}.
     */
    private long[][] transitions(LocalDate earlier, LocalDate later) {
        long[][] moved = new long[BUCKETS + 1][BUCKETS];
        jdbc.query(TRANSITIONS, rs -> {
            int from = rs.getInt(1);
            int fromRow = rs.wasNull() ? BUCKETS : from;
            moved[fromRow][rs.getInt(2)] += rs.getLong(3);
        }, later, earlier);
        return moved;
    }
}
