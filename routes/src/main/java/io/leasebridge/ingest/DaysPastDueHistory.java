package io.leasebridge.ingest;

import io.leasebridge.hub.MultiRowStatement;
import io.leasebridge.model.LeaseAccount;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

import java.sql.Date;
import java.time.LocalDate;
import java.util.List;

/** Days past due per lease and export day, written when it changed; the ground of DPD buckets and roll rates. */
@Repository
public class DaysPastDueHistory {

    private static final MultiRowStatement HISTORY = new MultiRowStatement("""
            merge into lease_dpd_history h using (values %s) as d (lease_id, as_of, days_past_due, collector)
            on h.lease_id = d.lease_id and h.as_of = d.as_of
            when matched then update set days_past_due = d.days_past_due, collector = d.collector
            when not matched then insert (lease_id, as_of, days_past_due, collector)
                 values (d.lease_id, d.as_of, d.days_past_due, d.collector)""",
            "(?, cast(? as date), cast(? as integer), cast(? as varchar(100)))");

    private final JdbcTemplate jdbc;

    public DaysPastDueHistory(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    void record(List<LeaseAccount> leases, LocalDate asOf) {
        if (leases.isEmpty()) {
            return;
        }
        Date day = Date.valueOf(asOf);
        HISTORY.execute(jdbc, leases.stream().map(l -> new Object[]{l.leaseId(), day, l.daysPastDue(), l.collector()}).toList());
    }
}
