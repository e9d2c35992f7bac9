package io.leasebridge.hub;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

/** The run-history table: one row per run of a flow, with its counts and outcome. */
@Repository
public class RunHistory {

    public static final String RUNNING = "RUNNING";
    public static final String SUCCEEDED = "SUCCEEDED";
    public static final String FAILED = "FAILED";
    public static final String ABORTED = "ABORTED";

    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final RunListener listener;
    private final ClusterNode node;

    public RunHistory(JdbcTemplate jdbc, Clock clock) {
        this(jdbc, clock, RunListener.NONE, ClusterNode.LOCAL);
    }

    @Autowired
    public RunHistory(JdbcTemplate jdbc, Clock clock, RunListener listener, ClusterNode node) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.listener = listener;
        this.node = node;
    }

    public long start(String flow, String source) {
        KeyHolder key = new GeneratedKeyHolder();
        Timestamp now = Timestamp.from(clock.instant());
        jdbc.update(con -> {
            PreparedStatement ps = con.prepareStatement(
                    "insert into flow_run (flow, source, status, started_at, node_id, heartbeat_at) values (?, ?, 'RUNNING', ?, ?, ?)",
                    new String[]{"id"});
            ps.setString(1, flow);
            ps.setString(2, source);
            ps.setTimestamp(3, now);
            ps.setString(4, node.id());
            ps.setTimestamp(5, now);
            return ps;
        }, key);
        long runId = key.getKeyAs(Number.class).longValue();
        listener.runStarted(runId, flow);
        return runId;
    }

    public void finish(long runId, RunCounts counts, String error) {
        jdbc.update("""
                update flow_run set status = ?, finished_at = ?, rows_read = ?, rows_changed = ?, rows_sent = ?,
                       rows_failed = ?, rows_quarantined = ?, api_calls = ?, error = ? where id = ?""",
                error == null ? SUCCEEDED : FAILED, Timestamp.from(clock.instant()), counts.read(), counts.changed(),
                counts.sent(), counts.failed(), counts.quarantined(), counts.apiCalls(), error, runId);
        listener.runFinished(runId, counts, error);
    }

    /**
     * Runs left RUNNING by a node that stopped heartbeating before {@code silentSince} (a process that died): they did not
     * finish, and say so. Runs of live nodes, this one's or another's, are left alone.
     */
    public int abortRunsOfSilentNodes(Instant silentSince) {
        return jdbc.update("""
                update flow_run set status = 'ABORTED', finished_at = ?, error = 'process stopped before the run finished'
                where status = 'RUNNING' and (heartbeat_at is null or heartbeat_at < ?)""",
                Timestamp.from(clock.instant()), Timestamp.from(silentSince));
    }

    /** On a hub no other process can open: every RUNNING run not this node's was left by a process that died. */
    public int abortRunsOfOtherNodes() {
        return jdbc.update("""
                update flow_run set status = 'ABORTED', finished_at = ?, error = 'process stopped before the run finished'
                where status = 'RUNNING' and (node_id is null or node_id <> ?)""", Timestamp.from(clock.instant()), node.id());
    }

    public List<FlowRun> since(Instant from) {
        return jdbc.query("""
                select id, flow, source, status, started_at, finished_at, rows_read, rows_changed, rows_sent, rows_failed,
                       rows_quarantined, api_calls, error, node_id from flow_run where started_at >= ? order by id""",
                (rs, n) -> new FlowRun(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getTimestamp(5).toInstant(), rs.getTimestamp(6) == null ? null : rs.getTimestamp(6).toInstant(),
                        new RunCounts(rs.getLong(7), rs.getLong(8), rs.getLong(9), rs.getLong(10), rs.getLong(11), rs.getLong(12)),
                        rs.getString(13), rs.getString(14)),
                Timestamp.from(from));
    }
}
