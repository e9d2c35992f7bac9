package io.leasebridge.hub;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.Collection;
import java.util.List;

/** The audit trail of writes to external systems: appended in the transaction that records their outcome. */
@Repository
public class ExternalWrites {

    private final JdbcTemplate jdbc;
    private final Clock clock;

    public ExternalWrites(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public void record(List<ExternalWrite> writes) {
        if (writes.isEmpty()) {
            return;
        }
        Timestamp now = Timestamp.from(clock.instant());
        jdbc.batchUpdate("""
                insert into external_write (system, object, external_id, operation, flow, run_id, source_record, outcome, detail, written_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                writes.stream().map(w -> new Object[]{w.system(), w.object(), w.externalId(), w.operation(), w.flow(), w.runId(),
                        w.sourceRecord(), w.outcome(), w.detail(), now}).toList());
    }

    /** The writes of these records (by external id), oldest first. */
    public List<ExternalWrite> ofRecords(Collection<String> externalIds) {
        if (externalIds.isEmpty()) {
            return List.of();
        }
        return jdbc.query("select id, system, object, external_id, operation, flow, run_id, source_record, outcome, detail, written_at "
                        + "from external_write where external_id in (" + InLists.placeholders(externalIds.size())
                        + ") order by id",
                (rs, n) -> new ExternalWrite(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                        rs.getString(6), rs.getObject(7, Long.class), rs.getString(8), rs.getString(9), rs.getString(10),
                        rs.getTimestamp(11).toInstant()),
                externalIds.toArray());
    }
}
