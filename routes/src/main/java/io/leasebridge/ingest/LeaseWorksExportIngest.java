package io.leasebridge.ingest;

import io.leasebridge.hub.DatabaseMessages;
import io.leasebridge.connectors.leaseworks.ControlFile;
import io.leasebridge.connectors.leaseworks.ExportFormatException;
import io.leasebridge.connectors.leaseworks.ExportRead;
import io.leasebridge.connectors.leaseworks.ExportReader;
import io.leasebridge.connectors.leaseworks.ExportScan;
import io.leasebridge.hub.DeadLetter;
import io.leasebridge.hub.DeadLetters;
import io.leasebridge.hub.ExportFiles;
import io.leasebridge.hub.ExportTotals;
import io.leasebridge.hub.RunCounts;
import io.leasebridge.hub.HubStore;
import io.leasebridge.hub.SalesforceOutbox;
import io.leasebridge.mapping.ExportFileRules;
import io.leasebridge.mapping.ExportMapper;
import io.leasebridge.mapping.FileTotals;
import io.leasebridge.mapping.LeaseWorksMapping;
import io.leasebridge.mapping.MappedRow;
import io.leasebridge.mapping.SourceRow;
import io.leasebridge.mapping.Violation;
import io.leasebridge.mapping.salesforce.SObjectRecord;
import io.leasebridge.flow.FlowRuns;
import io.leasebridge.hub.IngestTimings;
import io.leasebridge.hub.IngestTimings.Stage;
import io.leasebridge.status.SystemStatus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Reads one LeaseWorks export file into the hub. A first pass checks the whole file before anything is
 * stored (readable, complete, no conflicting duplicates); then rows stream through in batches, each
 * batch's canonical changes, outbox rows and rejects committing together. A thread of its own parses and
 * maps the rows a few batches ahead of the one that writes them. The file counts as read only
 * in the transaction of its last batch, so a crash mid-file loses nothing: the file is read again and its
 * stored rows change nothing. A batch the database refuses is retried row by row, so that only the guilty
 * row is quarantined.
 */
@Service
public class LeaseWorksExportIngest {

    private static final Logger log = LoggerFactory.getLogger(LeaseWorksExportIngest.class);
    private static final long PROGRESS_EVERY_ROWS = 100_000;
    private static final int OPEN_DEAD_LETTERS_HELD = 50_000;

    private final LeaseWorksMapping mapping;
    private final LeaseWorksProperties properties;
    private final SalesforceOutbox outbox;
    private final DeadLetters deadLetters;
    private final ExportFiles files;
    private final FlowRuns runs;
    private final TransactionTemplate transaction;
    private final RecordSinks sinks;
    private final RowRejects rejects;
    private final LocalExportFiles localFiles;
    private final Clock clock;
    private final SystemStatus status;
    private final IngestTimings timings;
    private final ExportTotals totals;
    private final IngestWriters writers;
    private final HubStore hub;
    private final Map<String, ExportMapper> mappers = new ConcurrentHashMap<>();

    public LeaseWorksExportIngest(LeaseWorksMapping mapping, LeaseWorksProperties properties, SalesforceOutbox outbox,
                                  DeadLetters deadLetters, ExportFiles files, FlowRuns runs, TransactionTemplate transaction,
                                  RecordSinks sinks, RowRejects rejects, LocalExportFiles localFiles, Clock clock,
                                  SystemStatus status, IngestTimings timings, ExportTotals totals, IngestWriters writers,
                                  HubStore hub) {
        this.mapping = mapping;
        this.properties = properties;
        this.outbox = outbox;
        this.deadLetters = deadLetters;
        this.files = files;
        this.runs = runs;
        this.transaction = transaction;
        this.sinks = sinks;
        this.rejects = rejects;
        this.localFiles = localFiles;
        this.clock = clock;
        this.status = status;
        this.timings = timings;
        this.totals = totals;
        this.writers = writers;
        this.hub = hub;
    }

    public static String flowName(String export) {
        return "leaseworks-" + export;
    }

    /**
     * Reads a local export file (a remote one is downloaded first). Throws {@link ExportRefusedException}
     * when the file is unusable as a whole, after recording why, so that it is moved aside as failed.
     */
    public RunCounts ingest(String export, String fileName, String fileKey, Path path) {
        String flow = flowName(export);
        if (files.isDone(fileKey)) {
            log.info("{}: {} was read whole before; nothing to do", flow, fileName);
            return RunCounts.NONE;
        }
        return runs.run(flow, fileName, LeaseWorksExportIngest::failure, run -> {
            files.reading(fileKey, export, fileName, run.id());
            return readFile(new FileRun(export, fileName, fileKey, path, run, mapping.totals(export), writers.count(),
                    deadLetters.openRecordKeys(flow, export + RowRejects.ROW_SUFFIX, OPEN_DEAD_LETTERS_HELD)
                            .map(OpenRowDeadLetters::new).orElse(OpenRowDeadLetters.ANY)));
        });
    }

    /** A refused file is quarantined like a bad row: its run did what it should, and the dead letter says why. */
    private static String failure(RuntimeException e) {
        return e instanceof ExportRefusedException ? null : e.getClass().getSimpleName();
    }

    /** Reads an export handed over as a stream (an upload, a test): copied to a local file first, read as a new file. */
    public RunCounts ingest(String export, String fileName, InputStream in) {
        Path copy = localFiles.path(in, fileName);
        try {
            return ingest(export, fileName, ExportFiles.key(fileName, -1, System.nanoTime()), copy);
        } finally {
            localFiles.discard(copy);
        }
    }

    private RunCounts readFile(FileRun run) {
        ExportMapper mapper = mapper(run.export);
        ExportFileRules rules = mapping.files(run.export);
        ExportFile file = new ExportFile(run.fileName, ExportDay.of(run.path, run.fileName, mapper.layout(), rules, mapping, LocalDate.now(clock)));
        Progress progress = new Progress(run.flow(), run.fileName, run.flowRun);
        try {
            long scanStart = System.nanoTime();
            ExportScan.Result scan = open(run.path, in -> new ExportScan(mapper.layout(), rules.charset()).scan(run.fileName, in));
            timings.since(Stage.SCAN, scanStart);
            if (scan.read().empty() || scan.read().rows() == 0 && !scan.read().endsInsideQuotedValue()) {
                return emptyExport(run, file);
            }
            file.rowsInFile(scan.read().rows());
            Optional<String> laterFile = laterSnapshotRead(run, rules, file);
            laterFile.ifPresent(later -> {
                file.supersededBy(later);
                log.warn("{}: {} is older than {}, which was read before it; it changes nothing the later one set",
                        run.flow(), run.fileName, later);
            });
            whyNoInference(run, rules, scan.read()).filter(reason -> laterFile.isEmpty()).ifPresent(reason -> {
                file.inferNothingFromAbsence(reason);
                log.warn("{}: {}: {}; its rows are stored, but nothing is inferred from rows it lacks", run.flow(), run.fileName, reason);
            });
            ReadEnd end;
            try (ReadAhead<IngestBatch, ReadEnd> reading = ReadAhead.start(run.flow() + "-read", handOver ->
                    readRows(run, mapper, rules, scan, handOver));
                 WriterLanes<IngestBatch> writing = WriterLanes.start(run.flow() + "-write", run.writers,
                         batch -> progress.add(commit(batch, file, run, false)))) {
                for (Optional<IngestBatch> batch = nextBatch(reading); batch.isPresent(); batch = nextBatch(reading)) {
                    writing.write(batch.get().lane, batch.get());
                }
                end = reading.result();
                writing.finish();
            }
            if (end.read().endsInsideQuotedValue()) {
                end.rest().reject(rejects.cutShort(run.flow(), run.export, run.fileName, end.read().cutAtLine()));
            }
            controlFileDisagrees(run, rules).ifPresent(reason -> {
                file.inferNothingFromAbsence(file.noInferenceBecause().map(earlier -> earlier + "; " + reason).orElse(reason));
                log.warn("{}: {}: {}; its rows are stored, but nothing is inferred from rows it lacks", run.flow(), run.fileName, reason);
            });
            progress.add(commit(end.rest(), file, run, true));
            if (progress.counts.changed() >= properties.statisticsAfterRows()) {
                hub.refreshStatistics(tablesWritten(mapper));
            }
            status.exportRead(run.export, run.fileName);
            log.info("{}: {} done: {} rows read, {} changed, {} quarantined; control totals {}", run.flow(), run.fileName,
                    progress.counts.read(), progress.counts.changed(), progress.counts.quarantined(), run.totals.sums());
            return progress.counts;
        } catch (ExportFormatException unreadable) {
            throw refuse(run, progress.counts, unreadable);
        } catch (RuntimeException e) {
            status.exportFailed(run.export, run.fileName, e);
            throw e;
        }
    }

    /**
     * The reading thread's part: rows parsed, checked against the scan and mapped, handed over in full batches; the
     * batch left at the end comes back with what the reader found.
     */
    private ReadEnd readRows(FileRun run, ExportMapper mapper, ExportFileRules rules, ExportScan.Result scan,
                             Consumer<IngestBatch> handOver) {
        IngestBatch[] lanes = new IngestBatch[run.writers];
        Arrays.setAll(lanes, lane -> new IngestBatch(lane, properties.batchSize()));
        // the reader's own time is the time between the rows it hands over
        long[] handedOver = {System.nanoTime()};
        ExportRead read = open(run.path, in -> new ExportReader(mapper.layout(), rules.charset()).read(run.fileName, in, row -> {
            long mapStart = timings.since(Stage.PARSE, handedOver[0]);
            run.totals.add(row);
            IngestBatch batch = take(row, scan, mapper, run, lanes);
            handedOver[0] = timings.since(Stage.MAP, mapStart);
            if (batch.rows() >= properties.batchSize()) {
                handOver.accept(batch);
                lanes[batch.lane] = new IngestBatch(batch.lane, properties.batchSize());
                handedOver[0] = System.nanoTime();
            }
        }));
        // the first lane's rest is written last, once the others are done, and finishes the file
        for (int lane = 1; lane < lanes.length; lane++) {
            if (!lanes[lane].isEmpty()) {
                handOver.accept(lanes[lane]);
            }
        }
        return new ReadEnd(read, lanes[0]);
    }

    private Optional<IngestBatch> nextBatch(ReadAhead<IngestBatch, ReadEnd> reading) {
        long waitStart = System.nanoTime();
        try {
            return reading.next();
        } finally {
            timings.since(Stage.WAIT_FOR_ROWS, waitStart);
        }
    }

    /**
     * Adds a row to the batch of its lane, and returns that batch. Rejects all go to the first lane: their dead letters
     * are keyed by record, and two transactions side by side could both insert one.
     */
    private IngestBatch take(SourceRow row, ExportScan.Result scan, ExportMapper mapper, FileRun run, IngestBatch[] lanes) {
        Optional<String> conflict = scan.conflictOf(row);
        if (conflict.isPresent()) {
            lanes[0].reject(rejects.conflicting(run.flow(), run.export, mapper.layout(), row, conflict.get()));
            return lanes[0];
        }
        MappedRow mapped = mapper.map(row);
        if (!mapped.isValid()) {
            lanes[0].reject(rejects.invalid(run.flow(), run.export, mapper.layout(), mapped));
            return lanes[0];
        }
        IngestBatch batch = lanes[laneOf(mapped, lanes.length)];
        batch.add(mapped, RowRejects.recordKeyOfValid(mapper.layout(), mapped));
        long hashStart = System.nanoTime();
        mapped.records().forEach((name, record) -> hashOf(sinks.forRecord(name), record, batch.contentHashes));
        timings.since(Stage.HASH, hashStart);
        return batch;
    }

    /** The lane of the row's first record that tells its customer or lease; the first lane for rows that tell neither. */
    private int laneOf(MappedRow row, int lanes) {
        if (lanes > 1) {
            for (Map.Entry<String, Record> record : row.records().entrySet()) {
                String key = writerKey(sinks.forRecord(record.getKey()), record.getValue());
                if (key != null) {
                    return Math.floorMod(key.hashCode(), lanes);
                }
            }
        }
        return 0;
    }

    /** A snapshot of a later day (by the days the files describe) of the same export, already read whole. */
    private Optional<String> laterSnapshotRead(FileRun run, ExportFileRules rules, ExportFile file) {
        if (!rules.snapshot() || rules.dateIn(run.fileName).isEmpty() && rules.dateColumn().isEmpty()) {
            return Optional.empty();
        }
        return files.readAfter(run.export, file.asOf());
    }

    /** A snapshot that looks cut short (far fewer rows than the last one, or ending inside a quoted value). */
    private Optional<String> whyNoInference(FileRun run, ExportFileRules rules, ExportRead read) {
        if (!rules.snapshot()) {
            return Optional.empty();
        }
        if (read.endsInsideQuotedValue()) {
            return Optional.of("the file ends inside a quoted value on line " + read.cutAtLine() + " (cut short?)");
        }
        OptionalLong last = files.lastAcceptedRows(run.export);
        if (last.isPresent() && read.rows() < last.getAsLong() * properties.truncationThreshold()) {
            return Optional.of("the file has " + read.rows() + " rows, fewer than "
                    + Math.round(properties.truncationThreshold() * 100) + "% of the last accepted file's " + last.getAsLong());
        }
        return Optional.empty();
    }

    /**
     * Where the export writes a control file, what it says that the rows do not (or that it is missing: a file
     * whose totals cannot be checked is not trusted to show the whole portfolio either).
     */
    private Optional<String> controlFileDisagrees(FileRun run, ExportFileRules rules) {
        return rules.totals().control().flatMap(control -> {
            String name = control.nameFor(run.fileName);
            try {
                return ControlFile.read(run.path.resolveSibling(name), rules.charset())
                        .map(values -> run.totals.differencesFrom(name, values))
                        .orElse(Optional.of("its control file " + name + " is missing"));
            } catch (ExportFormatException unreadable) {
                return Optional.of(unreadable.getMessage());
            }
        });
    }

    private RunCounts emptyExport(FileRun run, ExportFile file) {
        file.inferNothingFromAbsence("empty export");
        transaction.executeWithoutResult(tx -> files.done(run.fileKey, 0, "empty export", file.asOf()));
        status.exportRead(run.export, run.fileName);
        log.warn("{}: {} is an empty export (no rows); nothing was changed", run.flow(), run.fileName);
        return RunCounts.NONE;
    }

    private ExportRefusedException refuse(FileRun run, RunCounts counts, ExportFormatException unreadable) {
        deadLetters.record(List.of(new DeadLetter(run.flow(), run.export + " file", run.fileName, run.fileName, 0L, null,
                "UNREADABLE_EXPORT", unreadable.getMessage(), null)), run.runId());
        files.refused(run.fileKey, unreadable.getMessage());
        run.flowRun.count(counts.plus(new RunCounts(0, 0, 0, 0, 1, 0)));
        status.exportFailed(run.export, run.fileName, unreadable);
        log.error("{}: {} refused: {}", run.flow(), run.fileName, unreadable.getMessage());
        return new ExportRefusedException(unreadable.getMessage(), unreadable);
    }

    /**
     * Maps one quarantined row again (after its data or the field map was corrected) and applies it when
     * it is valid now; returns what is still wrong with it, nothing when it was applied.
     */
    public List<Violation> replay(String export, SourceRow row, long runId) {
        MappedRow mapped = mapper(export).map(row);
        if (mapped.isValid()) {
            ExportFile file = new ExportFile(row.file(), mapping.files(export), LocalDate.now(clock));
            file.inferNothingFromAbsence("a replayed row");
            writeInTransaction(export, alone(export, mapped), file, runId, null, OpenRowDeadLetters.ANY);
        }
        return mapped.violations();
    }

    /** What is wrong with a row, in one line naming each bad column once. */
    public static String describe(List<Violation> violations) {
        return RowRejects.describe(violations);
    }

    private ExportMapper mapper(String export) {
        return mappers.computeIfAbsent(export, mapping::mapper);
    }

    /**
     * Commits one batch; the last one also finishes the file (a snapshot's inferences and the file marked
     * read). When the database refuses the batch, each row is tried alone and only the guilty ones are
     * quarantined, with the database's reason.
     */
    private RunCounts commit(IngestBatch batch, ExportFile file, FileRun run, boolean last) {
        Runnable finish = last ? () -> finishFile(file, run) : null;
        if (batch.isEmpty() && !last) {
            return RunCounts.NONE;
        }
        long commitStart = System.nanoTime();
        try {
            long changed = writeInTransaction(run.export, batch, file, run.runId(), finish, run.openDeadLetters);
            log.debug("{}: {}: committed a batch of {} rows", run.flow(), run.fileName, batch.rows());
            return new RunCounts(batch.rows(), changed, 0, 0, batch.rejects.size(), 0);
        } catch (DataAccessException refused) {
            log.warn("{}: {}: the hub refused a batch of {} rows ({}); trying them one by one", run.flow(), run.fileName,
                    batch.valid.size(), DatabaseMessages.summary(refused));
            log.debug("the refused batch", refused);
            return rowByRow(batch, file, run, finish);
        } finally {
            timings.since(Stage.COMMIT, commitStart);
        }
    }

    /** A batch of one valid row. */
    private IngestBatch alone(String export, MappedRow row) {
        return IngestBatch.of(row, RowRejects.recordKeyOfValid(mapper(export).layout(), row));
    }

    private RunCounts rowByRow(IngestBatch batch, ExportFile file, FileRun run, Runnable finish) {
        long changed = 0;
        IngestBatch leftovers = new IngestBatch();
        leftovers.rejects.addAll(batch.rejects);
        for (MappedRow row : batch.valid) {
            try {
                changed += writeInTransaction(run.export, alone(run.export, row), file, run.runId(), null, run.openDeadLetters);
            } catch (DataAccessException refused) {
                leftovers.reject(rejects.refusedByHub(run.flow(), run.export, mapper(run.export).layout(), row,
                        DatabaseMessages.summary(refused)));
            }
        }
        writeInTransaction(run.export, leftovers, file, run.runId(), finish, run.openDeadLetters);
        return new RunCounts(batch.rows(), changed, 0, 0, leftovers.rejects.size(), 0);
    }

    /**
     * @param openDeadLetters the records with an open row dead letter before the file: besides them, only the records
     *                        whose rows this file quarantined can have one to close
     */
    private long writeInTransaction(String export, IngestBatch batch, ExportFile file, long runId, Runnable finish,
                                    OpenRowDeadLetters openDeadLetters) {
        Long changed = transaction.execute(tx -> {
            long count = 0;
            batch.rejects.forEach(rejected -> file.rowQuarantined(RowRejects.recordKeyOf(rejected)));
            List<SObjectRecord> toSalesforce = new ArrayList<>();
            for (Map.Entry<String, List<Record>> entry : batch.records().entrySet()) {
                count += write(sinks.forRecord(entry.getKey()), entry.getValue(), batch.contentHashes, file, toSalesforce);
            }
            outbox.enqueue(toSalesforce);
            // a record that arrives valid closes its open dead letter; a bad copy of it in this batch reopens it below
            deadLetters.resolveRecovered(flowName(export), export + RowRejects.ROW_SUFFIX, batch.recordKeys().stream()
                    .filter(key -> openDeadLetters.mayHaveOne(key) || file.wasQuarantined(key)).toList(), runId);
            deadLetters.record(batch.rejects, runId);
            if (finish != null) {
                finish.run();
            }
            return count;
        });
        return changed == null ? 0 : changed;
    }

    private static <T extends Record> long write(RecordSink<T> sink, List<Record> records, Map<Record, String> contentHashes,
                                                 ExportFile file, List<SObjectRecord> toSalesforce) {
        return sink.write(records.stream().map(sink.type()::cast).toList(), contentHashes, file, toSalesforce);
    }

    private static <T extends Record> String writerKey(RecordSink<T> sink, Record record) {
        return sink.writerKey(sink.type().cast(record));
    }

    private static <T extends Record> void hashOf(RecordSink<T> sink, Record record, Map<Record, String> contentHashes) {
        String hash = sink.contentHash(sink.type().cast(record));
        if (hash != null) {
            contentHashes.put(record, hash);
        }
    }

    private List<String> tablesWritten(ExportMapper mapper) {
        List<String> tables = new ArrayList<>(List.of(SalesforceOutbox.TABLE_NAME));
        mapper.layout().records().forEach(record -> tables.addAll(sinks.forRecord(record.name()).tables()));
        return tables;
    }

    /** What the sinks do once the whole file was read (a snapshot's disappeared promises), and the file marked read. */
    private void finishFile(ExportFile file, FileRun run) {
        List<SObjectRecord> toSalesforce = new ArrayList<>();
        for (var record : mapper(run.export).layout().records()) {
            sinks.forRecord(record.name()).fileDone(file, toSalesforce);
        }
        outbox.enqueue(toSalesforce);
        totals.record(run.fileKey, run.export, run.runId(), run.totals);
        files.done(run.fileKey, file.rowsInFile(), file.noInferenceBecause().orElse(null), file.asOf());
    }

    private static <T> T open(Path path, Function<InputStream, T> reader) {
        try (InputStream in = Files.newInputStream(path)) {
            return reader.apply(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + path.getFileName(), e);
        }
    }

    /** @param openDeadLetters the records with an open row dead letter when the file was taken */
    private record FileRun(String export, String fileName, String fileKey, Path path, FlowRuns.Run flowRun, FileTotals totals,
                           int writers, OpenRowDeadLetters openDeadLetters) {
        String flow() {
            return flowName(export);
        }

        long runId() {
            return flowRun.id();
        }
    }

    /** What the reading thread found at the end of a file, and the batch it had not handed over. */
    private record ReadEnd(ExportRead read, IngestBatch rest) {
    }

    private static final class Progress {
        private final String flow;
        private final String file;
        private final FlowRuns.Run run;
        private final long startedNanos = System.nanoTime();
        private RunCounts counts = RunCounts.NONE;

        Progress(String flow, String file, FlowRuns.Run run) {
            this.flow = flow;
            this.file = file;
            this.run = run;
        }

        synchronized void add(RunCounts batch) {
            long before = counts.read() / PROGRESS_EVERY_ROWS;
            counts = counts.plus(batch);
            run.count(counts);
            if (counts.read() / PROGRESS_EVERY_ROWS > before) {
                double seconds = Math.max(1e-3, (System.nanoTime() - startedNanos) / 1e9);
                log.info("{}: {}: {} rows read ({} rows/s)", flow, file, counts.read(), Math.round(counts.read() / seconds));
            }
        }
    }
}
