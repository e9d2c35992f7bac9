package io.leasebridge.ingest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.leasebridge.config.LeaseWorksProperties;
import io.leasebridge.connectors.leaseworks.ExportFormatException;
import io.leasebridge.connectors.leaseworks.ExportReader;
import io.leasebridge.hub.DeadLetter;
import io.leasebridge.hub.DeadLetters;
import io.leasebridge.hub.RunCounts;
import io.leasebridge.hub.RunHistory;
import io.leasebridge.hub.SalesforceOutbox;
import io.leasebridge.mapping.ExportMapper;
import io.leasebridge.mapping.LeaseWorksMapping;
import io.leasebridge.mapping.MappedRow;
import io.leasebridge.mapping.SourceRow;
import io.leasebridge.mapping.Violation;
import io.leasebridge.mapping.salesforce.SObjectRecord;
import io.leasebridge.observability.FlowLogContext;
import io.leasebridge.observability.SystemStatus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * Reads one LeaseWorks export file into the hub. Rows stream through in batches; each batch's canonical
 * changes, outbox rows and rejects commit together, so a crash mid-file loses nothing, and reading the
 * file again changes nothing that was already committed.
 */
@Service
public class LeaseWorksExportIngest {

    private static final Logger log = LoggerFactory.getLogger(LeaseWorksExportIngest.class);
    private static final long PROGRESS_EVERY_ROWS = 100_000;

    private final LeaseWorksMapping mapping;
    private final LeaseWorksProperties properties;
    private final SalesforceOutbox outbox;
    private final DeadLetters deadLetters;
    private final RunHistory runs;
    private final TransactionTemplate transaction;
    private final ObjectMapper json;
    private final RecordSinks sinks;
    private final java.time.Clock clock;
    private final SystemStatus status;
    private final Map<String, ExportMapper> mappers = new ConcurrentHashMap<>();

    public LeaseWorksExportIngest(LeaseWorksMapping mapping, LeaseWorksProperties properties, SalesforceOutbox outbox, DeadLetters deadLetters, RunHistory runs,
                                  TransactionTemplate transaction, ObjectMapper json, RecordSinks sinks, java.time.Clock clock,
                                  SystemStatus status) {
        this.mapping = mapping;
        this.properties = properties;
        this.outbox = outbox;
        this.deadLetters = deadLetters;
        this.runs = runs;
        this.transaction = transaction;
        this.json = json;
        this.sinks = sinks;
        this.clock = clock;
        this.status = status;
    }

    public static String flowName(String export) {
        return "leaseworks-" + export;
    }

    public RunCounts ingest(String export, String fileName, InputStream in) {
        String flow = flowName(export);
        ExportMapper mapper = mappers.computeIfAbsent(export, mapping::mapper);
        long runId = runs.start(flow, fileName);
        try (FlowLogContext logContext = FlowLogContext.enter(flow, runId)) {
            return readFile(export, fileName, in, mapper, runId);
        }
    }

    private RunCounts readFile(String export, String fileName, InputStream in, ExportMapper mapper, long runId) {
        String flow = flowName(export);
        Progress progress = new Progress(flow, fileName);
        ExportFile file = new ExportFile(fileName, java.time.LocalDate.now(clock));
        try {
            IngestBatch[] batch = {new IngestBatch()};
            new ExportReader(mapper.layout()).read(fileName, in, row -> {
                MappedRow mapped = mapper.map(row);
                if (mapped.isValid()) {
                    batch[0].add(mapped.records());
                } else {
                    batch[0].reject(deadLetter(flow, export, mapped));
                }
                if (batch[0].rows() >= properties.batchSize()) {
                    progress.add(commit(batch[0], file, runId));
                    batch[0] = new IngestBatch();
                }
            });
            progress.add(commit(batch[0], file, runId));
            progress.add(fileDone(mapper, file));
            runs.finish(runId, progress.counts, null);
            status.exportRead(export, fileName);
            log.info("{}: {} done: {} rows read, {} changed, {} quarantined", flow, fileName,
                    progress.counts.read(), progress.counts.changed(), progress.counts.quarantined());
            return progress.counts;
        } catch (ExportFormatException unreadable) {
            deadLetters.record(List.of(new DeadLetter(flow, export + " file", fileName, fileName, 0L, null,
                    "UNREADABLE_EXPORT", unreadable.getMessage(), null)), runId);
            runs.finish(runId, progress.counts, unreadable.getMessage());
            status.exportFailed(export, fileName, unreadable);
            log.error("{}: {} rejected: {}", flow, fileName, unreadable.getMessage());
            return progress.counts;
        } catch (RuntimeException e) {
            runs.finish(runId, progress.counts, e.toString());
            status.exportFailed(export, fileName, e);
            throw e;
        }
    }

    /**
     * Maps one quarantined row again (after its data or the field map was corrected) and applies it when
     * it is valid now; returns what is still wrong with it, nothing when it was applied.
     */
    public List<Violation> replay(String export, SourceRow row, long runId) {
        MappedRow mapped = mappers.computeIfAbsent(export, mapping::mapper).map(row);
        if (mapped.isValid()) {
            IngestBatch batch = new IngestBatch();
            batch.add(mapped.records());
            commit(batch, new ExportFile(row.file(), java.time.LocalDate.now(clock)), runId);
        }
        return mapped.violations();
    }

    private RunCounts commit(IngestBatch batch, ExportFile file, long runId) {
        if (batch.isEmpty()) {
            return RunCounts.NONE;
        }
        Long changed = transaction.execute(status -> {
            long count = 0;
            List<SObjectRecord> toSalesforce = new ArrayList<>();
            for (Map.Entry<String, List<Record>> entry : batch.records.entrySet()) {
                count += write(sinks.forRecord(entry.getKey()), entry.getValue(), file, toSalesforce);
            }
            outbox.enqueue(toSalesforce);
            deadLetters.record(batch.rejects, runId);
            return count;
        });
        return new RunCounts(batch.rows(), changed == null ? 0 : changed, 0, 0, batch.rejects.size(), 0);
    }

    private static <T extends Record> long write(RecordSink<T> sink, List<Record> records, ExportFile file,
                                                 List<SObjectRecord> toSalesforce) {
        return sink.write(records.stream().map(sink.type()::cast).toList(), file, toSalesforce);
    }

    /** What a sink does once the whole file was read (a snapshot's disappeared promises), in its own transaction. */
    private RunCounts fileDone(ExportMapper mapper, ExportFile file) {
        Long changed = transaction.execute(status -> {
            long count = 0;
            List<SObjectRecord> toSalesforce = new ArrayList<>();
            for (var record : mapper.layout().records()) {
                count += sinks.forRecord(record.name()).fileDone(file, toSalesforce);
            }
            outbox.enqueue(toSalesforce);
            return count;
        });
        return new RunCounts(0, changed == null ? 0 : changed, 0, 0, 0, 0);
    }

    private DeadLetter deadLetter(String flow, String export, MappedRow mapped) {
        List<Violation> violations = mapped.violations();
        String fields = violations.stream().map(Violation::field).distinct().collect(Collectors.joining(", "));
        String reason = describe(violations);
        return new DeadLetter(flow, export + " row", mapped.source().file() + ":" + mapped.source().line(),
                mapped.source().file(), mapped.source().line(), fields, "INVALID_ROW", reason, rowJson(mapped));
    }

    /** One line naming each bad column once, even when two records read it (Customer Number feeds both). */
    public static String describe(List<Violation> violations) {
        return violations.stream()
                .map(v -> "column '" + v.column() + "' (" + v.field() + "): " + v.reason())
                .distinct()
                .collect(Collectors.joining("; "));
    }

    private String rowJson(MappedRow mapped) {
        try {
            return json.writeValueAsString(mapped.source().values());
        } catch (JsonProcessingException e) {
            return null;
        }
    }

    private static final class Progress {
        private final String flow;
        private final String file;
        private final long startedNanos = System.nanoTime();
        private RunCounts counts = RunCounts.NONE;

        Progress(String flow, String file) {
            this.flow = flow;
            this.file = file;
        }

        void add(RunCounts batch) {
            long before = counts.read() / PROGRESS_EVERY_ROWS;
            counts = counts.plus(batch);
            if (counts.read() / PROGRESS_EVERY_ROWS > before) {
                double seconds = Math.max(1e-3, (System.nanoTime() - startedNanos) / 1e9);
                log.info("{}: {}: {} rows read ({} rows/s)", flow, file, counts.read(), Math.round(counts.read() / seconds));
            }
        }
    }
}
