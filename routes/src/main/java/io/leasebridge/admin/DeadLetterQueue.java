package io.leasebridge.admin;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.TextNode;
import io.leasebridge.hub.DatabaseMessages;
import io.leasebridge.hub.DeadLetters;
import io.leasebridge.replay.DeadLetterReplay;
import io.leasebridge.flow.ReplayOutcome;
import io.leasebridge.privacy.PersonalDataMasker;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.stereotype.Service;

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
    private static final PersonalDataMasker MASKER = DeadLetterEntries.MASKER;

    private final DeadLetterEntries entries;
    private final DeadLetterReplay replay;
    private final ObjectMapper json;

    DeadLetterQueue(DeadLetterEntries entries, DeadLetterReplay replay, ObjectMapper json) {
        this.entries = entries;
        this.replay = replay;
        this.json = json;
    }

    Paged<DeadLetterEntry> find(String flow, String status, Paging paging) {
        Filters filters = new Filters().equal("flow", flow).equal("status", Filters.status(status, STATUSES));
        return entries.find(filters, paging);
    }

    DeadLetterDetail show(long id) {
        return entries.find(id).map(found -> new DeadLetterDetail(found.entry(), payload(found.payload())))
                .orElseThrow(() -> unknown(id));
    }

    /** Replays an open dead letter; one that is not open is refused, so that a double click replays nothing twice. */
    ReplayResult replay(long id) {
        DeadLetterEntry entry = entry(id);
        if (!DeadLetters.OPEN.equals(entry.status())) {
            throw ApiProblem.conflict("dead letter not open", "dead letter " + id + " is " + entry.status()
                    + (entry.replayOutcome() == null ? "" : " (" + entry.replayOutcome() + ")") + ": only OPEN dead letters are replayed");
        }
        try {
            return replayOne(id);
        } catch (DeadLetterReplay.NotOpen taken) {
            throw ApiProblem.conflict("dead letter not open", taken.getMessage());
        }
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
        long matched = entries.count(filters);
        List<Long> ids = entries.ids(filters, limit);
        List<ReplayResult> outcomes = new ArrayList<>(ids.size());
        for (long id : ids) {
            outcomes.add(replayUnlessTaken(id));
        }
        long replayed = outcomes.stream().filter(ReplayResult::replayed).count();
        return new BatchReplay(flow == null || flow.isBlank() ? null : flow.strip(), matched, replayed, outcomes);
    }

    /** A dead letter another replay took (or settled) since it was listed is reported, not replayed. */
    private ReplayResult replayUnlessTaken(long id) {
        try {
            return replayOne(id);
        } catch (DeadLetterReplay.NotOpen taken) {
            DeadLetterEntry entry = entry(id);
            return new ReplayResult(id, false, taken.getMessage(), entry.status(), entry.attempts());
        }
    }

    private ReplayResult replayOne(long id) {
        ReplayOutcome outcome;
        try {
            outcome = replay.replay(id);
        } catch (DataAccessException refused) {
            // the database's reason, never its SQL or the values it quotes
            log.warn("dead letter {}: replay failed: {}", id, DatabaseMessages.summary(refused));
            outcome = new ReplayOutcome(id, false, "replay failed: " + DatabaseMessages.summary(refused));
        } catch (DeadLetterReplay.NotOpen taken) {
            throw taken;
        } catch (RuntimeException e) {
            log.warn("dead letter {}: replay failed: {}", id, e.toString());
            outcome = new ReplayOutcome(id, false, "replay failed: " + e.getMessage());
        }
        DeadLetterEntry after = entry(id);
        return new ReplayResult(id, outcome.replayed(), MASKER.mask(outcome.detail()), after.status(), after.attempts());
    }

    private DeadLetterEntry entry(long id) {
        return entries.find(id).map(DeadLetterEntries.Found::entry).orElseThrow(() -> unknown(id));
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
}
