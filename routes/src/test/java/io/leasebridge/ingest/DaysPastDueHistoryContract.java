package io.leasebridge.ingest;

import io.leasebridge.model.LeaseAccount;
import io.leasebridge.testing.HubDatabaseContract;
import io.leasebridge.testing.TestDatabase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/** The days-past-due history against each database the hub runs on; every test starts from a fresh schema. */
abstract class DaysPastDueHistoryContract extends HubDatabaseContract {

    static final LocalDate DAY = LocalDate.of(2026, 1, 15);

    JdbcTemplate jdbc;
    DaysPastDueHistory history;

    DaysPastDueHistoryContract(Supplier<TestDatabase> database) {
        super(database);
    }

    @BeforeEach
    void setUp() {
        jdbc = new JdbcTemplate(freshSchema());
        history = new DaysPastDueHistory(jdbc);
    }

    @Test
    void aLeaseHasOneRowADayWithItsLatestValuesAndAnotherDayAddsARow() {
        // more leases than one statement of the history takes
        history.record(IntStream.rangeClosed(1, 450).mapToObj(i -> lease("L-%03d".formatted(i), 10, "100.00")).toList(), DAY);
        history.record(List.of(lease("L-002", 40, "90.50")), DAY);
        history.record(List.of(lease("L-002", 41, "80.00")), DAY.plusDays(1));

        assertThat(jdbc.queryForObject("select count(*) from lease_dpd_history where as_of = ?", Long.class, DAY)).isEqualTo(450);
        assertThat(jdbc.queryForList("""
                select days_past_due || ' ' || payoff_balance from lease_dpd_history where lease_id = 'L-002' order by as_of""",
                String.class)).containsExactly("40 90.50", "41 80.00");
        assertThat(jdbc.queryForObject("select days_past_due from lease_dpd_history where lease_id = 'L-450' and as_of = ?",
                Integer.class, DAY)).isEqualTo(10);
    }

    static LeaseAccount lease(String id, int daysPastDue, String payoff) {
        return new LeaseAccount(id, "C-1", "ACTIVE", DAY.plusDays(5), daysPastDue, new BigDecimal("120.00"), BigDecimal.ZERO,
                new BigDecimal(payoff), 14, DAY.minusDays(20), new BigDecimal("412.37"), "jdoe", "1FTFW1E50PFA00001", null, null, null, null);
    }
}
