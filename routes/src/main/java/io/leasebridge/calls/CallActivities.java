package io.leasebridge.calls;

import io.leasebridge.contact.CallAttempt;
import io.leasebridge.contact.TextMessage;
import io.leasebridge.hub.InLists;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

/** The call attempts and text messages logged on leases in Salesforce ({@code call_attempt}, {@code text_message}). */
@Repository
public class CallActivities {

    private final JdbcTemplate jdbc;
    private final Clock clock;

    public CallActivities(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Keeps the call; whether it was new or changed (a Task read again in the overlap changes nothing). */
    boolean keepCall(String id, String leaseId, Instant at, boolean conversation) {
        return keep("call_attempt", "attempted_at", "conversation", id, leaseId, at, conversation);
    }

    /** Keeps the text; whether it was new or changed. */
    boolean keepText(String id, String leaseId, Instant at, boolean inbound) {
        return keep("text_message", "sent_at", "inbound", id, leaseId, at, inbound);
    }

    Map<String, List<CallAttempt>> attempts(Collection<String> leaseIds) {
        return byLease("select lease_id, attempted_at, conversation from call_attempt", leaseIds, CallAttempt::new);
    }

    Map<String, List<TextMessage>> texts(Collection<String> leaseIds) {
        return byLease("select lease_id, sent_at, inbound from text_message", leaseIds, TextMessage::new);
    }

    /** One activity row of {@code table} (its time and yes/no columns named), inserted or updated; whether it changed. */
    private boolean keep(String table, String timeColumn, String flagColumn, String id, String leaseId, Instant at, boolean flag) {
        Timestamp now = Timestamp.from(clock.instant());
        int updated = jdbc.update("update " + table + " set lease_id = ?, " + timeColumn + " = ?, " + flagColumn + " = ?, read_at = ?"
                        + " where activity_id = ? and (lease_id <> ? or " + timeColumn + " <> ? or " + flagColumn + " <> ?)",
                leaseId, Timestamp.from(at), flag, now, id, leaseId, Timestamp.from(at), flag);
        if (updated > 0) {
            return true;
        }
        Integer known = jdbc.queryForObject("select count(*) from " + table + " where activity_id = ?", Integer.class, id);
        if (known != null && known > 0) {
            return false;
        }
        jdbc.update("insert into " + table + " (activity_id, lease_id, " + timeColumn + ", " + flagColumn + ", read_at)"
                + " values (?, ?, ?, ?, ?)", id, leaseId, Timestamp.from(at), flag, now);
        return true;
    }

    /** Each lease's activities: {@code select} returns the lease, the activity's time and its yes/no column. */
    private <T> Map<String, List<T>> byLease(String select, Collection<String> leaseIds, BiFunction<Instant, Boolean, T> activity) {
        Map<String, List<T>> byLease = new HashMap<>();
        InLists.inChunks(leaseIds, chunk -> jdbc.query(select + " where lease_id in (" + InLists.placeholders(chunk.size()) + ")",
                (rs, n) -> Map.entry(rs.getString(1), activity.apply(rs.getTimestamp(2).toInstant(), rs.getBoolean(3))),
                chunk.toArray())).forEach(e -> byLease.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(e.getValue()));
        return byLease;
    }
}
