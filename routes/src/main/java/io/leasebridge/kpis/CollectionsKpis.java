package io.leasebridge.kpis;

import io.leasebridge.kpis.KpiReport.CollectorMonthOutcomes;
import io.leasebridge.kpis.KpiReport.CollectorOutcomes;
import io.leasebridge.kpis.KpiReport.HandedOverOutcomes;
import io.leasebridge.kpis.KpiReport.KeptRates;
import io.leasebridge.kpis.KpiReport.MonthOutcomes;
import io.leasebridge.kpis.KpiReport.PromiseOutcomes;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * The collections KPIs computed from the hub: promise outcomes from the ledger's {@code promise} projection
 * (counted by the database, a row per collector and month comes back), credited to the collector who took the
 * promise, not to whoever has the lease now, days-past-due buckets and roll rates
 * from {@code lease_dpd_history} (streamed once, in lease order, through a {@link DpdTally} that keeps only
 * counts). Memory does not grow with the portfolio.
 */
@Repository
public class CollectionsKpis {

    private static final int HISTORY_FETCH_SIZE = 1000;

    private static final String OUTCOMES_BY_COLLECTOR_AND_MONTH = """
            select coalesce(p.made_by, a.collector), extract(year from p.judged_on) as judged_year,
                   extract(month from p.judged_on) as judged_month,
                   sum(case when p.status = 'KEPT' then 1 else 0 end) as kept,
                   sum(case when p.status = 'PARTIALLY_KEPT' then 1 else 0 end) as partially_kept,
                   sum(case when p.status = 'BROKEN' then 1 else 0 end) as broken
            from promise p
            left join lease_account a on a.lease_id = p.lease_id
            where p.status in ('KEPT', 'PARTIALLY_KEPT', 'BROKEN') and p.judged_on <= ?
            group by coalesce(p.made_by, a.collector), extract(year from p.judged_on), extract(month from p.judged_on)
            """;

    /** Promises whose lease has since gone to another collector (an escalation, a reassignment). */
    private static final String OUTCOMES_HANDED_OVER = """
            select p.made_by, a.collector,
                   sum(case when p.status = 'KEPT' then 1 else 0 end) as kept,
                   sum(case when p.status = 'PARTIALLY_KEPT' then 1 else 0 end) as partially_kept,
                   sum(case when p.status = 'BROKEN' then 1 else 0 end) as broken
            from promise p
            join lease_account a on a.lease_id = p.lease_id
            where p.status in ('KEPT', 'PARTIALLY_KEPT', 'BROKEN') and p.judged_on <= ? and p.made_by <> a.collector
            group by p.made_by, a.collector
            """;

    private static final String HISTORY_SPAN = "select min(as_of), max(as_of) from lease_dpd_history where as_of <= ?";

    private static final String HISTORY = """
            select lease_id, as_of, days_past_due from lease_dpd_history where as_of <= ? order by lease_id, as_of
            """;

    private final JdbcTemplate jdbc;
    /** Same connection (and transaction) as {@link #jdbc}; fetches the history in pages instead of all at once. */
    private final JdbcTemplate history;

    public CollectionsKpis(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
        this.history = new JdbcTemplate(Objects.requireNonNull(jdbc.getDataSource()));
        this.history.setFetchSize(HISTORY_FETCH_SIZE);
    }

    /**
     * The KPIs as the hub knows them, counting nothing dated after {@code asOf}. The queries share one transaction,
     * so that where the database keeps snapshots they see the same one even while exports are being ingested.
     */
    @Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
    public KpiReport compute(LocalDate asOf) {
        KeptRates keptRates = keptRates(asOf);
        DpdTally dpd = bucketsAndRolls(asOf);
        return dpd == null
                ? new KpiReport(asOf, keptRates, List.of(), List.of())
                : new KpiReport(asOf, keptRates, dpd.dpdMonths(), dpd.rollRates());
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
        List<HandedOverOutcomes> handedOver = jdbc.query(OUTCOMES_HANDED_OVER, (rs, row) -> new HandedOverOutcomes(rs.getString(1),
                rs.getString(2), PromiseOutcomes.of(rs.getLong(3), rs.getLong(4), rs.getLong(5))), asOf).stream()
                .sorted(Comparator.comparing(HandedOverOutcomes::takenBy).thenComparing(HandedOverOutcomes::currentCollector))
                .toList();
        return new KeptRates(cells, perCollector, months, total, handedOver);
    }

    /** One pass over the history up to asOf, in (lease, day) order, through a {@link DpdTally}. */
    private DpdTally bucketsAndRolls(LocalDate asOf) {
        LocalDate[] span = jdbc.queryForObject(HISTORY_SPAN,
                (rs, row) -> new LocalDate[]{rs.getObject(1, LocalDate.class), rs.getObject(2, LocalDate.class)}, asOf);
        if (span == null || span[0] == null) {
            return null;
        }
        DpdTally tally = new DpdTally(YearMonth.from(span[0]), YearMonth.from(span[1]), asOf);
        history.query(HISTORY, rs -> {
            tally.row(rs.getString(1), rs.getObject(2, LocalDate.class), rs.getInt(3));
        }, asOf);
        tally.finish();
        return tally;
    }
}
