package io.leasebridge.sandbox;

import io.leasebridge.LeaseBridgeApplication;
import io.leasebridge.ingest.IngestWriters;
import io.leasebridge.ingest.LeaseWorksExportIngest;
import io.leasebridge.hub.IngestTimings;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The backfill benchmark: a generated portfolio (100,000 accounts, about a million payments and 50,000
 * promises over five snapshots by default) read from export files into the hub and the Salesforce outbox,
 * the way the export routes read a local file; then the same files read again, which must change nothing.
 * Runs on H2 and, where {@code LEASEBRIDGE_TEST_PG_URL} is set, on PostgreSQL ({@code -Dbench.db=h2|postgres|auto}).
 * Prints per export and in total rows per second, where the time went, the heap at its peak and the hub's
 * size on disk, against the targets. Run it through {@code mvn -Pbench}, which gives the JVM 2 processors
 * and a 512 MB heap. Arguments: {@code --accounts=N --home=DIR}.
 */
public final class BackfillBenchmark {

    private static final double TARGET_TOTAL_ROWS_PER_SECOND = 50_000;
    private static final double TARGET_EXPORT_ROWS_PER_SECOND = 25_000;
    private static final long TARGET_HEAP_MEGABYTES = 256;
    private static final double TARGET_RERUN_SPEEDUP = 5;

    private BackfillBenchmark() {
    }

    public static void main(String[] args) throws IOException {
        SandboxOptions options = SandboxOptions.parse("--accounts=100000", "--home=data/bench", String.join(" ", args));
        List<BenchDatabase> databases = BenchDatabase.chosen(System.getProperty("bench.db", "auto"), options, System.getenv());
        deleteRecursively(options.home());
        long generateStart = System.nanoTime();
        GeneratedPortfolio portfolio = PortfolioGenerator.seeded(options.seed()).accounts(options.accounts()).withoutIdSets()
                .writeTo(Files.createDirectories(options.inbox()));
        System.out.printf("generated %,d accounts rows, %,d payments rows, %,d notes rows, %,d promise rows in %d snapshots "
                        + "(%,d promises) in %.1f s%n",
                portfolio.accounts().rows(), portfolio.payments().rows(), portfolio.notes().rows(),
                portfolio.promiseSnapshots().stream().mapToLong(GeneratedPortfolio.ExportFile::rows).sum(),
                portfolio.promiseSnapshots().size(), portfolio.promiseOutcomes().total(), (System.nanoTime() - generateStart) / 1e9);

        boolean allMet = true;
        for (BenchDatabase database : databases) {
            allMet &= backfill(database, options, portfolio);
        }
        System.out.printf("%nall targets: %s%n", allMet ? "met" : "NOT MET");
    }

    private static boolean backfill(BenchDatabase database, SandboxOptions options, GeneratedPortfolio portfolio) {
        System.out.printf("%n== %s (%s), %d processors, max heap %d MB, load average %s%n", database.name(), database.url(),
                Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() / (1024 * 1024), loadAverage());
        database.empty();
        try (ConfigurableApplicationContext hub = startHub(options, database)) {
            LeaseWorksExportIngest ingest = hub.getBean(LeaseWorksExportIngest.class);
            IngestTimings timings = hub.getBean(IngestTimings.class);
            int writers = hub.getBean(IngestWriters.class).count();
            System.out.printf("%d writers side by side%n", writers);
            JdbcTemplate jdbc = hub.getBean(JdbcTemplate.class);
            System.gc();

            System.out.println("first read:");
            BackfillPass first;
            HeapSampler.Peaks heap;
            try (HeapSampler sampler = new HeapSampler()) {
                first = BackfillPass.run(ingest, timings, writers, portfolio.allFiles());
                heap = sampler.peaks();
            }
            List<Long> written = writtenSoFar(jdbc);
            long bytes = database.bytesOnDisk(jdbc);

            System.out.println("second read of the same files:");
            BackfillPass second = BackfillPass.run(ingest, timings, writers, portfolio.allFiles());
            boolean wroteNothing = second.total().changed() == 0 && written.equals(writtenSoFar(jdbc));

            return report(database, first, second, heap, bytes, wroteNothing, jdbc, writers);
        }
    }

    private static boolean report(BenchDatabase database, BackfillPass first, BackfillPass second, HeapSampler.Peaks heap,
                                  long bytes, boolean wroteNothing, JdbcTemplate jdbc, int writers) {
        // what the intake keeps reachable, not garbage a collector had no reason to collect yet in a 512 MB heap
        long heapPeak = heap.afterCollectionMegabytes();
        List<String> missed = new ArrayList<>();
        System.out.printf("%n%s backfill by export (load average %s):%n", database.name(), loadAverage());
        for (BackfillPass.Export e : first.exports().values()) {
            System.out.printf("  %-9s %s%n", e.name(), BackfillPass.describe(e, writers));
            if (e.rowsPerSecond() < TARGET_EXPORT_ROWS_PER_SECOND) {
                missed.add(String.format("%s at %,.0f rows/s < %,.0f", e.name(), e.rowsPerSecond(), TARGET_EXPORT_ROWS_PER_SECOND));
            }
        }
        BackfillPass.Export total = first.total();
        BackfillPass.Export again = second.total();
        double speedup = total.seconds() / again.seconds();
        Long outbox = jdbc.queryForObject("select count(*) from sf_outbox", Long.class);
        System.out.printf("  %-9s %s%n", "total", BackfillPass.describe(total, writers));
        System.out.printf("  %-9s %s%n", "rerun", BackfillPass.describe(again, writers));
        System.out.printf("%s: %,d rows in %.1f s = %,.0f rows/s; live heap at peak %d MB (most left after a collection) of %d MB, %d MB in use at most; hub on disk %,d MB; "
                        + "%,d Salesforce outbox rows; rerun %.1f s (%.1fx faster), %s%n",
                database.name(), total.rows(), total.seconds(), total.rowsPerSecond(), heapPeak,
                Runtime.getRuntime().maxMemory() / (1024 * 1024), heap.usedMegabytes(), bytes / (1024 * 1024), outbox, again.seconds(), speedup,
                wroteNothing ? "wrote nothing" : "WROTE " + again.changed() + " changes");
        if (total.rowsPerSecond() < TARGET_TOTAL_ROWS_PER_SECOND) {
            missed.add(String.format("total at %,.0f rows/s < %,.0f", total.rowsPerSecond(), TARGET_TOTAL_ROWS_PER_SECOND));
        }
        if (heapPeak >= TARGET_HEAP_MEGABYTES) {
            missed.add("live heap at peak " + heapPeak + " MB >= " + TARGET_HEAP_MEGABYTES);
        }
        if (!wroteNothing) {
            missed.add("the rerun wrote");
        }
        if (speedup < TARGET_RERUN_SPEEDUP) {
            missed.add(String.format("rerun only %.1fx faster", speedup));
        }
        System.out.printf("%s targets (>= %,.0f rows/s in total, every export >= %,.0f, live heap < %d MB, rerun writes nothing "
                        + "and is >= %.0fx faster): %s%n", database.name(), TARGET_TOTAL_ROWS_PER_SECOND,
                TARGET_EXPORT_ROWS_PER_SECOND, TARGET_HEAP_MEGABYTES, TARGET_RERUN_SPEEDUP,
                missed.isEmpty() ? "met" : "NOT MET: " + String.join("; ", missed));
        return missed.isEmpty();
    }

    /** What a read that changes nothing must leave as it was: outbox rows and versions, held records, ledger events, history. */
    private static List<Long> writtenSoFar(JdbcTemplate jdbc) {
        Map<String, Object> row = jdbc.queryForMap("""
                select (select count(*) from sf_outbox) outbox, (select coalesce(sum(version), 0) from sf_outbox) versions,
                       (select count(*) from sf_held) held, (select count(*) from promise_event) events,
                       (select count(*) from lease_dpd_history) dpd, (select count(*) from customer) customers,
                       (select count(*) from lease_account) leases, (select count(*) from payment) payments,
                       (select count(*) from collector_note) notes""");
        return row.values().stream().map(v -> ((Number) v).longValue()).toList();
    }

    /** The hub and its services without Salesforce: the benchmark measures reading into the hub and outbox. */
    private static ConfigurableApplicationContext startHub(SandboxOptions options, BenchDatabase database) {
        SpringApplication app = new SpringApplication(LeaseBridgeApplication.class);
        app.setWebApplicationType(WebApplicationType.NONE);
        List<String> arguments = new ArrayList<>(database.springArguments());
        arguments.addAll(List.of(
                "--leasebridge.leaseworks.inbox=" + options.inbox().toAbsolutePath().resolve("unused"),
                "--camel.component.salesforce.lazy-login=true",
                "--camel.component.salesforce.login-url=http://localhost:1",
                "--camel.component.salesforce.client-id=bench",
                "--camel.springboot.main-run-controller=false",
                // no scheduled flow (the outbox drain, Salesforce reads) competes with the backfill for the processors
                "--camel.main.auto-startup=false",
                // a Quartz route that never started complains when it is stopped; nothing is wrong
                "--logging.level.org.apache.camel.impl.engine.InternalServiceManager=ERROR",
                "--logging.level.io.leasebridge=WARN"));
        return app.run(arguments.toArray(String[]::new));
    }

    private static String loadAverage() {
        try {
            return String.join(" ", List.of(Files.readString(Path.of("/proc/loadavg")).split(" ")).subList(0, 3));
        } catch (IOException | RuntimeException e) {
            return String.format("%.2f", java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        }
    }

    private static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
