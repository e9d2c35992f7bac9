package io.leasebridge.admin;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.TextNode;
import io.leasebridge.hub.DeadLetters;
import io.leasebridge.replay.DeadLetterReplay;
import io.leasebridge.flow.ReplayOutcome;
import io.leasebridge.privacy.PersonalDataMasker;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Service;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The dead-letter queue for the admin API: lists and shows entries, and replays one or every open one of a flow
 * through {@link DeadLetterReplay}, the same path the flow itself takes. One replay that throws does not stop the rest.
 */
@Service
class DeadLetterQueue {

    static final String REPLAYED = "REPLAYED";
    static final Set<String> STATUSES = Set.of(DeadLetters.OPEN, REPLAYED, DeadLetters.RESOLVED);
    static final int MAX_BATCH = 1000;

    private static final Logger log = LoggerFactory.getLogger(DeadLetterQueue.class);
    private static final String COLUMNS = """
            select id, flow, record_type, record_key, source_file, source_line, field, error_code, reason, attempts, status,
                   run_id, created_at, updated_at, replayed_at, replay_outcome, payload from dead_letter""";
    private static final RowMapper<DeadLetterEntry> ENTRY = (rs, n) -> entry(rs);
    /** What the API shows of reasons and payloads: personal data and secrets masked, as in the logs. */
    private static final PersonalDataMasker MASKER = PersonalDataMasker.standard();

    private final JdbcTemplate jdbc;
    private final DeadLetterReplay replay;
    private final ObjectMapper json;

    DeadLetterQueue(JdbcTemplate jdbc, DeadLetterReplay replay, ObjectMapper json) {
        this.jdbc = jdbc;
        this.replay = replay;
        this.json = json;
    }

    Paged<DeadLetterEntry> find(String flow, String status, Paging paging) {
        Filters filters = new Filters().equal("flow", flow).equal("status", Filters.status(status, STATUSES));
        Long total = jdbc.queryForObject("select count(*) from dead_letter" + filters.where(), Long.class, filters.args());
        return new Paged<>(jdbc.query(COLUMNS + filters.where() + " order by id desc limit ? offset ?", ENTRY,
                filters.args(paging.size(), paging.offset())), paging.page(), paging.size(), total == null ? 0 : total);
    }

    DeadLetterDetail show(long id) {
        return jdbc.query(COLUMNS + " where id = ?", (rs, n) -> new DeadLetterDetail(entry(rs), payload(rs.getString(17))), id)
                .stream().findFirst().orElseThrow(() -> unknown(id));
    }

    /** Replays an open dead letter; one that is not open is refused, so that a double click replays nothing twice. */
    ReplayResult replay(long id) {
        DeadLetterEntry entry = entry(id);
        if (!DeadLetters.OPEN.equals(entry.status())) {
            throw ApiProblem.conflict("dead letter not open", "dead letter " + id + " is " + entry.status()
                    + (entry.replayOutcome() == null ? "" : " (" + entry.replayOutcome() + ")") + ": only OPEN dead letters are replayed");
        }
        return replayOne(id);
    }

    /** Replays the open dead letters of a flow (or of every flow), oldest first, at most {@code limit} of them. */
    BatchReplay replayOpen(String flow, String status, int limit) {
        if (status != null && !DeadLetters.OPEN.equalsIgnoreCase(status.strip())) {
            throw ApiProblem.badRequest("bad parameter", "status: only OPEN dead letters are replayed, not " + status);
        }
        if (limit < 1 || limit > MAX_BATCH) {
            throw ApiProblem.badRequest("bad parameter", "limit: " + limit + " is not between 1 and " + MAX_BATCH);
        }
        Filters filters = new Filters().equal("flow", flow).equal("status", DeadLetters.OPEN);
        Long matched = jdbc.queryForObject("select count(*) from dead_letter" + filters.where(), Long.class, filters.args());
        List<Long> ids = jdbc.queryForList("select id from dead_letter" + filters.where() + " order by id limit ?", Long.class,
                filters.args(limit));
        List<ReplayResult> outcomes = new ArrayList<>(ids.size());
        for (long id : ids) {
            outcomes.add(replayOne(id));
        }
        long replayed = outcomes.stream().filter(ReplayResult::replayed).count();
        return new BatchReplay(flow == null || flow.isBlank() ? null : flow.strip(), matched == null ? 0 : matched, replayed, outcomes);
    }

    private ReplayResult replayOne(long id) {
        ReplayOutcome outcome;
        try {
            outcome = replay.replay(id);
        } catch (RuntimeException e) {
            log.warn("dead letter {}: replay failed: {}", id, e.toString());
            outcome = new ReplayOutcome(id, false, "replay failed: " + e.getMessage());
        }
        DeadLetterEntry after = entry(id);
        return new ReplayResult(id, outcome.replayed(), MASKER.mask(outcome.detail()), after.status(), after.attempts());
    }

    private DeadLetterEntry entry(long id) {
        return jdbc.query(COLUMNS + " where id = ?", ENTRY, id).stream().findFirst().orElseThrow(() -> unknown(id));
    }

    private static ApiProblem unknown(long id) {
        return ApiProblem.notFound("unknown dead letter", "no dead letter " + id);
    }

    private JsonNode payload(String payload) {
        if (payload == null) {
            return null;
        }
        String masked = MASKER.mask(payload);
        try {
            return json.readTree(masked);
        } catch (JsonProcessingException notJson) {
            return TextNode.valueOf(masked);
        }
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
