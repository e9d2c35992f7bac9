package io.leasebridge.admin;

import io.leasebridge.privacy.PersonalDataMasker;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Repository;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The dead letters as the admin API reads them: filtered, newest first, a page at a time, reasons masked. */
@Repository
class DeadLetterEntries {

    /** A dead letter with its payload as stored (unmasked: whoever shows it masks it). */
    record Found(DeadLetterEntry entry, String payload) {
    }

    /** What the API shows of reasons and payloads: personal data and secrets masked, as in the logs. */
    static final PersonalDataMasker MASKER = PersonalDataMasker.standard();

    private static final String COLUMNS = """
            select id, flow, record_type, record_key, source_file, source_line, field, error_code, reason, attempts, status,
                   run_id, created_at, updated_at, replayed_at, replay_outcome, payload from dead_letter""";
    private static final RowMapper<DeadLetterEntry> ENTRY = (rs, n) -> entry(rs);

    private final JdbcTemplate jdbc;

    DeadLetterEntries(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    Paged<DeadLetterEntry> find(Filters filters, Paging paging) {
        long total = count(filters);
        return new Paged<>(jdbc.query(COLUMNS + filters.where() + " order by id desc limit ? offset ?", ENTRY,
                filters.args(paging.size(), paging.offset())), paging.page(), paging.size(), total);
    }

    Optional<Found> find(long id) {
        return jdbc.query(COLUMNS + " where id = ?", (rs, n) -> new Found(entry(rs), rs.getString(17)), id).stream().findFirst();
    }

    long count(Filters filters) {
        Long count = jdbc.queryForObject("select count(*) from dead_letter" + filters.where(), Long.class, filters.args());
        return count == null ? 0 : count;
    }

    /** The ids that match, oldest first, at most {@code limit}. */
    List<Long> ids(Filters filters, int limit) {
        return jdbc.queryForList("select id from dead_letter" + filters.where() + " order by id limit ?", Long.class, filters.args(limit));
    }

    private static DeadLetterEntry entry(ResultSet rs) throws SQLException {
        return new DeadLetterEntry(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                rs.getObject(6, Long.class), rs.getString(7), rs.getString(8), MASKER.mask(rs.getString(9)), rs.getInt(10), rs.getString(11),
                rs.getObject(12, Long.class), instant(rs.getTimestamp(13)), instant(rs.getTimestamp(14)),
                instant(rs.getTimestamp(15)), rs.getString(16));
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
