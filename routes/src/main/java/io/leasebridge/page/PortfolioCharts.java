package io.leasebridge.page;

import io.leasebridge.kpis.CollectionsKpis;
import io.leasebridge.kpis.DpdBucket;
import io.leasebridge.kpis.KpiReport;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The charts of the page's portfolio and delivery views, from the hub's data: leases by days-past-due bucket per
 * month, promise kept rate by collector, broken promises per month, and records per flow over the last week. Each
 * chart comes with the rows of numbers it draws, for the table beside it.
 */
@Component
class PortfolioCharts {

    private static final int MONTHS = 12;

    private final CollectionsKpis kpis;
    private final JdbcTemplate jdbc;
    private final Clock clock;

    PortfolioCharts(CollectionsKpis kpis, JdbcTemplate jdbc, Clock clock) {
        this.kpis = kpis;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** A chart and its numbers: a header row and a row per category. */
    public record Chart(String id, BarChart chart, List<String> header, List<List<String>> rows) {
        public String svg() {
            return chart.svg();
        }
    }

    List<Chart> portfolio() {
        KpiReport report = kpis.compute(LocalDate.now(clock));
        List<KpiReport.DpdMonth> months = report.dpdBuckets().subList(Math.max(0, report.dpdBuckets().size() - MONTHS),
                report.dpdBuckets().size());
        List<String> monthNames = months.stream().map(m -> m.month().toString()).toList();
        List<BarChart.Series> buckets = Arrays.stream(DpdBucket.values()).map(bucket -> new BarChart.Series(bucket.label(),
                months.stream().map(m -> (double) leasesIn(m, bucket)).toList())).toList();
        List<List<String>> bucketRows = months.stream().map(m -> {
            List<String> row = new ArrayList<>(List.of(m.month().toString()));
            Arrays.stream(DpdBucket.values()).forEach(b -> row.add(String.valueOf(leasesIn(m, b))));
            return List.copyOf(row);
        }).toList();
        List<String> bucketHeader = new ArrayList<>(List.of("Month"));
        Arrays.stream(DpdBucket.values()).forEach(b -> bucketHeader.add(b.label()));

        List<KpiReport.CollectorOutcomes> collectors = report.promiseKeptRate().byCollector();
        List<String> collectorNames = collectors.stream().map(c -> c.collector() == null ? "(none)" : c.collector()).toList();
        Chart kept = new Chart("chart-kept-rate",
                new BarChart("Promise kept rate by collector (%)", collectorNames, List.of(new BarChart.Series("kept %",
                        collectors.stream().map(c -> c.outcomes().fullyKeptRate().doubleValue() * 100).toList()))),
                List.of("Collector", "Judged", "Kept", "Partially kept", "Broken", "Kept rate"),
                collectors.stream().map(c -> List.of(c.collector() == null ? "(none)" : c.collector(),
                        String.valueOf(c.outcomes().judged()), String.valueOf(c.outcomes().fullyKept()),
                        String.valueOf(c.outcomes().partiallyKept()), String.valueOf(c.outcomes().broken()),
                        c.outcomes().fullyKeptRate().toPlainString())).toList());

        List<KpiReport.MonthOutcomes> byMonth = report.promiseKeptRate().byMonth();
        Chart broken = new Chart("chart-broken-promises",
                new BarChart("Promises judged per month", byMonth.stream().map(m -> m.month().toString()).toList(), List.of(
                        new BarChart.Series("kept", byMonth.stream().map(m -> (double) m.outcomes().fullyKept()).toList()),
                        new BarChart.Series("broken", byMonth.stream().map(m -> (double) m.outcomes().broken()).toList()))),
                List.of("Month", "Kept", "Partially kept", "Broken"),
                byMonth.stream().map(m -> List.of(m.month().toString(), String.valueOf(m.outcomes().fullyKept()),
                        String.valueOf(m.outcomes().partiallyKept()), String.valueOf(m.outcomes().broken()))).toList());

        return List.of(new Chart("chart-dpd-buckets", new BarChart("Leases by days past due, per month", monthNames, buckets),
                List.copyOf(bucketHeader), bucketRows), kept, broken);
    }

    List<Chart> delivery() {
        List<List<String>> rows = new ArrayList<>();
        List<String> flows = new ArrayList<>();
        List<Double> read = new ArrayList<>();
        List<Double> sent = new ArrayList<>();
        List<Double> failed = new ArrayList<>();
        List<Double> quarantined = new ArrayList<>();
        jdbc.query("""
                select flow, count(*), sum(rows_read), sum(rows_sent), sum(rows_failed), sum(rows_quarantined), sum(api_calls)
                from flow_run where started_at >= ? group by flow order by flow""", rs -> {
            flows.add(rs.getString(1));
            read.add((double) rs.getLong(3));
            sent.add((double) rs.getLong(4));
            failed.add((double) rs.getLong(5));
            quarantined.add((double) rs.getLong(6));
            rows.add(List.of(rs.getString(1), String.valueOf(rs.getLong(2)), String.valueOf(rs.getLong(3)), String.valueOf(rs.getLong(4)),
                    String.valueOf(rs.getLong(5)), String.valueOf(rs.getLong(6)), String.valueOf(rs.getLong(7))));
        }, Timestamp.from(clock.instant().minus(Duration.ofDays(7))));
        return List.of(new Chart("chart-delivery", new BarChart("Records per flow, last 7 days", flows, List.of(
                new BarChart.Series("read", read), new BarChart.Series("sent", sent), new BarChart.Series("failed", failed),
                new BarChart.Series("quarantined", quarantined))),
                List.of("Flow", "Runs", "Read", "Sent", "Failed", "Quarantined", "API calls"), rows));
    }

    private static long leasesIn(KpiReport.DpdMonth month, DpdBucket bucket) {
        return month.buckets().stream().filter(b -> b.bucket() == bucket).mapToLong(KpiReport.BucketCount::leases).sum();
    }
}
