package io.leasebridge.agency;

import io.leasebridge.mapping.AgencyLayouts;
import io.leasebridge.connectors.leaseworks.ExportFormatException;
import io.leasebridge.connectors.leaseworks.ExportReader;
import io.leasebridge.hub.DeadLetter;
import io.leasebridge.hub.DeadLetters;
import io.leasebridge.hub.ExportFiles;
import io.leasebridge.hub.RunCounts;
import io.leasebridge.hub.SalesforceOutbox;
import io.leasebridge.ingest.RowRejects;
import io.leasebridge.mapping.ExportLayout;
import io.leasebridge.mapping.ExportMapper;
import io.leasebridge.mapping.MappedRow;
import io.leasebridge.mapping.SourceRow;
import io.leasebridge.mapping.salesforce.SalesforceRecords;
import io.leasebridge.flow.FlowRuns;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import java.io.ByteArrayInputStream;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads an agency's return file into the hub the way a LeaseWorks export is read: each row mapped through the agency's
 * return layout, a row with a bad value or naming a placement the agency does not hold quarantined with its line and
 * column (and replayable), the others stored. Rows, dead letters, the placements' Salesforce updates and the file marked
 * read commit together, so a crash reads the whole file again and stores each row once (rows are keyed by file and
 * line); a file read whole is not read again.
 */
@Service
public class AgencyReturnIngest {

    public static final String FLOW = "agency-returns";
    static final String UNKNOWN_PLACEMENT = "UNKNOWN_PLACEMENT";
    private static final Logger log = LoggerFactory.getLogger(AgencyReturnIngest.class);

    private final AgencyLayouts layouts;
    private final AgencyReturnStore store;
    private final PlacementStore placementStore;
    private final ExportFiles files;
    private final FlowRuns runs;
    private final DeadLetters deadLetters;
    private final RowRejects rejects;
    private final SalesforceOutbox outbox;
    private final TransactionTemplate transaction;
    private final Clock clock;

    AgencyReturnIngest(AgencyLayouts layouts, AgencyReturnStore store, PlacementStore placementStore, ExportFiles files,
                       FlowRuns runs, DeadLetters deadLetters, RowRejects rejects, SalesforceOutbox outbox,
                       TransactionTemplate transaction, Clock clock) {
        this.layouts = layouts;
        this.store = store;
        this.placementStore = placementStore;
        this.files = files;
        this.runs = runs;
        this.deadLetters = deadLetters;
        this.rejects = rejects;
        this.outbox = outbox;
        this.transaction = transaction;
        this.clock = clock;
    }

    /** Whether a dead letter is a quarantined return-file row. */
    public static boolean handles(DeadLetter letter) {
        return FLOW.equals(letter.flow()) && (FLOW + RowRejects.ROW_SUFFIX).equals(letter.recordType());
    }

    /** @param fileKey the file's version ({@link ExportFiles#key}): a file read whole is not read again */
    public RunCounts ingest(String agency, String fileName, String fileKey, byte[] content) {
        if (files.isDone(fileKey)) {
            log.info("{}: {} was read whole before; nothing to do", FLOW, fileName);
            return RunCounts.NONE;
        }
        AgencyLayouts.ReturnLayout layout = returnLayout(agency);
        return runs.run(FLOW, agency + ": " + fileName, e -> e.getClass().getSimpleName(), run -> {
            long runId = run.id();
            files.reading(fileKey, FLOW, fileName, runId);
            ExportLayout rows = layout.exportLayout(agency);
            ExportMapper mapper = new ExportMapper(rows, layouts.values());
            List<MappedRow> taken = new ArrayList<>();
            List<DeadLetter> refused = new ArrayList<>();
            try {
                new ExportReader(rows).read(fileName, new ByteArrayInputStream(content),
                        row -> take(agency, rows, mapper.map(row), taken, refused));
            } catch (ExportFormatException unreadable) {
                RunCounts counts = refuse(fileName, fileKey, runId, unreadable);
                run.count(counts);
                return counts;
            }
            long changed = store(agency, layout, taken, refused, runId, () -> files.done(fileKey, taken.size() + refused.size(),
                    null, LocalDate.now(clock)));
            RunCounts counts = new RunCounts(taken.size() + refused.size(), changed, 0, 0, refused.size(), 0);
            run.count(counts);
            log.info("{}: {} from {}: {} rows stored, {} quarantined", FLOW, fileName, agency, taken.size(), refused.size());
            return counts;
        });
    }

    /**
     * Maps a quarantined row again (after the agency's file or the layout was corrected) and stores it when it is good
     * now; returns what is still wrong with it, nothing when it was stored.
     */
    public Optional<String> replay(DeadLetter letter, Map<String, String> columns, long runId) {
        Optional<String> agency = layouts.agencies().entrySet().stream()
                .filter(a -> a.getValue().returnFile() != null)
                .filter(a -> a.getValue().returnFile().columns().stream().map(AgencyLayouts.Column::header).toList()
                        .containsAll(columns.keySet()))
                .map(Map.Entry::getKey).findFirst();
        if (agency.isEmpty()) {
            return Optional.of("no agency's return layout has the row's columns " + columns.keySet());
        }
        AgencyLayouts.ReturnLayout layout = returnLayout(agency.get());
        ExportLayout rows = layout.exportLayout(agency.get());
        SourceRow row = new SourceRow(letter.sourceFile(), letter.sourceLine() == null ? 0 : letter.sourceLine(), columns);
        List<MappedRow> taken = new ArrayList<>();
        List<DeadLetter> refused = new ArrayList<>();
        take(agency.get(), rows, new ExportMapper(rows, layouts.values()).map(row), taken, refused);
        if (!refused.isEmpty()) {
            return Optional.of(refused.get(0).reason());
        }
        store(agency.get(), layout, taken, List.of(), runId, () -> { });
        return Optional.empty();
    }

    private void take(String agency, ExportLayout rows, MappedRow mapped, List<MappedRow> taken, List<DeadLetter> refused) {
        if (!mapped.isValid()) {
            refused.add(rejects.invalid(FLOW, FLOW, rows, mapped));
            return;
        }
        AgencyReturnRow row = mapped.get(AgencyLayouts.RECORD, AgencyReturnRow.class);
        Optional<String> holder = placementStore.agencyHolding(row.placementId());
        if (holder.isEmpty() || !holder.get().equals(agency)) {
            String column = rows.records().get(0).keyColumns().get(0);
            refused.add(rejects.unknownReference(FLOW, FLOW, rows, mapped, "placementId", UNKNOWN_PLACEMENT,
                    "column '" + column + "' (placementId): " + agency + " holds no placement " + row.placementId()
                            + " LeaseBridge sent it"));
            return;
        }
        taken.add(mapped);
    }

    /**
     * Stores the rows and their placements' new standing, with the dead letters, in one transaction. A stored row closes
     * no other row's dead letter: each row is news of its own (a payment), so only its replay settles it.
     */
    private long store(String agency, AgencyLayouts.ReturnLayout layout, List<MappedRow> taken,
                       List<DeadLetter> refused, long runId, Runnable finish) {
        Long changed = transaction.execute(status -> {
            Set<String> placements = new LinkedHashSet<>();
            for (MappedRow mapped : taken) {
                AgencyReturnRow row = mapped.get(AgencyLayouts.RECORD, AgencyReturnRow.class);
                store.record(agency, mapped.source().file(), mapped.source().line(), row);
                placements.add(row.placementId());
            }
            outbox.enqueue(placements.stream().map(p -> applyReturns(p, layout)).map(SalesforceRecords::agencyPlacement).toList());
            deadLetters.record(refused, runId);
            finish.run();
            return (long) placements.size();
        });
        return changed == null ? 0 : changed;
    }

    private RunCounts refuse(String fileName, String fileKey, long runId, ExportFormatException unreadable) {
        deadLetters.record(List.of(new DeadLetter(FLOW, FLOW + " file", fileName, fileName, 0L, null, "UNREADABLE_EXPORT",
                unreadable.getMessage(), null)), runId);
        files.refused(fileKey, unreadable.getMessage());
        log.error("{}: {} refused: {}", FLOW, fileName, unreadable.getMessage());
        return new RunCounts(0, 0, 0, 0, 1, 0);
    }

    private AgencyLayouts.ReturnLayout returnLayout(String agency) {
        return layouts.agency(agency).map(AgencyLayouts.Agency::returnFile)
                .orElseThrow(() -> new IllegalStateException("the agency layouts give '" + agency + "' no return-file"));
    }

    /**
     * Sums up everything reported of the placement onto it: the latest status, all collected, the latest contact; a sent
     * placement whose latest status is one of {@code layout}'s closing statuses is CLOSED. Returns it as it now stands.
     */
    private PlacementRecord applyReturns(String placementId, AgencyLayouts.ReturnLayout layout) {
        AgencyReturnStore.Summary reported = store.summarize(placementId);
        return placementStore.recordAgencyResults(placementId, reported, layout.closes(reported.latestStatus()));
    }
}
