package io.leasebridge.ingest;

import io.leasebridge.hub.sql.ColumnArrays;
import io.leasebridge.model.LeaseAccount;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

import java.sql.Date;
import java.time.LocalDate;
import java.util.List;

/**
 * Days past due and payoff balance per lease and export day, written when the lease changed; the ground of DPD buckets
 * (count and balance) and roll rates. A batch's rows go as one array per column into one {@code MERGE}, the same
 * statement for any number of rows, which H2 and PostgreSQL plan once.
 */
@Repository
public class DaysPastDueHistory {

    private static final String HISTORY = """
            merge into lease_dpd_history h
            using (select * from unnest(cast(? as character varying array), cast(? as date array), cast(? as integer array),
                   cast(? as character varying array), cast(? as numeric array))
                   as d (lease_id, as_of, days_past_due, collector, payoff_balance)) d
            on h.lease_id = d.lease_id and h.as_of = d.as_of
            when matched then update set days_past_due = d.days_past_due, collector = d.collector,
                 payoff_balance = d.payoff_balance
            when not matched then insert (lease_id, as_of, days_past_due, collector, payoff_balance)
                 values (d.lease_id, d.as_of, d.days_past_due, d.collector, d.payoff_balance)""";
    private static final int COLUMNS = 5;

    private final JdbcTemplate jdbc;

    public DaysPastDueHistory(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    void record(List<LeaseAccount> leases, LocalDate asOf) {
        if (leases.isEmpty()) {
            return;
        }
        Date day = Date.valueOf(asOf);
        List<Object[]> rows = leases.stream().map(l -> new Object[]{l.leaseId(), day, l.daysPastDue(), l.collector(),
                l.payoffBalance()}).toList();
        jdbc.update(HISTORY, ps -> ColumnArrays.bind(ps, 1, rows, COLUMNS));
    }
}
