package io.leasebridge.admin;

import io.leasebridge.hub.FlowRun;
import io.leasebridge.hub.RunCounts;
import io.leasebridge.hub.RunHistory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Repository;

import java.sql.Timestamp;
import java.util.Optional;
import java.util.Set;

/** The run history as the admin API reads it: filtered, newest first, a page at a time. */
@Repository
class RunSearch {

    static final Set<String> STATUSES = Set.of(RunHistory.RUNNING, RunHistory.SUCCEEDED, RunHistory.FAILED, RunHistory.ABORTED);

    private static final String COLUMNS = """
            select id, flow, source, status, started_at, finished_at, rows_read, rows_changed, rows_sent, rows_failed,
                   rows_quarantined, api_calls, error, node_id from flow_run""";
    private static final RowMapper<FlowRun> RUN = (rs, n) -> new FlowRun(rs.getLong(1), rs.getString(2), rs.getString(3),
            rs.getString(4), rs.getTimestamp(5).toInstant(), instant(rs.getTimestamp(6)),
            new RunCounts(rs.getLong(7), rs.getLong(8), rs.getLong(9), rs.getLong(10), rs.getLong(11), rs.getLong(12)),
            rs.getString(13), rs.getString(14));

    private final JdbcTemplate jdbc;

    RunSearch(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    Paged<FlowRun> find(String flow, String status, Paging paging) {
        Filters filters = new Filters().equal("flow", flow).equal("status", Filters.status(status, STATUSES));
        Long total = jdbc.queryForObject("select count(*) from flow_run" + filters.where(), Long.class, filters.args());
        return new Paged<>(jdbc.query(COLUMNS + filters.where() + " order by id desc limit ? offset ?", RUN,
                filters.args(paging.size(), paging.offset())), paging.page(), paging.size(), total == null ? 0 : total);
    }

    Optional<FlowRun> latest(String flow) {
        return jdbc.query(COLUMNS + " where flow = ? order by id desc limit 1", RUN, flow).stream().findFirst();
    }

    Optional<FlowRun> running(String flow) {
        return jdbc.query(COLUMNS + " where flow = ? and status = ? order by id desc limit 1", RUN, flow, RunHistory.RUNNING)
                .stream().findFirst();
    }

    private static java.time.Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
