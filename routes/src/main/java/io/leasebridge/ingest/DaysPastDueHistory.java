package io.leasebridge.ingest;

import io.leasebridge.model.LeaseAccount;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** Days past due per lease and export day, written when it changed; the ground of DPD buckets and roll rates. */
@Repository
public class DaysPastDueHistory {

    private final JdbcTemplate jdbc;

    public DaysPastDueHistory(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    void record(List<LeaseAccount> leases, LocalDate asOf) {
        if (leases.isEmpty()) {
            return;
        }
        Date day = Date.valueOf(asOf);
        List<Object[]> rows = leases.stream().map(l -> new Object[]{l.daysPastDue(), l.collector(), l.leaseId(), day}).toList();
        int[] updated = jdbc.batchUpdate("update lease_dpd_history set days_past_due = ?, collector = ? where lease_id = ? and as_of = ?", rows);
        List<Object[]> inserts = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            if (updated[i] == 0) {
                inserts.add(rows.get(i));
            }
        }
        if (!inserts.isEmpty()) {
            jdbc.batchUpdate("insert into lease_dpd_history (days_past_due, collector, lease_id, as_of) values (?, ?, ?, ?)", inserts);
        }
    }
}
