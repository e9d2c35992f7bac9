package io.leasebridge.replay;

import io.leasebridge.agency.AgencyReturnIngest;
import io.leasebridge.fleetrock.RepairOrderReplay;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.leasebridge.gps.GpsReplay;
import io.leasebridge.hub.DeadLetter;
import io.leasebridge.hub.DeadLetters;
import io.leasebridge.hub.RunCounts;
import io.leasebridge.hub.RunHistory;
import io.leasebridge.hub.SalesforceOutbox;
import io.leasebridge.hub.StoredDeadLetter;
import io.leasebridge.ingest.LeaseWorksExportIngest;
import io.leasebridge.mapping.SourceRow;
import io.leasebridge.mapping.Violation;
import io.leasebridge.privacy.PersonalDataMasker;
import io.leasebridge.mapping.salesforce.SObjectType;
import io.leasebridge.quickbooks.QuickBooksOutbox;
import io.leasebridge.quickbooks.QuickBooksPostingRun;
import io.leasebridge.salesforce.SalesforceOutboxDrain;
import org.springframework.stereotype.Service;

import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;

/**
 * Sends a dead letter through its flow again. A quarantined export row is mapped again from its stored
 * columns (so a corrected field map takes effect) and applied when valid; a record Salesforce refused
 * goes back into the outbox and its next delivery decides: failing again reopens the dead letter with
 * the new reason.
 */
@Service
public class DeadLetterReplay {

    public static final String REPLAY_FLOW = "dead-letter-replay";
    private static final String ROW_SUFFIX = " row";
    private static final TypeReference<Map<String, String>> COLUMNS = new TypeReference<>() {
    };

    private final DeadLetters deadLetters;
    private final LeaseWorksExportIngest ingest;
    private final SalesforceOutbox outbox;
    private final RunHistory runs;
    private final ObjectMapper json;
    private final SalesforceReadReplay salesforceReads;
    private final GpsReplay gpsLocations;
    private final QuickBooksOutbox quickBooksOutbox;
    private final RepairOrderReplay repairOrders;
    private final AgencyReturnIngest agencyReturns;

    public DeadLetterReplay(DeadLetters deadLetters, LeaseWorksExportIngest ingest, SalesforceOutbox outbox,
                            RunHistory runs, ObjectMapper json, SalesforceReadReplay salesforceReads,
                            QuickBooksOutbox quickBooksOutbox, RepairOrderReplay repairOrders, GpsReplay gpsLocations,
                            AgencyReturnIngest agencyReturns) {
        this.agencyReturns = agencyReturns;
        this.salesforceReads = salesforceReads;
        this.repairOrders = repairOrders;
        this.gpsLocations = gpsLocations;
        this.deadLetters = deadLetters;
        this.ingest = ingest;
        this.outbox = outbox;
        this.runs = runs;
        this.json = json;
        this.quickBooksOutbox = quickBooksOutbox;
    }

    public ReplayOutcome replay(long deadLetterId) {
        StoredDeadLetter stored = deadLetters.find(deadLetterId)
                .orElseThrow(() -> new NoSuchElementException("no dead letter " + deadLetterId));
        if (!DeadLetters.OPEN.equals(stored.status())) {
            return new ReplayOutcome(deadLetterId, false, "not open (" + stored.status() + "): nothing replayed");
        }
        DeadLetter letter = stored.letter();
        if (SalesforceOutboxDrain.FLOW.equals(letter.flow())) {
            return requeue(deadLetterId, letter);
        }
        if (RepairOrderReplay.handles(letter)) {
            return repairOrders.replay(deadLetterId, letter);
        }
        if (SalesforceReadReplay.handles(letter)) {
            return salesforceReads.replay(deadLetterId, letter);
        }
        if (GpsReplay.handles(letter)) {
            return gpsLocations.replay(deadLetterId, letter);
        }
        if (QuickBooksPostingRun.FLOW.equals(letter.flow()) && quickBooksOutbox.requeue(letter.recordKey())) {
            deadLetters.markReplayed(deadLetterId, "queued for QuickBooks again");
            return new ReplayOutcome(deadLetterId, true, "queued for QuickBooks again");
        }
        if (AgencyReturnIngest.handles(letter) && letter.payload() != null) {
            return agencyReturn(deadLetterId, letter);
        }
        if (letter.recordType().endsWith(ROW_SUFFIX) && letter.payload() != null) {
            return remap(deadLetterId, letter);
        }
        return new ReplayOutcome(deadLetterId, false, "a " + letter.recordType() + " cannot be replayed: fix the source and send it again");
    }

    private ReplayOutcome requeue(long id, DeadLetter letter) {
        if (!outbox.requeue(SObjectType.ofRecordType(letter.recordType()), letter.recordKey())) {
            return new ReplayOutcome(id, false, "no failed outbox record " + letter.recordType() + " " + letter.recordKey());
        }
        deadLetters.markReplayed(id, "queued for Salesforce again");
        return new ReplayOutcome(id, true, "queued for Salesforce again");
    }

    private ReplayOutcome remap(long id, DeadLetter letter) {
        String export = letter.recordType().substring(0, letter.recordType().length() - ROW_SUFFIX.length());
        Map<String, String> columns = columns(letter);
        List<String> masked = columns.entrySet().stream()
                .filter(e -> e.getValue() != null && e.getValue().contains(PersonalDataMasker.MASK.substring(0, 3)))
                .map(Map.Entry::getKey).toList();
        if (!masked.isEmpty()) {
            return new ReplayOutcome(id, false, "the row's personal data was masked when it was quarantined (column(s) "
                    + String.join(", ", masked) + "): correct the row in LeaseWorks and send the export again");
        }
        SourceRow row = new SourceRow(letter.sourceFile(), letter.sourceLine() == null ? 0 : letter.sourceLine(), columns);
        long runId = runs.start(REPLAY_FLOW, letter.sourceFile() + ":" + row.line());
        List<Violation> violations = ingest.replay(export, row, runId);
        if (violations.isEmpty()) {
            runs.finish(runId, new RunCounts(1, 1, 0, 0, 0, 0), null);
            deadLetters.markReplayed(id, "applied to the hub");
            return new ReplayOutcome(id, true, "applied to the hub");
        }
        String reason = LeaseWorksExportIngest.describe(violations);
        runs.finish(runId, new RunCounts(1, 0, 0, 0, 1, 0), null);
        deadLetters.replayFailed(id, reason);
        return new ReplayOutcome(id, false, reason);
    }

    private ReplayOutcome agencyReturn(long id, DeadLetter letter) {
        long runId = runs.start(REPLAY_FLOW, letter.sourceFile() + ":" + letter.sourceLine());
        Optional<String> problem = agencyReturns.replay(letter, columns(letter), runId);
        if (problem.isEmpty()) {
            runs.finish(runId, new RunCounts(1, 1, 0, 0, 0, 0), null);
            deadLetters.markReplayed(id, "applied to the hub");
            return new ReplayOutcome(id, true, "applied to the hub");
        }
        runs.finish(runId, new RunCounts(1, 0, 0, 0, 1, 0), null);
        deadLetters.replayFailed(id, problem.get());
        return new ReplayOutcome(id, false, problem.get());
    }

    private Map<String, String> columns(DeadLetter letter) {
        try {
            return json.readValue(letter.payload(), COLUMNS);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("dead letter payload is not the JSON LeaseBridge wrote", e);
        }
    }
}
