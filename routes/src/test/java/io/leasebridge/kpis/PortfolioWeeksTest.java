package io.leasebridge.kpis;

import io.leasebridge.testing.TestDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The portfolio's weeks on the embedded hub: buckets with their balance at each week's end, promises judged per week. */
class PortfolioWeeksTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 12, 2);

    private static TestDatabase database;
    private JdbcTemplate jdbc;
    private PortfolioWeeks weeks;

    @BeforeAll
    static void start() {
        database = TestDatabase.h2();
    }

    @AfterAll
    static void stop() {
        database.close();
    }

    @BeforeEach
    void hub() {
        jdbc = new JdbcTemplate(database.freshSchema());
        weeks = new PortfolioWeeks(jdbc);
    }

    @Test
    void eachWeekCountsEveryLeaseInTheBucketItsLatestRowShowedWithItsPayoffBalance() {
        history("L-1", TODAY.minusWeeks(5), 0, "9000.00");
        history("L-1", TODAY.minusWeeks(2).plusDays(1), 35, "8800.50");
        history("L-2", TODAY.minusWeeks(1), 95, "4000.00");
        history("L-3", TODAY.minusWeeks(20), 12, null);

        List<PortfolioWeeks.BucketWeek> buckets = weeks.dpdBuckets(TODAY, 12);

        assertThat(buckets).hasSize(12);
        assertThat(buckets.get(0).weekEnding()).isEqualTo(TODAY.minusWeeks(11));
        assertThat(buckets.get(11).weekEnding()).isEqualTo(TODAY);
        assertThat(buckets.get(0).leases()).containsExactly(0L, 1L, 0L, 0L, 0L);
        assertThat(buckets.get(7).leases()).as("L-1's first row").containsExactly(1L, 1L, 0L, 0L, 0L);
        assertThat(buckets.get(9).leases()).as("L-1 moves the day after this week ends").containsExactly(1L, 1L, 0L, 0L, 0L);
        assertThat(buckets.get(10).leases()).containsExactly(0L, 1L, 1L, 0L, 1L);
        assertThat(buckets.get(10).balance()).containsExactly(new BigDecimal("0.00"), new BigDecimal("0.00"),
                new BigDecimal("8800.50"), new BigDecimal("0.00"), new BigDecimal("4000.00"));
        assertThat(buckets.get(9).balance().get(0)).isEqualByComparingTo("9000.00");
    }

    @Test
    void promisesCountInTheWeekTheyWereJudgedAndNothingOlderThanTheFirstWeekCounts() {
        promise("P-1", "BROKEN", TODAY);
        promise("P-2", "BROKEN", TODAY.minusDays(6));
        promise("P-3", "KEPT", TODAY.minusDays(7));
        promise("P-4", "PARTIALLY_KEPT", TODAY.minusWeeks(11).minusDays(6));
        promise("P-5", "BROKEN", TODAY.minusWeeks(12));
        promise("P-6", "OPEN", null);

        List<PortfolioWeeks.PromiseWeek> judged = weeks.judgedPromises(TODAY, 12);

        assertThat(judged.get(11).outcomes()).isEqualTo(KpiReport.PromiseOutcomes.of(0, 0, 2));
        assertThat(judged.get(10).outcomes()).isEqualTo(KpiReport.PromiseOutcomes.of(1, 0, 0));
        assertThat(judged.get(0).outcomes()).isEqualTo(KpiReport.PromiseOutcomes.of(0, 1, 0));
        assertThat(judged.stream().mapToLong(w -> w.outcomes().judged()).sum()).isEqualTo(4);
    }

    private void history(String lease, LocalDate asOf, int daysPastDue, String payoff) {
        jdbc.update("insert into lease_dpd_history (lease_id, as_of, days_past_due, collector, payoff_balance) values (?, ?, ?, 'jdoe', ?)",
                lease, asOf, daysPastDue, payoff == null ? null : new BigDecimal(payoff));
    }

    private void promise(String id, String status, LocalDate judgedOn) {
        jdbc.update("""
                insert into promise (promise_id, lease_id, amount, promised_date, made_on, made_by, status, amount_applied,
                                     judged_on, amended_count, last_sequence)
                values (?, 'L-1', 100.00, ?, ?, 'jdoe', ?, 0, ?, 0, 1)""", id, TODAY.minusWeeks(13), TODAY.minusWeeks(14), status, judgedOn);
    }
}
