package io.leasebridge.hub;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.stereotype.Repository;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The dead-letter table. The same problem seen again (see {@link DeadLetter#dedupKey()}) updates its entry: new
 * reason, the file and line it was last seen in, one more attempt; so re-reading a file after a crash, or a daily
 * snapshot that repeats a bad row, adds nothing. A record that arrives valid later closes its open entries.
 */
@Repository
public class DeadLetters {

    public static final String OPEN = "OPEN";
    /** Closed by itself: the record arrived valid after it had failed. */
    public static final String RESOLVED = "RESOLVED";
    /** Taken by a replay under way. */
    public static final String REPLAYING = "REPLAYING";
    /** Far longer than any replay takes: a claim this old was left by a node that died. */
    static final Duration ABANDONED_REPLAY = Duration.ofMinutes(10);

    private final JdbcTemplate jdbc;
    private final Clock clock;

    public DeadLetters(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public void record(List<DeadLetter> letters, long runId) {
        if (letters.isEmpty()) {
            return;
        }
        // The same failure twice in one batch is one entry seen twice: two inserts would break dedup_key.
        Map<String, DeadLetter> latest = new LinkedHashMap<>();
        Map<String, Integer> seen = new HashMap<>();
        for (DeadLetter d : letters) {
            latest.put(d.dedupKey(), d);
            seen.merge(d.dedupKey(), 1, Integer::sum);
        }
        List<DeadLetter> distinct = new ArrayList<>(latest.values());
        Timestamp now = Timestamp.from(clock.instant());
        List<Object[]> updates = new ArrayList<>(distinct.size());
        for (DeadLetter d : distinct) {
            updates.add(new Object[]{d.field(), d.errorCode(), d.reason(), d.payload(), d.sourceFile(), d.sourceLine(), runId, now,
                    seen.get(d.dedupKey()), d.dedupKey()});
        }
        int[] updated = jdbc.batchUpdate("""
                update dead_letter set field = ?, error_code = ?, reason = ?, payload = ?, source_file = ?, source_line = ?,
                       run_id = ?, updated_at = ?, attempts = attempts + ?, status = 'OPEN', resolved_run_id = null
                 where dedup_key = ?""", updates);
        List<Object[]> inserts = new ArrayList<>();
        for (int i = 0; i < distinct.size(); i++) {
            if (updated[i] == 0) {
                DeadLetter d = distinct.get(i);
                inserts.add(new Object[]{d.dedupKey(), d.flow(), d.recordType(), d.recordKey(), d.sourceFile(), d.sourceLine(),
                        d.field(), d.errorCode(), d.reason(), d.payload(), seen.get(d.dedupKey()), runId, now, now});
            }
        }
        if (!inserts.isEmpty()) {
            jdbc.batchUpdate("""
                    insert into dead_letter (dedup_key, flow, record_type, record_key, source_file, source_line, field,
                        error_code, reason, payload, attempts, status, run_id, created_at, updated_at)
                    values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'OPEN', ?, ?, ?)""", inserts);
        }
    }

    /**
     * Closes the open dead letters of records that arrived valid: those of {@code flow} and {@code recordType} whose
     * record key is one of {@code recordKeys}, marked {@value #RESOLVED} by run {@code runId}. Meant for every batch of
     * an ingest, in its transaction: a few statements per batch, whatever its size, each found through an index.
     *
     * @return how many dead letters it closed
     */
    public int resolveRecovered(String flow, String recordType, Collection<String> recordKeys, long runId) {
        if (recordKeys.isEmpty()) {
            return 0;
        }
        Timestamp now = Timestamp.from(clock.instant());
        return InLists.inChunks(new LinkedHashSet<>(recordKeys), keys -> {
            List<Object> args = new ArrayList<>(List.of(runId, now, flow, recordType));
            args.addAll(keys);
            return List.of(jdbc.update("""
                    update dead_letter set status = 'RESOLVED', resolved_run_id = ?, updated_at = ?
                     where flow = ? and record_type = ? and status in ('OPEN', 'REPLAYING') and record_key in (%s)"""
                    .formatted(InLists.placeholders(keys.size())), args.toArray()));
        }).stream().mapToInt(Integer::intValue).sum();
    }

    /**
     * The record keys of {@code flow}'s open dead letters of {@code recordType}, when there are at most {@code atMost}
     * of them; nothing when there are more, which a caller must take as "any record may have one".
     */
    public Optional<Set<String>> openRecordKeys(String flow, String recordType, int atMost) {
        Set<String> keys = new HashSet<>();
        jdbc.query("""
                select record_key from dead_letter where flow = ? and status = 'OPEN' and record_type = ?
                 fetch first %d rows only""".formatted(atMost + 1),
                (RowCallbackHandler) rs -> keys.add(rs.getString(1)), flow, recordType);
        return keys.size() > atMost ? Optional.empty() : Optional.of(keys);
    }

    public long countOpen(String flow) {
        Long count = jdbc.queryForObject("select count(*) from dead_letter where flow = ? and status = 'OPEN'", Long.class, flow);
        return count == null ? 0 : count;
    }

    public Optional<StoredDeadLetter> find(long id) {
        return jdbc.query("""
                select id, flow, record_type, record_key, source_file, source_line, field, error_code, reason, payload,
                       attempts, status from dead_letter where id = ?""",
                (rs, n) -> new StoredDeadLetter(rs.getLong(1), new DeadLetter(rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), (Long) rs.getObject(6, Long.class), rs.getString(7), rs.getString(8), rs.getString(9),
                        rs.getString(10)), rs.getInt(11), rs.getString(12)),
                id).stream().findFirst();
    }


    /**
     * Takes an open dead letter for one replay ({@value #REPLAYING}), so that two replays side by side (a double click,
     * two operators, two nodes) replay it once; false when it is not open. A claim whose node died is taken again after
     * {@link #ABANDONED_REPLAY}.
     */
    public boolean claimForReplay(long id) {
        Instant now = clock.instant();
        return jdbc.update("""
                update dead_letter set status = 'REPLAYING', updated_at = ?
                 where id = ? and (status = 'OPEN' or status = 'REPLAYING' and updated_at < ?)""",
                Timestamp.from(now), id, Timestamp.from(now.minus(ABANDONED_REPLAY))) == 1;
    }

    /** Ends a replay's claim: a dead letter the replay did not settle is open again. */
    public void endReplay(long id) {
        jdbc.update("update dead_letter set status = 'OPEN', updated_at = ? where id = ? and status = 'REPLAYING'",
                Timestamp.from(clock.instant()), id);
    }

    public void markReplayed(long id, String outcome) {
        Timestamp now = Timestamp.from(clock.instant());
        jdbc.update("update dead_letter set status = 'REPLAYED', replayed_at = ?, replay_outcome = ?, updated_at = ? where id = ?",
                now, outcome, now, id);
    }

    /** A replay that failed again: the entry stays open with the new reason and one more attempt. */
    public void replayFailed(long id, String reason) {
        Timestamp now = Timestamp.from(clock.instant());
        jdbc.update("""
                update dead_letter set reason = ?, attempts = attempts + 1, replayed_at = ?, replay_outcome = 'failed again',
                       updated_at = ? where id = ?""", reason, now, now, id);
    }
}
