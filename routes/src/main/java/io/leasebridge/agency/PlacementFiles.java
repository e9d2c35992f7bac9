package io.leasebridge.agency;

import io.leasebridge.mapping.AgencyLayouts;
import io.leasebridge.agency.PlacementStore.FileKind;
import io.leasebridge.agency.PlacementStore.QueuedFile;
import io.leasebridge.connectors.files.FileSink;
import io.leasebridge.connectors.files.FileSink.OutgoingFile;
import io.leasebridge.promises.LedgerProperties;
import io.leasebridge.hub.RunCounts;
import io.leasebridge.hub.SalesforceOutbox;
import io.leasebridge.mapping.salesforce.SalesforceRecords;
import io.leasebridge.flow.FlowRuns;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Sends approved placements to their agencies, exactly once. First each agency's approved placements are written into
 * one file in its layout, and the file is queued with its placements pointing at it, in one transaction: a rerun finds
 * them filed and writes nothing twice. Then each queued file is claimed, marked SENDING under its own name and sent to
 * the agency's endpoint; a crash after the agency took it resends the same file under the same name (which replaces
 * it on SFTP, and is the same Message-ID by mail). Once sent, its placements are SENT in the hub and in Salesforce.
 * A sent placement whose lease was paid current, reinstated or moved to repossession is recalled the same way, once:
 * a recall file in the agency's layout, then RECALLED.
 */
@Service
public class PlacementFiles {

    public static final String FLOW = "agency-placement-files";
    private static final int BATCH = 50;
    private static final Logger log = LoggerFactory.getLogger(PlacementFiles.class);

    private final PlacementStore store;
    private final AgencyLayouts layouts;
    private final SalesforceOutbox outbox;
    private final FileSink files;
    private final FlowRuns runs;
    private final TransactionTemplate transaction;
    private final LedgerProperties lessor;
    private final Clock clock;
    private final List<String> sent = new ArrayList<>();

    PlacementFiles(PlacementStore store, AgencyLayouts layouts, SalesforceOutbox outbox, FileSink files,
                   FlowRuns runs, TransactionTemplate transaction, LedgerProperties lessor, Clock clock) {
        this.store = store;
        this.layouts = layouts;
        this.outbox = outbox;
        this.files = files;
        this.runs = runs;
        this.transaction = transaction;
        this.lessor = lessor;
        this.clock = clock;
    }

    /** The files the last run sent, one line each, for the run summary. */
    public synchronized List<String> lastSent() {
        return List.copyOf(sent);
    }

    public synchronized RunCounts sendApproved() {
        sent.clear();
        LocalDate today = LocalDate.now(clock.withZone(lessor.zone()));
        return runs.run(FLOW, null, run -> {
            try {
                send(run, today);
            } catch (RuntimeException e) {
                log.error("{}: stopped; what was not sent stays queued for the next run: {}", FLOW, e.getMessage());
                run.count(run.counts().plus(new RunCounts(0, 0, 0, 1, 0, 0)));
                run.fail(e.getMessage());
            }
            RunCounts counts = run.counts();
            return new RunCounts(counts.read(), counts.changed(), counts.sent(), 0, 0, 0);
        });
    }

    /** Files the approved placements and recalls, then sends the queued files; counts as it goes. */
    private void send(FlowRuns.Run run, LocalDate today) {
        long filed = 0;
        for (String agency : store.agenciesToWrite(FileKind.PLACEMENT)) {
            filed += write(agency, FileKind.PLACEMENT, today);
            run.count(new RunCounts(filed, filed, 0, 0, 0, 0));
        }
        transaction.executeWithoutResult(status -> store.markRecallsDue(today));
        for (String agency : store.agenciesToWrite(FileKind.RECALL)) {
            filed += write(agency, FileKind.RECALL, today);
            run.count(new RunCounts(filed, filed, 0, 0, 0, 0));
        }
        long delivered = 0;
        List<QueuedFile> queued = store.claimFiles(BATCH);
        try {
            for (QueuedFile file : queued) {
                deliver(file);
                delivered += file.rows();
                run.count(new RunCounts(filed, filed, delivered, 0, 0, 0));
            }
        } finally {
            store.releaseFiles(queued);
        }
    }

    /** Writes one file of the agency's placements a file of this kind has yet to carry; returns how many it carries. */
    private int write(String agencyName, FileKind kind, LocalDate today) {
        AgencyLayouts.Agency agency = layouts.agency(agencyName).orElse(null);
        if (agency == null) {
            log.error("{}: placements approved for '{}', which the agency layouts no longer name: they wait", FLOW, agencyName);
            return 0;
        }
        Integer rows = transaction.execute(status -> {
            List<Map<PlacementField, Object>> lines = store.unfiledLines(agencyName, kind);
            if (lines.isEmpty()) {
                return 0;
            }
            AgencyLayouts.FileLayout layout = kind == FileKind.PLACEMENT ? agency.placementFile() : agency.recallFile();
            String name = layout.fileName(today, store.filesWritten(agencyName, kind, today) + 1);
            String body = AgencyFile.render(layout, layouts.dates(), lines);
            store.queueFile(new QueuedFile(name, agencyName, kind, today, body, lines.size(), "PENDING"),
                    lines.stream().map(l -> (String) l.get(PlacementField.PLACEMENT_ID)).toList());
            return lines.size();
        });
        return rows == null ? 0 : rows;
    }

    private void deliver(QueuedFile file) {
        AgencyLayouts.Agency agency = layouts.agency(file.agency())
                .orElseThrow(() -> new IllegalStateException("file " + file.fileName() + " is for '" + file.agency()
                        + "', which the agency layouts no longer name"));
        store.markSending(file.fileName());
        files.write(AgencyPlacementRoutes.SEND, new OutgoingFile(file.fileName(), file.body(), agency.endpoint(),
                "<agency-file." + file.fileName() + "@leasebridge>"));
        Instant sentAt = clock.instant();
        transaction.executeWithoutResult(status -> outbox.enqueue(store.markSent(file, sentAt).stream()
                .map(SalesforceRecords::agencyPlacement).toList()));
        sent.add(file.fileName() + " (" + file.rows() + " " + file.kind().name().toLowerCase(java.util.Locale.ROOT)
                + (file.rows() == 1 ? "" : "s") + ") -> " + file.agency());
        log.info("{}: sent {} with {} rows to {}", FLOW, file.fileName(), file.rows(), file.agency());
    }
}
