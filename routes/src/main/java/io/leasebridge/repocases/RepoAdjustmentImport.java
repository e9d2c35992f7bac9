package io.leasebridge.repocases;

import io.leasebridge.connectors.files.FileSink;
import io.leasebridge.connectors.files.FileSink.OutgoingFile;
import io.leasebridge.hub.RunCounts;
import io.leasebridge.imports.ImportFile;
import io.leasebridge.mapping.LeaseWorksMapping;
import io.leasebridge.flow.FlowRuns;
import io.leasebridge.repo.RepoAdjustment;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * Hub -> LeaseWorks: the lease adjustments of recorded final account reviews, queued with each review and written into
 * one import file laid out by {@code imports.repo-adjustments}. Rows are given the file's name before it is written and
 * marked written after, so a crash in between writes the same file again with the same rows, never a second one.
 */
@Service
public class RepoAdjustmentImport {

    public static final String FLOW = "leaseworks-repo-adjustment-import";
    static final String IMPORT = "repo-adjustments";
    private static final Logger log = LoggerFactory.getLogger(RepoAdjustmentImport.class);
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");

    private final RepoAdjustmentStore store;
    private final ImportFile<RepoAdjustment> file;
    private final AdjustmentImportProperties properties;
    private final FileSink files;
    private final FlowRuns runs;
    private final Clock clock;

    RepoAdjustmentImport(RepoAdjustmentStore store, LeaseWorksMapping mapping, AdjustmentImportProperties properties,
                         FileSink files, FlowRuns runs, Clock clock) {
        this.store = store;
        this.file = new ImportFile<>(mapping, IMPORT, RepoAdjustment.class);
        this.properties = properties;
        this.files = files;
        this.runs = runs;
        this.clock = clock;
    }

    /** Queues a review's adjustment, once per case; in the caller's transaction, with the review. */
    void queue(RepoAdjustment adjustment) {
        store.queue(adjustment, clock.instant());
    }

    /** Writes the file of the adjustments not written yet; returns its name, or null when there were none. */
    public String write() {
        return runs.run(FLOW, properties.filePrefix(), run -> {
            try {
                return write(run);
            } catch (RuntimeException e) {
                log.error("{}: the adjustment file was not written, its adjustments stay pending: {}", FLOW, e.getMessage());
                run.fail(e.getMessage());
                return null;
            }
        });
    }

    private String write(FlowRuns.Run run) {
        String name = store.unfinishedFile();
        if (name == null) {
            name = properties.filePrefix() + "-" + STAMP.format(clock.instant().atOffset(ZoneOffset.UTC)) + ".csv";
            if (store.nameUnfiled(name) == 0) {
                return null;
            }
        }
        List<RepoAdjustment> rows = store.inFile(name);
        files.write(RepoCaseRoutes.ADJUSTMENT_FILE, OutgoingFile.named(name, file.render(rows)));
        store.markWritten(name, clock.instant());
        log.info("{}: wrote {} with {} lease adjustments", FLOW, name, rows.size());
        run.count(new RunCounts(rows.size(), 0, rows.size(), 0, 0, 0));
        return name;
    }
}
