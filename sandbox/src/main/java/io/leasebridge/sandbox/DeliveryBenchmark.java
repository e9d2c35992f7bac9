package io.leasebridge.sandbox;

import io.leasebridge.LeaseBridgeApplication;
import io.leasebridge.hub.ExportFiles;
import io.leasebridge.ingest.LeaseWorksExportIngest;
import io.leasebridge.salesforce.DrainReport;
import org.apache.camel.ProducerTemplate;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The delivery benchmark: a generated portfolio read into an embedded hub, then its whole Salesforce outbox drained into
 * the simulated org as a slow real org answers (400 ms per collections call; a Bulk API 2.0 job takes 2 s plus
 * 0.05 ms per record), three times on fresh hubs: Bulk API 2.0 above the threshold, collections only with four calls in
 * flight, and collections only with one call at a time. Prints for each the API calls, the wall time and records per
 * second, against the targets: Bulk uses at most 1/20 of the calls of collections only and drains in under 10 minutes;
 * four calls in flight are at least 3 times faster than one. The simulated org runs in a JVM of its own, so that the
 * heap printed is LeaseBridge's alone. Arguments: {@code --accounts=N --home=DIR}; {@code -Dbench.delivery.modes=bulk}
 * (of {@code bulk,four,one}) runs some modes only, without the targets' check.
 */
public final class DeliveryBenchmark {

    private static final Duration CALL_LATENCY = Duration.ofMillis(400);
    private static final Duration JOB_TIME = Duration.ofSeconds(2);
    private static final Duration RECORD_TIME = Duration.ofNanos(50_000);
    /** The simulated org keeps every record it is sent, in a JVM of its own. */
    private static final String ORG_HEAP = "3g";

    private record Mode(String name, int concurrency, int bulkThreshold) {
    }

    private record Result(Mode mode, long records, long calls, double seconds, long pending) {

        double recordsPerSecond() {
            return records / seconds;
        }
    }

    private DeliveryBenchmark() {
    }

    public static void main(String[] args) throws IOException {
        SandboxOptions options = SandboxOptions.parse("--accounts=100000", "--home=data/bench-delivery", String.join(" ", args));
        deleteRecursively(options.home());
        GeneratedPortfolio portfolio = PortfolioGenerator.seeded(options.seed()).accounts(options.accounts()).withoutIdSets()
                .writeTo(Files.createDirectories(options.inbox()));
        System.out.printf("delivery of %,d accounts' backlog, %d processors, max heap %d MB; %d ms per collections call, "
                        + "a Bulk job %d s + %.2f ms per record%n", options.accounts(), Runtime.getRuntime().availableProcessors(),
                Runtime.getRuntime().maxMemory() / (1024 * 1024), CALL_LATENCY.toMillis(), JOB_TIME.toSeconds(), RECORD_TIME.toNanos() / 1e6);

        // the quickest first: a run stopped early still tells about Bulk
        Set<String> modes = Set.of(System.getProperty("bench.delivery.modes", "bulk,four,one").split(","));
        Result bulk = modes.contains("bulk") ? deliver(options, portfolio, new Mode("Bulk API 2.0 above 2,000", 4, 2_000)) : null;
        Result four = modes.contains("four") ? deliver(options, portfolio, new Mode("collections, 4 calls in flight", 4, 0)) : null;
        Result one = modes.contains("one") ? deliver(options, portfolio, new Mode("collections, 1 call at a time", 1, 0)) : null;
        if (bulk == null || four == null || one == null) {
            System.out.printf("%ndelivery targets not checked: only %s ran (-Dbench.delivery.modes)%n", String.join(",", modes));
            return;
        }

        List<String> missed = new ArrayList<>();
        if (bulk.calls() * 20 > one.calls()) {
            missed.add(String.format("Bulk took %,d calls > 1/20 of %,d", bulk.calls(), one.calls()));
        }
        if (bulk.seconds() >= 600) {
            missed.add(String.format("Bulk took %.0f s >= 10 minutes", bulk.seconds()));
        }
        if (one.seconds() / four.seconds() < 3) {
            missed.add(String.format("4 calls in flight only %.1fx faster than 1", one.seconds() / four.seconds()));
        }
        for (Result r : List.of(one, four, bulk)) {
            if (r.pending() > 0) {
                missed.add(r.mode().name() + " left " + r.pending() + " records pending");
            }
        }
        System.out.printf("%ndelivery targets (Bulk <= 1/20 of the calls and < 10 min, 4 in flight >= 3x faster than 1, "
                + "nothing left pending): %s%n", missed.isEmpty() ? "met" : "NOT MET: " + String.join("; ", missed));
    }

    private static Result deliver(SandboxOptions options, GeneratedPortfolio portfolio, Mode mode) throws IOException {
        Path hubFiles = Files.createDirectories(options.home().resolve("hub-" + mode.concurrency() + "-" + mode.bulkThreshold()));
        try (SalesforceSimulatorProcess salesforce = SalesforceSimulatorProcess.start(ORG_HEAP, CALL_LATENCY, JOB_TIME, RECORD_TIME);
             HeapSampler heap = new HeapSampler();
             ConfigurableApplicationContext node = start(salesforce.baseUrl(), hubFiles, options, mode)) {
            LeaseWorksExportIngest ingest = node.getBean(LeaseWorksExportIngest.class);
            for (GeneratedPortfolio.ExportFile file : portfolio.allFiles()) {
                ingest.ingest(file.export(), file.fileName(), ExportFiles.key(file.fileName(), Files.size(file.path()), System.nanoTime()),
                        file.path());
            }
            JdbcTemplate jdbc = node.getBean(JdbcTemplate.class);
            ProducerTemplate producer = node.getBean(ProducerTemplate.class);
            long callsBefore = salesforce.apiUsage();
            long start = System.nanoTime();
            long sent = 0;
            // a run stops at a call that failed for good or a job that outlasts its timeout; the next run goes on
            for (int run = 0; run < 20 && pending(jdbc) > 0; run++) {
                DrainReport report = producer.requestBody("direct:salesforce-outbox-drain", null, DrainReport.class);
                sent += report.total().sent() + report.total().failed();
                if (report.stoppedFor() != null) {
                    System.out.printf("  run %d stopped: %s%n", run + 1, report.stoppedFor());
                }
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            Result result = new Result(mode, sent, salesforce.apiUsage() - callsBefore, seconds, pending(jdbc));
            System.out.printf("  %-32s %,9d records %,7d API calls (%,d Bulk jobs) %8.1f s %,9.0f records/s, %,d pending; heap at peak %,d MB (%,d MB live)%n",
                    mode.name(), result.records(), result.calls(), salesforce.totalBulkJobs(), result.seconds(),
                    result.recordsPerSecond(), result.pending(), heap.peaks().usedMegabytes(), heap.peaks().afterCollectionMegabytes());
            return result;
        }
    }

    private static long pending(JdbcTemplate jdbc) {
        Long pending = jdbc.queryForObject("select count(*) from sf_outbox where status = 'PENDING'", Long.class);
        return pending == null ? 0 : pending;
    }

    private static ConfigurableApplicationContext start(String salesforce, Path hubFiles, SandboxOptions options, Mode mode) {
        SpringApplication app = new SpringApplication(LeaseBridgeApplication.class);
        app.setWebApplicationType(WebApplicationType.NONE);
        List<String> arguments = new ArrayList<>(List.of(
                "--spring.datasource.url=jdbc:h2:file:" + hubFiles.toAbsolutePath().resolve("hub") + ";MODE=PostgreSQL;DB_CLOSE_ON_EXIT=FALSE",
                "--leasebridge.leaseworks.inbox=" + options.inbox().toAbsolutePath().resolve("unused"),
                "--camel.component.salesforce.login-url=" + salesforce,
                "--camel.component.salesforce.client-id=bench",
                "--camel.component.salesforce.client-secret=bench-secret",
                "--camel.component.salesforce.user-name=integration@bench.leasebridge.io",
                "--camel.component.salesforce.password=bench-password",
                "--camel.springboot.main-run-controller=false",
                "--leasebridge.salesforce.concurrency=" + mode.concurrency(),
                "--leasebridge.salesforce.bulk.threshold=" + mode.bulkThreshold(),
                "--leasebridge.salesforce.bulk.poll-interval=1s",
                "--leasebridge.salesforce.api-budget=100",
                "--logging.level.io.leasebridge=WARN"));
        arguments.addAll(ParkedSchedules.arguments());
        return app.run(arguments.toArray(String[]::new));
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
