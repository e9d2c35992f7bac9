package io.leasebridge.sandbox;

import io.leasebridge.LeaseBridgeApplication;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.context.ConfigurableApplicationContext;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * LeaseBridge against simulated systems: a Salesforce org on a local port and a LeaseWorks drop folder
 * filled by the portfolio generator. The hub is an H2 file under the sandbox's home, so a second run
 * sees what the first one did.
 */
public final class Sandbox implements AutoCloseable {

    private static final String GENERATED_MARKER = ".generated";

    private final SandboxOptions options;
    private final SalesforceSimulator salesforce;
    /** Simulated FleetRock; null in a sandbox {@link #around} a caller's simulator, which leaves FleetRock out. */
    private final FleetRockSandbox fleetRock;

    private Sandbox(SandboxOptions options, SalesforceSimulator salesforce, FleetRockSandbox fleetRock) {
        this.options = options;
        this.salesforce = salesforce;
        this.fleetRock = fleetRock;
    }

    public static Sandbox start(SandboxOptions options) {
        return new Sandbox(options, SalesforceSimulator.startForLoad(0), FleetRockSandbox.start());
    }

    /** A sandbox around a simulator the caller configured (faults, latency) and stops. */
    public static Sandbox around(SalesforceSimulator salesforce, SandboxOptions options) {
        return new Sandbox(options, salesforce, null);
    }

    public SalesforceSimulator salesforce() {
        return salesforce;
    }

    public SandboxOptions options() {
        return options;
    }

    /** Writes the portfolio's export files, unless this sandbox already did and no regeneration was asked for. */
    public Optional<GeneratedPortfolio> generateExports() {
        Path marker = options.home().resolve(GENERATED_MARKER);
        if (Files.exists(marker) && !options.regenerate()) {
            return Optional.empty();
        }
        try {
            Files.createDirectories(options.inbox());
            GeneratedPortfolio portfolio = PortfolioGenerator.seeded(options.seed()).accounts(options.accounts())
                    .writeTo(options.inbox());
            // readLock=changed takes a file once it is a second old; these are complete already
            for (GeneratedPortfolio.ExportFile file : portfolio.allFiles()) {
                file.path().toFile().setLastModified(System.currentTimeMillis() - 60_000);
            }
            Files.writeString(marker, "seed=" + options.seed() + " accounts=" + options.accounts() + "\n");
            return Optional.of(portfolio);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the sandbox exports under " + options.inbox(), e);
        }
    }

    /** Runs every flow once against the simulators, in this JVM; returns LeaseBridge's exit code. */
    public int runOnce(String... extraProperties) {
        SpringApplication app = new SpringApplication(LeaseBridgeApplication.class);
        app.setWebApplicationType(WebApplicationType.NONE);
        if (fleetRock != null) {
            fleetRock.prepare(options.inbox(), options.seed(), salesforce);
        }
        List<String> args = new ArrayList<>(runOnceArguments());
        args.addAll(List.of(extraProperties));
        try (ConfigurableApplicationContext context = app.run(args.toArray(String[]::new))) {
            return SpringApplication.exit(context);
        }
    }

    /** The command-line arguments that point LeaseBridge at this sandbox and make it run once. */
    public List<String> runOnceArguments() {
        List<String> args = new ArrayList<>(List.of(
                "--leasebridge.run-once=true",
                "--camel.springboot.main-run-controller=false",
                "--spring.datasource.url=" + options.hubUrl(),
                "--leasebridge.leaseworks.inbox=" + options.inbox().toAbsolutePath(),
                "--camel.component.salesforce.login-url=" + salesforce.baseUrl(),
                "--camel.component.salesforce.client-id=sandbox-client",
                "--camel.component.salesforce.client-secret=sandbox-secret",
                "--camel.component.salesforce.user-name=integration@sandbox.leasebridge.io",
                "--camel.component.salesforce.password=sandbox-password",
                "--leasebridge.kpis.report-dir=" + options.home().resolve("reports").toAbsolutePath(),
                // two collectors have Salesforce users; the others' tasks go to the collections queue
                "--leasebridge.ledger.collector-owners[Aisha Khan]=005000000000001AAA",
                "--leasebridge.ledger.collector-owners[Tom Baker]=005000000000002AAA",
                "--leasebridge.ledger.fallback-owner=00G000000000001AAA"));
        if (fleetRock != null) {
            args.addAll(fleetRock.arguments());
        }
        return args;
    }

    /** Prints what the simulated FleetRock served and what of it reached Salesforce; nothing without FleetRock. */
    public void describeFleetRock(java.io.PrintStream out) {
        if (fleetRock != null) {
            fleetRock.describe(out, salesforce);
        }
    }

    /** The simulated FleetRock, when this sandbox has one. */
    public Optional<FleetRockSimulator> fleetRock() {
        return Optional.ofNullable(fleetRock).map(FleetRockSandbox::simulator);
    }

    /**
     * LeaseBridge serving on a free port over this sandbox's hub, schedules parked: for looking at what a
     * run left (the admin API, the KPIs). The caller closes the context.
     */
    public ConfigurableApplicationContext serve(String... extraProperties) {
        List<String> args = new ArrayList<>(runOnceArguments().stream().filter(a -> !a.startsWith("--leasebridge.run-once")).toList());
        args.add("--server.port=0");
        for (String flow : List.of("leaseworks-accounts", "leaseworks-payments", "leaseworks-notes", "leaseworks-promises",
                "promise-judgement", "salesforce-outbox-drain", "fleetrock-repair-orders", "work-order-approvals")) {
            args.add("--leasebridge.schedules." + flow + "=0 0 0 1 1 ? 2099");
        }
        args.addAll(List.of(extraProperties));
        return new SpringApplication(LeaseBridgeApplication.class).run(args.toArray(String[]::new));
    }

    @Override
    public void close() {
        salesforce.stop();
        if (fleetRock != null) {
            fleetRock.close();
        }
    }
}
