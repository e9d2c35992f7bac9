package io.leasebridge.sandbox;

import io.leasebridge.LeaseBridgeApplication;
import io.leasebridge.hub.RunCounts;
import io.leasebridge.ingest.LeaseWorksExportIngest;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * The backfill benchmark: a generated portfolio (100,000 accounts and about a million payments by
 * default) read from export files into the hub and the Salesforce outbox, the way the export routes do
 * it. Prints rows per second and the heap it took; run it through {@code mvn -Pbench}, which gives the
 * JVM 2 processors and a 512 MB heap. Arguments: {@code --accounts=N --home=DIR}.
 */
public final class BackfillBenchmark {

    private static final double TARGET_ROWS_PER_SECOND = 20_000;

    private BackfillBenchmark() {
    }

    public static void main(String[] args) throws IOException {
        SandboxOptions options = SandboxOptions.parse("--accounts=100000", "--home=data/bench", String.join(" ", args));
        deleteRecursively(options.home());
        long generateStart = System.nanoTime();
        GeneratedPortfolio portfolio = PortfolioGenerator.seeded(options.seed()).accounts(options.accounts()).withoutIdSets()
                .writeTo(Files.createDirectories(options.inbox()));
        System.out.printf("generated %,d accounts rows, %,d payments rows, %,d notes rows in %.1f s%n",
                portfolio.accounts().rows(), portfolio.payments().rows(), portfolio.notes().rows(), seconds(generateStart));

        try (ConfigurableApplicationContext hub = startHub(options); HeapSampler heap = new HeapSampler()) {
            LeaseWorksExportIngest ingest = hub.getBean(LeaseWorksExportIngest.class);
            RunCounts total = RunCounts.NONE;
            long start = System.nanoTime();
            for (GeneratedPortfolio.ExportFile file : portfolio.allFiles()) {
                long fileStart = System.nanoTime();
                RunCounts counts;
                try (InputStream in = new BufferedInputStream(Files.newInputStream(file.path()), 1 << 16)) {
                    counts = ingest.ingest(file.export(), file.fileName(), in);
                }
                double s = seconds(fileStart);
                System.out.printf("%-10s %,10d rows in %6.1f s = %,9.0f rows/s (%,d changed, %,d quarantined)%n",
                        file.export(), counts.read(), s, counts.read() / s, counts.changed(), counts.quarantined());
                total = total.plus(counts);
            }
            double s = seconds(start);
            long outbox = hub.getBean(JdbcTemplate.class).queryForObject("select count(*) from sf_outbox", Long.class);
            double rate = total.read() / s;
            System.out.printf("%nbackfill: %,d rows in %.1f s = %,.0f rows/s on %d processors, max heap %d MB, heap used at peak %d MB; "
                            + "%,d Salesforce outbox rows%n",
                    total.read(), s, rate, Runtime.getRuntime().availableProcessors(),
                    Runtime.getRuntime().maxMemory() / (1024 * 1024), heap.peakMegabytes(), outbox);
            System.out.printf("target >= %,.0f rows/s: %s%n", TARGET_ROWS_PER_SECOND, rate >= TARGET_ROWS_PER_SECOND ? "met" : "NOT MET");
        }
    }

    /** The hub and its services without Salesforce: the benchmark measures reading into the hub and outbox. */
    private static ConfigurableApplicationContext startHub(SandboxOptions options) {
        SpringApplication app = new SpringApplication(LeaseBridgeApplication.class);
        app.setWebApplicationType(WebApplicationType.NONE);
        return app.run("--spring.datasource.url=" + options.hubUrl(),
                "--leasebridge.leaseworks.inbox=" + options.inbox().toAbsolutePath().resolve("unused"),
                "--camel.component.salesforce.lazy-login=true",
                "--camel.component.salesforce.login-url=http://localhost:1",
                "--camel.component.salesforce.client-id=bench",
                "--camel.springboot.main-run-controller=false",
                "--logging.level.io.leasebridge=WARN");
    }

    /** The most heap in use at any sample, every 50 ms while the backfill runs (the pools' own peaks do not add up). */
    private static final class HeapSampler implements AutoCloseable {
        private final java.util.concurrent.atomic.AtomicLong peak = new java.util.concurrent.atomic.AtomicLong();
        private final java.util.concurrent.ScheduledExecutorService timer = java.util.concurrent.Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "heap-sampler");
            t.setDaemon(true);
            return t;
        });

        HeapSampler() {
            timer.scheduleAtFixedRate(() -> peak.accumulateAndGet(
                    ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed(), Math::max), 0, 50,
                    java.util.concurrent.TimeUnit.MILLISECONDS);
        }

        long peakMegabytes() {
            return peak.get() / (1024 * 1024);
        }

        @Override
        public void close() {
            timer.shutdownNow();
        }
    }

    private static double seconds(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
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
