package io.leasebridge.page;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The delivery view from the run history: records, failures, quarantines and API calls per flow over the last week,
 * and per run for the latest runs.
 */
@Repository
class DeliveryCharts {

    static final int RUNS = 15;

    private final JdbcTemplate jdbc;
    private final Clock clock;

    DeliveryCharts(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    List<Chart> charts() {
        return List.of(perFlow(), perRun());
    }

    private Chart perFlow() {
        List<List<String>> rows = new ArrayList<>();
        Figures figures = new Figures();
        jdbc.query("""
                select flow, count(*), sum(rows_read), sum(rows_sent), sum(rows_failed), sum(rows_quarantined), sum(api_calls)
                from flow_run where started_at >= ? group by flow order by flow""", rs -> {
            figures.add(rs.getString(1), rs.getLong(3), rs.getLong(4), rs.getLong(5), rs.getLong(6), rs.getLong(7));
            rows.add(List.of(rs.getString(1), String.valueOf(rs.getLong(2)), String.valueOf(rs.getLong(3)), String.valueOf(rs.getLong(4)),
                    String.valueOf(rs.getLong(5)), String.valueOf(rs.getLong(6)), String.valueOf(rs.getLong(7))));
        }, Timestamp.from(clock.instant().minus(Duration.ofDays(7))));
        return new Chart("chart-delivery", figures.chart("Records and API calls per flow, last 7 days"),
                List.of("Flow", "Runs", "Read", "Sent", "Failed", "Quarantined", "API calls"), rows);
    }

    private Chart perRun() {
        List<List<String>> rows = new ArrayList<>();
        Figures figures = new Figures();
        jdbc.query("""
                select id, flow, status, started_at, rows_read, rows_sent, rows_failed, rows_quarantined, api_calls
                from flow_run order by id desc fetch first %d rows only""".formatted(RUNS), rs -> {
            figures.add("#" + rs.getLong(1), rs.getLong(5), rs.getLong(6), rs.getLong(7), rs.getLong(8), rs.getLong(9));
            rows.add(List.of("#" + rs.getLong(1), rs.getString(2), rs.getString(3), rs.getTimestamp(4).toInstant().toString(),
                    String.valueOf(rs.getLong(5)), String.valueOf(rs.getLong(6)), String.valueOf(rs.getLong(7)),
                    String.valueOf(rs.getLong(8)), String.valueOf(rs.getLong(9))));
        });
        return new Chart("chart-delivery-runs", figures.reversed().chart("Records and API calls of the latest " + RUNS + " runs"),
                List.of("Run", "Flow", "Status", "Started", "Read", "Sent", "Failed", "Quarantined", "API calls"), rows);
    }

    /** The bars of a delivery chart, a category at a time. */
    private static final class Figures {
        private final List<String> categories = new ArrayList<>();
        private final List<List<Double>> values = List.of(new ArrayList<>(), new ArrayList<>(), new ArrayList<>(),
                new ArrayList<>(), new ArrayList<>());

        void add(String category, long read, long sent, long failed, long quarantined, long apiCalls) {
            categories.add(category);
            long[] figures = {read, sent, failed, quarantined, apiCalls};
            for (int i = 0; i < figures.length; i++) {
                values.get(i).add((double) figures[i]);
            }
        }

        /** Oldest first, as a chart over time reads. */
        Figures reversed() {
            Collections.reverse(categories);
            values.forEach(Collections::reverse);
            return this;
        }

        BarChart chart(String title) {
            List<String> names = List.of("read", "sent", "failed", "quarantined", "API calls");
            List<BarChart.Series> series = new ArrayList<>();
            for (int i = 0; i < names.size(); i++) {
                series.add(new BarChart.Series(names.get(i), values.get(i)));
            }
            return new BarChart(title, categories, series);
        }
    }
}
