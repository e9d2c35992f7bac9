package io.leasebridge.promises;

import io.leasebridge.hub.sql.KeyLookup;
import io.leasebridge.ledger.ProjectedPromise;
import io.leasebridge.ledger.PromiseEvent;
import io.leasebridge.ledger.PromiseEventType;
import io.leasebridge.ledger.PromiseProjection;
import io.leasebridge.ledger.PromiseState;
import io.leasebridge.ledger.PromiseStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Repository;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.function.Predicate;

/**
 * The ledger in the hub: {@code promise_event}, appended to and never changed, and {@code promise}, the
 * projection kept current with each append and rebuildable from the events; the one store of both tables. Callers hold
 * the transaction.
 */
@Repository
public class PromiseLedgerStore {

    private static final RowMapper<PromiseEvent> EVENT = (rs, n) -> new PromiseEvent(
            rs.getLong("sequence"), rs.getString("promise_id"), rs.getString("lease_id"),
            PromiseEventType.valueOf(rs.getString("type")), rs.getBigDecimal("amount"),
            rs.getDate("promised_date") == null ? null : rs.getDate("promised_date").toLocalDate(),
            rs.getString("payment_id"), rs.getString("actor"), rs.getDate("occurred_on").toLocalDate(),
            rs.getTimestamp("recorded_at").toInstant());

    private static final String PROJECTED = """
            select promise_id, lease_id, amount, promised_date, made_on, made_by, status, amount_applied, judged_on, amended_count
            from promise""";
    private static final RowMapper<ProjectedPromise> PROMISE = (rs, n) -> new ProjectedPromise(rs.getString(1), rs.getString(2),
            rs.getBigDecimal(3), rs.getDate(4).toLocalDate(), rs.getDate(5).toLocalDate(), rs.getString(6),
            PromiseStatus.valueOf(rs.getString(7)), rs.getBigDecimal(8), rs.getDate(9) == null ? null : rs.getDate(9).toLocalDate(),
            rs.getInt(10));

    private final JdbcTemplate jdbc;

    public PromiseLedgerStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public List<PromiseEvent> history(String leaseId) {
        return jdbc.query("select * from promise_event where lease_id = ? order by sequence", EVENT, leaseId);
    }

    /**
     * The histories of several leases, in event order: the leases go as one array, joined (H2 would check an {@code in}
     * list against every lease again for each event it finds).
     */
    public List<PromiseEvent> historyOf(Collection<String> leaseIds) {
        return KeyLookup.rows(jdbc, "select e.* from unnest(?) k (id) join promise_event e on e.lease_id = k.id order by e.sequence",
                leaseIds, EVENT);
    }

/** How many promises stand at each status. */
    public Map<String, Long> countsByStatus() {
        Map<String, Long> counts = new TreeMap<>();
        jdbc.query("select status, count(*) from promise group by status", rs -> {
            counts.put(rs.getString(1), rs.getLong(2));
        });
        return counts;
    }

    /** The verdicts and revisions, in order, of every promise revised at or after {@code since}. */
    public List<PromiseEvent> verdictsOfPromisesRevisedSince(Instant since) {
        return jdbc.query("""
                select * from promise_event
                where type in ('KEPT', 'PARTIALLY_KEPT', 'BROKEN', 'REVISED')
                  and promise_id in (select promise_id from promise_event where type = 'REVISED' and recorded_at >= ?)
                order by sequence""", EVENT, Timestamp.from(since));
    }

        public List<PromiseEvent> allEvents() {
        return jdbc.query("select * from promise_event order by sequence", EVENT);
    }

    /** Appends the events and brings the projection rows of the promises they touch up to date. */
    public void append(List<PromiseEvent> events, Map<String, PromiseState> statesAfter) {
        if (events.isEmpty()) {
            return;
        }
        jdbc.batchUpdate("""
                insert into promise_event (promise_id, lease_id, type, amount, promised_date, payment_id, actor, occurred_on, recorded_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                events.stream().map(e -> new Object[]{e.promiseId(), e.leaseId(), e.type().name(), e.amount(),
                        e.promisedDate() == null ? null : Date.valueOf(e.promisedDate()), e.paymentId(), e.actor(),
                        Date.valueOf(e.occurredOn()), Timestamp.from(e.recordedAt())}).toList());
        Long last = jdbc.queryForObject("select max(sequence) from promise_event", Long.class);
        List<PromiseState> touched = events.stream().map(PromiseEvent::promiseId).distinct().map(statesAfter::get).toList();
        writeProjection(touched, last == null ? 0 : last);
    }

    /** Leases that have a promise still open, the ones a judgement or a snapshot must look at. */
    public List<String> leasesWithOpenPromises() {
        return jdbc.queryForList("select distinct lease_id from promise where status in ('OPEN', 'UNCONFIRMED') order by lease_id", String.class);
    }

    /** Those of {@code leaseIds} with a promise a payment can still move: open, or judged (a late payment revises it). */
    public List<String> leasesWithLivePromises(Collection<String> leaseIds) {
        return leasesWithPromises(leaseIds, status -> !"CANCELLED".equals(status));
    }

    /** Those of {@code leaseIds} with a promise still open. */
    public List<String> leasesWithOpenPromises(Collection<String> leaseIds) {
        return leasesWithPromises(leaseIds, status -> "OPEN".equals(status) || "UNCONFIRMED".equals(status));
    }

    /**
     * The status is judged here, not in the query: with it, H2 would seek the status index for every lease and walk all of
     * that status's promises each time, instead of looking each lease up in the lease index.
     */
    private List<String> leasesWithPromises(Collection<String> leaseIds, Predicate<String> status) {
        return KeyLookup.rows(jdbc, "select p.lease_id, p.status from unnest(?) k (id) join promise p on p.lease_id = k.id", leaseIds,
                        (rs, n) -> status.test(rs.getString(2)) ? rs.getString(1) : null)
                .stream().filter(Objects::nonNull).distinct().toList();
    }

    /** Every promise of the projection as stored (payments applied per promise are in the events only). */
    public List<ProjectedPromise> projection() {
        return jdbc.query(PROJECTED + " order by promise_id", PROMISE);
    }

    /** The lease's promises as stored, in the order they were made. */
    public List<ProjectedPromise> projection(String leaseId) {
        return jdbc.query(PROJECTED + " where lease_id = ? order by made_on, promise_id", PROMISE, leaseId);
    }

    /** Throws the projection away and folds it again from every event; returns how many promises it holds. */
    public int rebuildProjection() {
        jdbc.update("delete from promise");
        List<PromiseEvent> events = allEvents();
        Collection<PromiseState> states = PromiseProjection.of(events).promises().values();
        long last = events.isEmpty() ? 0 : events.get(events.size() - 1).sequence();
        writeProjection(states.stream().sorted(Comparator.comparing(PromiseState::promiseId)).toList(), last);
        return states.size();
    }

    private void writeProjection(List<PromiseState> states, long lastSequence) {
        List<Object[]> updates = new ArrayList<>();
        for (PromiseState s : states) {
            updates.add(new Object[]{s.leaseId(), s.amount(), Date.valueOf(s.promisedDate()), Date.valueOf(s.madeOn()), s.madeBy(),
                    s.status().name(), s.applied(), s.judgedOn() == null ? null : Date.valueOf(s.judgedOn()), s.amendedCount(),
                    lastSequence, s.promiseId()});
        }
        int[] updated = jdbc.batchUpdate("""
                update promise set lease_id = ?, amount = ?, promised_date = ?, made_on = ?, made_by = ?, status = ?,
                       amount_applied = ?, judged_on = ?, amended_count = ?, last_sequence = ? where promise_id = ?""", updates);
        List<Object[]> inserts = new ArrayList<>();
        for (int i = 0; i < updates.size(); i++) {
            if (updated[i] == 0) {
                inserts.add(updates.get(i));
            }
        }
        if (!inserts.isEmpty()) {
            jdbc.batchUpdate("""
                    insert into promise (lease_id, amount, promised_date, made_on, made_by, status, amount_applied, judged_on,
                                         amended_count, last_sequence, promise_id) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", inserts);
        }
    }

}
