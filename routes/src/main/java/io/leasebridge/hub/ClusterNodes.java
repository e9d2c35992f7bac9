package io.leasebridge.hub;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** The {@code cluster_node} table: which nodes work on this hub, and which of them still heartbeat. */
@Repository
public class ClusterNodes {

    private final JdbcTemplate jdbc;
    private final Clock clock;

    public ClusterNodes(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public void join(ClusterNode node) {
        Timestamp now = Timestamp.from(clock.instant());
        if (jdbc.update("update cluster_node set heartbeat_at = ?, stopped_at = null where node_id = ?", now, node.id()) == 0) {
            jdbc.update("insert into cluster_node (node_id, host, started_at, heartbeat_at) values (?, ?, ?, ?)",
                    node.id(), node.host(), now, now);
        }
    }

    /** The node and the runs it has under way are alive as of now. */
    public void heartbeat(ClusterNode node) {
        Timestamp now = Timestamp.from(clock.instant());
        jdbc.update("update cluster_node set heartbeat_at = ? where node_id = ?", now, node.id());
        jdbc.update("update flow_run set heartbeat_at = ? where node_id = ? and status = 'RUNNING'", now, node.id());
    }

    public void leave(ClusterNode node) {
        jdbc.update("update cluster_node set stopped_at = ? where node_id = ?", Timestamp.from(clock.instant()), node.id());
    }

    /**
     * Nodes other than {@code node}, seen within the last day, that stopped or have not heartbeated since
     * {@code silentSince}: those whose leftovers may still be in the hub.
     */
    public List<String> goneBesides(ClusterNode node, Instant silentSince) {
        return jdbc.queryForList("""
                        select node_id from cluster_node where node_id <> ? and heartbeat_at >= ?
                        and (stopped_at is not null or heartbeat_at < ?)""",
                String.class, node.id(), Timestamp.from(clock.instant().minus(Duration.ofDays(1))), Timestamp.from(silentSince));
    }

    /** Nodes that were alive within {@code recent}, newest first; alive when they heartbeat within {@code silentAfter}. */
    public List<ClusterMember> members(Duration recent, Duration silentAfter) {
        Instant now = clock.instant();
        Instant aliveSince = now.minus(silentAfter);
        return jdbc.query("""
                        select node_id, host, started_at, heartbeat_at, stopped_at from cluster_node
                        where heartbeat_at >= ? order by started_at desc""",
                (rs, n) -> {
                    Instant heartbeat = rs.getTimestamp(4).toInstant();
                    Timestamp stopped = rs.getTimestamp(5);
                    return new ClusterMember(rs.getString(1), rs.getString(2), rs.getTimestamp(3).toInstant(), heartbeat,
                            stopped == null ? null : stopped.toInstant(), stopped == null && !heartbeat.isBefore(aliveSince));
                },
                Timestamp.from(now.minus(recent)));
    }
}
