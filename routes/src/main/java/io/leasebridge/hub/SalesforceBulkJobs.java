package io.leasebridge.hub;

import io.leasebridge.mapping.salesforce.SObjectType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;

/**
 * The Bulk API 2.0 jobs the drain opened and the outbox rows each carries, kept from before the upload until the
 * results are marked: a run that finds one unfinished resumes it instead of uploading its rows again.
 */
@Repository
public class SalesforceBulkJobs {

    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final ClusterNode node;

    public SalesforceBulkJobs(JdbcTemplate jdbc, Clock clock, ClusterNode node) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.node = node;
    }

    /** A job row: the outbox row and the version the job carries. */
    public record JobRow(long outboxId, int version, String externalId) {
    }

    public void opened(String jobId, SObjectType type, List<OutboxRow> rows) {
        Timestamp now = Timestamp.from(clock.instant());
        jdbc.update("insert into sf_bulk_job (job_id, sobject, facet, state, node_id, created_at, updated_at) values (?, ?, ?, 'Open', ?, ?, ?)",
                jobId, type.apiName(), type.facet(), node.id(), now, now);
        jdbc.batchUpdate("insert into sf_bulk_job_row (job_id, outbox_id, version, external_id) values (?, ?, ?, ?)",
                rows.stream().map(r -> new Object[]{jobId, r.id(), r.version(), r.externalId()}).toList());
    }

    public void state(String jobId, String state) {
        jdbc.update("update sf_bulk_job set state = ?, updated_at = ? where job_id = ?", state, Timestamp.from(clock.instant()), jobId);
    }

    /** Jobs of a type whose results were not marked yet, oldest first. */
    public List<String> unfinished(SObjectType type) {
        return jdbc.queryForList("""
                select job_id from sf_bulk_job where state not in ('Done') and sobject = ? and facet = ? order by created_at""",
                String.class, type.apiName(), type.facet());
    }

    public List<JobRow> rows(String jobId) {
        return jdbc.query("select outbox_id, version, external_id from sf_bulk_job_row where job_id = ? order by outbox_id",
                (rs, n) -> new JobRow(rs.getLong(1), rs.getInt(2), rs.getString(3)), jobId);
    }

    /** The job's results are marked: its rows are forgotten, the job kept as Done for the record. */
    public void done(String jobId) {
        jdbc.update("delete from sf_bulk_job_row where job_id = ?", jobId);
        state(jobId, "Done");
    }
}
