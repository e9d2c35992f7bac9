package io.leasebridge.kpis;

import io.leasebridge.kpis.KpiReport.PromiseOutcomes;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * The portfolio week by week: leases and their payoff balance by days-past-due bucket at the end of each week, and the
 * promises judged in each week. The last week ends on the day asked for; each week is the seven days up to its end.
 * The history streams through once, holding one lease's state, as {@link CollectionsKpis} does.
 */
@Repository
public class PortfolioWeeks {

    private static final int BUCKETS = DpdBucket.values().length;

    private static final String HISTORY = """
            select lease_id, as_of, days_past_due, payoff_balance from lease_dpd_history where as_of <= ? order by lease_id, as_of
            """;

    private static final String JUDGED = """
            select judged_on, status, count(*) from promise
            where status in ('KEPT', 'PARTIALLY_KEPT', 'BROKEN') and judged_on > ? and judged_on <= ?
            group by judged_on, status
            """;

    private final JdbcTemplate jdbc;
    private final JdbcTemplate history;

    public PortfolioWeeks(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
        this.history = new JdbcTemplate(Objects.requireNonNull(jdbc.getDataSource()));
        this.history.setFetchSize(1000);
    }

    /**
     * Leases by bucket at the end of one week, each as its latest history row on or before that day showed it.
     *
     * @param leases  per bucket, best first
     * @param balance payoff balance per bucket, best first (a row without one counts zero)
     */
    public record BucketWeek(LocalDate weekEnding, List<Long> leases, List<BigDecimal> balance) {
        public BucketWeek {
            leases = List.copyOf(leases);
            balance = List.copyOf(balance);
        }
    }

    public record PromiseWeek(LocalDate weekEnding, PromiseOutcomes outcomes) {
    }

    @Transactional(readOnly = true)
    public List<BucketWeek> dpdBuckets(LocalDate asOf, int weeks) {
        WeekTally tally = new WeekTally(weekEnds(asOf, weeks));
        history.query(HISTORY, rs -> {
            BigDecimal payoff = rs.getBigDecimal(4);
            tally.row(rs.getString(1), rs.getObject(2, LocalDate.class), rs.getInt(3), payoff == null ? BigDecimal.ZERO : payoff);
        }, asOf);
        return tally.finish();
    }

    public List<PromiseWeek> judgedPromises(LocalDate asOf, int weeks) {
        List<LocalDate> ends = weekEnds(asOf, weeks);
        long[][] counts = new long[weeks][3];
        jdbc.query(JUDGED, rs -> {
            LocalDate day = rs.getObject(1, LocalDate.class);
            int week = weeks - 1 - (int) (ChronoUnit.DAYS.between(day, asOf) / 7);
            int outcome = switch (rs.getString(2)) {
                case "KEPT" -> 0;
                case "PARTIALLY_KEPT" -> 1;
                default -> 2;
            };
            counts[week][outcome] += rs.getLong(3);
        }, ends.get(0).minusDays(7), asOf);
        List<PromiseWeek> result = new ArrayList<>();
        for (int w = 0; w < weeks; w++) {
            result.add(new PromiseWeek(ends.get(w), PromiseOutcomes.of(counts[w][0], counts[w][1], counts[w][2])));
        }
        return result;
    }

    /** Oldest first; the last is {@code asOf}. */
    static List<LocalDate> weekEnds(LocalDate asOf, int weeks) {
        List<LocalDate> ends = new ArrayList<>();
        for (int w = weeks - 1; w >= 0; w--) {
            ends.add(asOf.minusWeeks(w));
        }
        return ends;
    }

    /** Counts each lease's bucket and balance at every week end, from its rows in date order, lease by lease. */
    private static final class WeekTally {

        private final List<LocalDate> ends;
        private final long[][] leases;
        private final BigDecimal[][] balance;
        private String lease;
        /** The current lease's bucket as of its latest row so far; -1 before its first. */
        private int bucket = -1;
        private BigDecimal payoff = BigDecimal.ZERO;
        /** The first week end the current lease is not yet counted at. */
        private int week;

        WeekTally(List<LocalDate> ends) {
            this.ends = ends;
            this.leases = new long[ends.size()][BUCKETS];
            this.balance = new BigDecimal[ends.size()][BUCKETS];
            Arrays.stream(balance).forEach(row -> Arrays.fill(row, BigDecimal.ZERO.setScale(2)));
        }

        void row(String leaseId, LocalDate asOf, int daysPastDue, BigDecimal payoffBalance) {
            if (!leaseId.equals(lease)) {
                finishLease();
                lease = leaseId;
            }
            countBefore(asOf);
            bucket = DpdBucket.of(daysPastDue).ordinal();
            payoff = payoffBalance;
        }

        List<BucketWeek> finish() {
            finishLease();
            List<BucketWeek> result = new ArrayList<>();
            for (int w = 0; w < ends.size(); w++) {
                result.add(new BucketWeek(ends.get(w), Arrays.stream(leases[w]).boxed().toList(), Arrays.asList(balance[w])));
            }
            return result;
        }

        private void countBefore(LocalDate day) {
            for (; week < ends.size() && ends.get(week).isBefore(day); week++) {
                if (bucket >= 0) {
                    leases[week][bucket]++;
                    balance[week][bucket] = balance[week][bucket].add(payoff);
                }
            }
        }

        private void finishLease() {
            countBefore(LocalDate.MAX);
            bucket = -1;
            payoff = BigDecimal.ZERO;
            week = 0;
        }
    }
}
