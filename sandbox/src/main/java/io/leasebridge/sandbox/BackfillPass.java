package io.leasebridge.sandbox;

import com.sun.management.OperatingSystemMXBean;
import io.leasebridge.hub.ExportFiles;
import io.leasebridge.hub.RunCounts;
import io.leasebridge.ingest.LeaseWorksExportIngest;
import io.leasebridge.hub.IngestTimings;
import io.leasebridge.hub.IngestTimings.Stage;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One read of every export file into the hub, as the export routes read a local file, timed per export
 * and per stage. Each file gets a key of its own, so that a second pass reads every row again instead of
 * skipping files already read.
 */
final class BackfillPass {

    /** What one export (all of its files) took. */
    record Export(String name, long rows, long changed, long quarantined, long nanos, long cpuNanos, long processCpuNanos,
                  JvmOverhead overhead, Map<Stage, Long> stages) {

        double rowsPerSecond() {
            return rows / seconds();
        }

        double seconds() {
            return nanos / 1e9;
        }

        Export plus(Export other) {
            Map<Stage, Long> sum = new EnumMap<>(stages);
            other.stages.forEach((stage, n) -> sum.merge(stage, n, Long::sum));
            return new Export(name, rows + other.rows, changed + other.changed, quarantined + other.quarantined,
                    nanos + other.nanos, cpuNanos + other.cpuNanos, processCpuNanos + other.processCpuNanos,
                    overhead.plus(other.overhead), sum);
        }
    }

    /** The writing thread's own processor time: on a shared machine, what the work took without the waiting for a processor. */
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    /** The whole JVM's processor time: the writing thread's, the thread reading ahead of it, the collector's and H2's own. */
    private static final OperatingSystemMXBean PROCESS = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

    private final Map<String, Export> exports = new LinkedHashMap<>();

    static BackfillPass run(LeaseWorksExportIngest ingest, IngestTimings timings, int writers, List<GeneratedPortfolio.ExportFile> files) {
        BackfillPass pass = new BackfillPass();
        for (GeneratedPortfolio.ExportFile file : files) {
            timings.reset();
            long start = System.nanoTime();
            long cpuStart = THREADS.getCurrentThreadCpuTime();
            long processCpuStart = PROCESS.getProcessCpuTime();
            JvmOverhead overheadStart = JvmOverhead.sinceStart();
            RunCounts counts = ingest.ingest(file.export(), file.fileName(),
                    ExportFiles.key(file.fileName(), size(file), System.nanoTime()), file.path());
            long nanos = System.nanoTime() - start;
            long cpuNanos = THREADS.getCurrentThreadCpuTime() - cpuStart;
            long processCpuNanos = PROCESS.getProcessCpuTime() - processCpuStart;
            JvmOverhead overhead = JvmOverhead.sinceStart().minus(overheadStart);
            Map<Stage, Long> stages = new EnumMap<>(Stage.class);
            for (Stage stage : Stage.values()) {
                stages.put(stage, timings.nanos(stage));
            }
            Export one = new Export(file.export(), counts.read(), counts.changed(), counts.quarantined(), nanos, cpuNanos,
                    processCpuNanos, overhead, stages);
            System.out.printf("  %-22s %s%n", file.fileName(), describe(one, writers));
            pass.exports.merge(file.export(), one, Export::plus);
        }
        return pass;
    }

    Map<String, Export> exports() {
        return exports;
    }

    Export total() {
        return exports.values().stream().reduce((a, b) -> a.plus(b))
                .map(t -> new Export("total", t.rows, t.changed, t.quarantined, t.nanos, t.cpuNanos, t.processCpuNanos, t.overhead,
                        t.stages)).orElseThrow();
    }

    /**
     * Rows, rate, and where the time went: the stages the intake times, the rest of a batch's transaction as "store".
     * Parse, map and hash run on the reading thread beside the writing one, which waits for rows only when they are not
     * ready. With several writers, the writing stages are summed over them, and what the calling thread did besides
     * is not told apart.
     */
    static String describe(Export e, int writers) {
        Map<Stage, Long> s = e.stages();
        long outboxWrites = s.get(Stage.OUTBOX) - s.get(Stage.PAYLOAD);
        // an export's hashes are taken on the reading thread, outside the writing thread's commit
        long store = s.get(Stage.COMMIT) - s.get(Stage.OUTBOX);
        long other = e.nanos() - s.get(Stage.SCAN) - s.get(Stage.WAIT_FOR_ROWS) - s.get(Stage.COMMIT);
        String thread = writers == 1 ? "writing thread" : "calling thread";
        String rest = writers == 1 ? String.format(" other %.1f s", sec(other)) : String.format(" s, summed over %d writers", writers);
        return String.format("%,9d rows %6.1f s %,8.0f rows/s, cpu %5.1f s (%s %5.1f s, compiling %4.1f s, collecting %4.1f s) "
                        + "(%,d changed, %,d quarantined) | scan %.1f "
                        + "parse %.1f map %.1f (waited for rows %.1f) hash %.1f store %.1f payload %.1f outbox %.1f%s",
                e.rows(), e.seconds(), e.rowsPerSecond(), sec(e.processCpuNanos()), thread, sec(e.cpuNanos()),
                sec(e.overhead().compilingNanos()), sec(e.overhead().collectingNanos()), e.changed(), e.quarantined(),
                sec(s.get(Stage.SCAN)), sec(s.get(Stage.PARSE)), sec(s.get(Stage.MAP)), sec(s.get(Stage.WAIT_FOR_ROWS)), sec(s.get(Stage.HASH)),
                sec(store), sec(s.get(Stage.PAYLOAD)), sec(outboxWrites), rest);
    }

    private static double sec(long nanos) {
        return nanos / 1e9;
    }

    private static long size(GeneratedPortfolio.ExportFile file) {
        try {
            return Files.size(file.path());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
