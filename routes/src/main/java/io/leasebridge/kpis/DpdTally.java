package io.leasebridge.kpis;

import io.leasebridge.kpis.KpiReport.BucketCount;
import io.leasebridge.kpis.KpiReport.DpdMonth;
import io.leasebridge.kpis.KpiReport.RollRate;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * Counts leases by days-past-due bucket at each month end, and moves between buckets from one month end to the
 * next, from history rows fed to it lease by lease in date order. It holds one lease's state and the counts,
 * never the rows, so a portfolio of any size streams through it.
 */
final class DpdTally {

    private static final int BUCKETS = DpdBucket.values().length;

    private final List<YearMonth> months = new ArrayList<>();
    private final LocalDate[] measuredOn;
    /** [month][bucket] */
    private final long[][] leases;
    /** [month][bucket at the end of the month before][bucket at the end of this month] */
    private final long[][][] moves;

    private String lease;
    /** The current lease's bucket as of its latest row so far; null before its first. */
    private DpdBucket bucket;
    /** The bucket it was counted in at the end of the month before {@link #month}; null if it had none. */
    private DpdBucket previous;
    /** The first month the current lease's bucket is not yet counted in. */
    private int month;

    /** Every month from {@code first} through {@code last}, each measured at its end, or on {@code asOf} if sooner. */
    DpdTally(YearMonth first, YearMonth last, LocalDate asOf) {
        for (YearMonth m = first; !m.isAfter(last); m = m.plusMonths(1)) {
            months.add(m);
        }
        measuredOn = months.stream().map(m -> m.atEndOfMonth().isAfter(asOf) ? asOf : m.atEndOfMonth()).toArray(LocalDate[]::new);
        leases = new long[months.size()][BUCKETS];
        moves = new long[months.size()][BUCKETS][BUCKETS];
    }

    /** The next history row; rows come ordered by lease, then day, and none after the last month is measured. */
    void row(String leaseId, LocalDate asOf, int daysPastDue) {
        if (!Objects.equals(leaseId, lease)) {
            finishLease();
            lease = leaseId;
        }
        countUntil(asOf);
        bucket = DpdBucket.of(daysPastDue);
    }

    /** Call after the last row. */
    void finish() {
        finishLease();
    }

    List<DpdMonth> dpdMonths() {
        List<DpdMonth> result = new ArrayList<>();
        for (int m = 0; m < months.size(); m++) {
            List<BucketCount> counts = new ArrayList<>();
            for (DpdBucket b : DpdBucket.values()) {
                counts.add(new BucketCount(b, leases[m][b.ordinal()]));
            }
            result.add(new DpdMonth(months.get(m), measuredOn[m], Arrays.stream(leases[m]).sum(), counts));
        }
        return result;
    }

    List<RollRate> rollRates() {
        List<RollRate> result = new ArrayList<>();
        for (int m = 1; m < months.size(); m++) {
            for (DpdBucket from : DpdBucket.values()) {
                long[] to = moves[m][from.ordinal()];
                long worse = Arrays.stream(to, from.ordinal() + 1, BUCKETS).sum();
                long better = Arrays.stream(to, 0, from.ordinal()).sum();
                result.add(RollRate.of(months.get(m - 1), months.get(m), from, worse, to[from.ordinal()], better));
            }
        }
        return result;
    }

    /** Counts the current lease's bucket in every month measured before {@code day}: its state there is final. */
    private void countUntil(LocalDate day) {
        for (; month < months.size() && measuredOn[month].isBefore(day); month++) {
            if (bucket != null) {
                leases[month][bucket.ordinal()]++;
                if (previous != null) {
                    moves[month][previous.ordinal()][bucket.ordinal()]++;
                }
            }
            previous = bucket;
        }
    }

    private void finishLease() {
        countUntil(LocalDate.MAX);
        bucket = null;
        previous = null;
        month = 0;
    }
}
