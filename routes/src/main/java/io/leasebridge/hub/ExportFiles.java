package io.leasebridge.hub;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The export files LeaseBridge has taken. A file is {@link #DONE} only when its last batch commits (the
 * caller marks it inside that transaction), so a file a crash interrupted is still {@link #READING} and
 * is read again when it comes back; its rows already stored change nothing. Keys are hashes of the
 * file's name, size and modification time, so any name fits.
 */
@Repository
public class ExportFiles {

    public static final String READING = "READING";
    public static final String DONE = "DONE";
    public static final String REFUSED = "REFUSED";

    private final JdbcTemplate jdbc;
    private final Clock clock;

    public ExportFiles(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** The key of one version of a file: a file dropped again with other content is another file. */
    public static String key(String fileName, long size, long modifiedMillis) {
        return Hashes.sha256(fileName + '|' + size + '|' + modifiedMillis);
    }

    public boolean isDone(String key) {
        return DONE.equals(status(key));
    }

    /** Records that reading starts (again, after a crash) in its own transaction. */
    public void reading(String key, String export, String fileName, long runId) {
        Timestamp now = Timestamp.from(clock.instant());
        int updated = jdbc.update("""
                update export_file set status = 'READING', run_id = ?, started_at = ?, finished_at = null, note = null
                where file_key = ?""", runId, now, key);
        if (updated == 0) {
            jdbc.update("""
                    insert into export_file (file_key, export, file_name, status, run_id, rows_read, started_at)
                    values (?, ?, ?, 'READING', ?, 0, ?)""", key, export, fileName, runId, now);
        }
    }

    /** Call inside the transaction of the file's last batch; {@code asOf} is the day the file describes. */
    public void done(String key, long rows, String note, LocalDate asOf) {
        finish(key, DONE, rows, note);
        jdbc.update("update export_file set as_of = ? where file_key = ?", Date.valueOf(asOf), key);
    }

    /**
     * The last day whose payments an export of {@code export} read whole has shown: the day before the latest such
     * file's date (a file of the 13th, whatever the hour it ran, holds every payment of the 12th).
     */
    public Optional<LocalDate> readThrough(String export) {
        Date latest = jdbc.queryForObject("select max(as_of) from export_file where export = ? and status = 'DONE'",
                Date.class, export);
        return Optional.ofNullable(latest).map(d -> d.toLocalDate().minusDays(1));
    }

    public void refused(String key, String reason) {
        finish(key, REFUSED, 0, reason);
    }

    /** Rows of the export's last file read whole and not found cut short: what a snapshot is compared with. */
    public OptionalLong lastAcceptedRows(String export) {
        List<Long> rows = jdbc.queryForList("""
                select rows_read from export_file where export = ? and status = 'DONE' and note is null
                order by finished_at desc limit 1""", Long.class, export);
        return rows.isEmpty() ? OptionalLong.empty() : OptionalLong.of(rows.get(0));
    }

    /** The export's file read whole that describes the latest day after {@code day}, if any. */
    public Optional<String> readAfter(String export, LocalDate day) {
        return jdbc.queryForList("""
                select file_name from export_file where export = ? and status = 'DONE' and as_of > ?
                order by as_of desc, file_name desc limit 1""", String.class, export, Date.valueOf(day)).stream().findFirst();
    }

    /** Files finished or refused since a moment, with what was noted about them (empty, cut short, refused). */
    public List<Noted> notedSince(Instant since) {
        return jdbc.query("""
                select file_name, status, note from export_file where note is not null and finished_at >= ?
                order by finished_at, file_name""",
                (rs, n) -> new Noted(rs.getString(1), rs.getString(2), rs.getString(3)), Timestamp.from(since));
    }

    /** Files a crash or a stop interrupted: taken, never finished. */
    public List<Unfinished> unfinished() {
        return jdbc.query("""
                select export, file_name, run_id, started_at from export_file where status = 'READING' order by started_at""",
                (rs, n) -> new Unfinished(rs.getString(1), rs.getString(2), rs.getLong(3), rs.getTimestamp(4).toInstant()));
    }

    private String status(String key) {
        List<String> status = jdbc.queryForList("select status from export_file where file_key = ?", String.class, key);
        return status.isEmpty() ? null : status.get(0);
    }

    private void finish(String key, String status, long rows, String note) {
        jdbc.update("update export_file set status = ?, rows_read = ?, finished_at = ?, note = ? where file_key = ?",
                status, rows, Timestamp.from(clock.instant()), note == null ? null : cut(note), key);
    }

    private static String cut(String note) {
        return note.length() <= 1000 ? note : note.substring(0, 1000);
    }

    public record Noted(String fileName, String status, String note) {
    }

    public record Unfinished(String export, String fileName, long runId, Instant startedAt) {
    }
}
