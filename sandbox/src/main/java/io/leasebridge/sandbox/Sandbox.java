package io.leasebridge.sandbox;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import io.leasebridge.LeaseBridgeApplication;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.context.ConfigurableApplicationContext;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * LeaseBridge against simulated systems: a Salesforce org on a local port and a LeaseWorks drop folder
 * filled by the portfolio generator. The hub is an H2 file under the sandbox's home, so a second run
 * sees what the first one did.
 */
public final class Sandbox implements AutoCloseable {

    private static final String GENERATED_MARKER = ".generated";

    private static final String FLEET = "fleet.csv";

    /** Approving, sending, answering and a recall's acknowledgement take four; more means someone keeps undoing it. */
    private static final int MAX_FOLLOW_UP_RUNS = 4;

    private final SandboxOptions options;
    private final SalesforceSimulator salesforce;
    /** Simulated FleetRock; null in a sandbox {@link #around} a caller's simulator, which leaves FleetRock out. */
    private final FleetRockSandbox fleetRock;
    private final GreenMail agentMail;
    private final SandboxGps gps;
    private Map<String, String> walkedCases = Map.of();
    private final QuickBooksSimulator quickBooks;
    private final CollectionAgency agency;

    private Sandbox(SandboxOptions options, SalesforceSimulator salesforce, FleetRockSandbox fleetRock) {
        this.options = options;
        this.salesforce = salesforce;
        this.fleetRock = fleetRock;
        this.agentMail = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
        agentMail.start();
        this.gps = SandboxGps.start(options);
        this.quickBooks = QuickBooksSimulator.start(0, options.home().resolve("quickbooks-refresh-token"));
        this.agency = CollectionAgency.start(options.home().resolve("agency"));
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

    public QuickBooksSimulator quickBooks() {
        return quickBooks;
    }

    public SandboxOptions options() {
        return options;
    }

    /** The repo agent's mail server: what LeaseBridge's repo orders reached. */
    public GreenMail agentMail() {
        return agentMail;
    }

    /** The collection agency LeaseBridge places accounts with. */
    public CollectionAgency agency() {
        return agency;
    }

    /**
     * A collections manager approves every proposed agency placement in the org, naming the simulated agency, but for a
     * lease the agency already had (it closed the account or it was recalled): that proposal is rejected. Returns how
     * many were approved.
     */
    public int approveProposedPlacements() {
        return decideProposedPlacements().approved();
    }

    private PlacementDecisions decideProposedPlacements() {
        String manager = salesforce.user("Marcus Reyes");
        java.util.Collection<Map<String, Object>> placements = salesforce.records("Agency_Placement__c").values();
        java.util.Set<Object> placedBefore = new java.util.HashSet<>();
        placements.stream().filter(p -> List.of("SENT", "CLOSED", "RECALLED").contains(p.get("Status__c")))
                .forEach(p -> placedBefore.add(p.get("Lease__c")));
        int approved = 0;
        int rejected = 0;
        for (Map<String, Object> placement : placements) {
            if (!"PROPOSED".equals(placement.get("Status__c"))) {
                continue;
            }
            boolean again = placedBefore.contains(placement.get("Lease__c"));
            salesforce.saveAs(manager, "Agency_Placement__c", placement.get("Id").toString(), again
                    ? Map.of("Status__c", "REJECTED") : Map.of("Status__c", "APPROVED", "Agency__c", CollectionAgency.NAME));
            if (again) {
                rejected++;
            } else {
                approved++;
            }
        }
        return new PlacementDecisions(approved, rejected);
    }

    private record PlacementDecisions(int approved, int rejected) {
        boolean none() {
            return approved == 0 && rejected == 0;
        }
    }

    /** The repossession cases the simulated repo desk walked in this sandbox's org, by walk. */
    public Map<String, String> walkedCases() {
        return walkedCases;
    }

    /** The GPS devices as the simulated vendors know them on the current run. */
    public GpsFleet gpsFleet() {
        return gps.fleet();
    }

    /** The generated fleet, as the lessor's Salesforce org holds it; empty before any export was generated. */
    public List<FleetVehicle> fleet() {
        return FleetVehicle.read(options.home().resolve(FLEET));
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
            String day = portfolio.accounts().fileName().replaceAll("\\D", "");
            RealWorldExports.write(options.inbox(), day, portfolio.leaseIds().iterator().next());
            FleetVehicle.write(portfolio.fleet(), options.home().resolve(FLEET));
            gps.rememberHomes(portfolio);
            GlExportWriter.write(options.inbox(), java.time.LocalDate.of(2026, 3, 1), 30, options.seed());
            RuleScenarios.write(options.home(), portfolio.accounts().path());
            Files.writeString(marker, "seed=" + options.seed() + " accounts=" + options.accounts() + "\n");
            return Optional.of(portfolio);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the sandbox exports under " + options.inbox(), e);
        }
    }

    /**
     * Delivers the next day of the collections-rule scenarios (three export days after the portfolio's) into the inbox,
     * with what people did in the org that day; run it as of the day returned. Empty once every day was delivered.
     */
    public Optional<java.time.LocalDate> nextScenarioDay() {
        return RuleScenarios.deliverNext(options.home(), options.inbox(), salesforce, options.hubUrl());
    }

    /** Prints what each collections rule decided on the scenario leases so far, once their first day arrived. */
    public void describeRuleScenarios(java.io.PrintStream out) {
        RuleScenarios.describe(out, options.home(), options.hubUrl());
    }

    /** Runs every flow once against the simulators, in this JVM; returns LeaseBridge's exit code. */
    public int runOnce(String... extraProperties) {
        if (walkedCases.isEmpty()) {
            walkedCases = RepoDesk.seed(salesforce, fleet(), deliveredDispositions());
        }
        gps.nextRun(fleet());
        if (fleetRock != null) {
            fleetRock.prepare(fleetRockVins(), options.seed(), salesforce);
        }
        return launch(extraProperties);
    }

    /** LeaseBridge run once against the simulators as they stand. */
    private int launch(String... extraProperties) {
        SpringApplication app = new SpringApplication(LeaseBridgeApplication.class);
        app.setWebApplicationType(WebApplicationType.NONE);
        List<String> args = new ArrayList<>(runOnceArguments());
        args.addAll(List.of(extraProperties));
        try (ConfigurableApplicationContext context = app.run(args.toArray(String[]::new))) {
            return SpringApplication.exit(context);
        }
    }

    /**
     * Runs once, then lets the people around LeaseBridge act on what it did, each time followed by a run that takes it
     * in, until they have nothing left to do: a collections manager approves the proposed agency placements in the org,
     * and the agency answers the placement and recall files it was sent. The runs that follow are the same day's: the
     * vehicles and FleetRock's repair orders stay where the first one found them. Returns the first failed run's exit
     * code, or 0.
     */
    public int runOnceThenAnswer(java.io.PrintStream out, String... extraProperties) {
        int exitCode = runOnce(extraProperties);
        for (int followUp = 0; exitCode == 0 && followUp < MAX_FOLLOW_UP_RUNS; followUp++) {
            PlacementDecisions decisions = decideProposedPlacements();
            String answer = agency.work(java.time.LocalDate.now());
            if (decisions.none() && answer == null) {
                break;
            }
            if (!decisions.none()) {
                out.printf("A collections manager approved %d proposed agency placements in the org, with %s, and rejected %d"
                        + " of leases the agency already had%n", decisions.approved(), CollectionAgency.NAME, decisions.rejected());
            }
            if (answer != null) {
                out.printf("%s answered with %s on its SFTP server%n", CollectionAgency.NAME, answer);
            }
            out.println("Running again to take that in");
            exitCode = launch(extraProperties);
        }
        return exitCode;
    }

    /**
     * The dispositions LeaseBridge delivered to Salesforce in earlier runs, by VIN. The simulated org starts
     * empty on every sandbox start; a real org keeps what it was sent (and what its users did, such as the rule
     * scenarios' sale), so the seeded vehicles carry these.
     */
    private Map<String, String> deliveredDispositions() {
        Map<String, String> byVin = new HashMap<>();
        try (Connection hub = DriverManager.getConnection(options.hubUrl() + ";IFEXISTS=TRUE", "sa", "");
             Statement sql = hub.createStatement();
             ResultSet rs = sql.executeQuery("select external_id, payload from sf_outbox "
                     + "where sobject = 'Vehicle__c' and facet = 'disposition' and status = 'DELIVERED'")) {
            ObjectMapper json = new ObjectMapper();
            while (rs.next()) {
                byVin.put(rs.getString(1), json.readTree(rs.getString(2)).path("Disposition__c").asText());
            }
        } catch (SQLException | IOException e) {
            // no hub yet (a first run), or one from before vehicles existed: nothing was delivered
        }
        byVin.putAll(RuleScenarios.soldInTheOrg(options.home()));
        return byVin;
    }

    /** The vehicles FleetRock repairs: the generated fleet's, or the VINs of the accounts export without one. */
    private List<String> fleetRockVins() {
        List<String> fleetVins = fleet().stream().map(FleetVehicle::vin)
                .filter(vin -> io.leasebridge.mapping.vin.VinCheck.check(vin).isValid()).sorted().toList();
        return fleetVins.isEmpty() ? RepairOrderGenerator.portfolioVins(options.inbox()) : fleetVins;
    }

    /** The command-line arguments that point LeaseBridge at this sandbox and make it run once. */
    public List<String> runOnceArguments() {
        List<String> args = new ArrayList<>(List.of(
                "--leasebridge.run-once=true",
                // the sandbox profile brings the development users, for a sandbox that serves
                "--spring.profiles.active=sandbox",
                "--camel.springboot.main-run-controller=false",
                "--spring.datasource.url=" + options.hubUrl(),
                "--leasebridge.leaseworks.inbox=" + options.inbox().toAbsolutePath(),
                "--camel.component.salesforce.login-url=" + salesforce.baseUrl(),
                "--camel.component.salesforce.client-id=sandbox-client",
                "--camel.component.salesforce.client-secret=sandbox-secret",
                "--camel.component.salesforce.user-name=integration@sandbox.leasebridge.io",
                "--camel.component.salesforce.password=sandbox-password",
                "--leasebridge.kpis.report-dir=" + options.home().resolve("reports").toAbsolutePath(),
                "--leasebridge.contact.sms.object=" + RuleScenarios.SMS_OBJECT,
                "--leasebridge.contact.sms.lease-field=sbxsms__Lease__c",
                "--leasebridge.contact.sms.timestamp-field=sbxsms__Sent_At__c",
                "--leasebridge.contact.sms.direction-field=sbxsms__Direction__c",
                "--leasebridge.repo.mail.endpoint=smtp://localhost:" + agentMail.getSmtp().getPort(),
                "--leasebridge.leaseworks.vehicle-import.endpoint=file:" + options.home().resolve("leaseworks-outbox").toAbsolutePath()
                        + "?tempPrefix=.inprogress-",
                "--leasebridge.leaseworks.adjustment-import.endpoint=file:" + options.home().resolve("leaseworks-outbox").toAbsolutePath()
                        + "?tempPrefix=.inprogress-&fileExist=Override",
                // two collectors have Salesforce users; the others' tasks go to the collections queue
                "--leasebridge.ledger.collector-owners[Aisha Khan]=005000000000001AAA",
                "--leasebridge.ledger.collector-owners[Tom Baker]=005000000000002AAA",
                "--leasebridge.ledger.fallback-owner=00G000000000001AAA",
                // a simulated QuickBooks company; the hub keeps its rotated refresh token, encrypted with this sandbox-only key
                "--leasebridge.quickbooks.base-url=" + quickBooks.baseUrl(),
                "--leasebridge.quickbooks.token-url=" + quickBooks.tokenUrl(),
                "--leasebridge.quickbooks.realm-id=" + QuickBooksSimulator.REALM_ID,
                "--leasebridge.quickbooks.client-id=" + QuickBooksSimulator.CLIENT_ID,
                "--leasebridge.quickbooks.client-secret=" + QuickBooksSimulator.CLIENT_SECRET,
                "--leasebridge.quickbooks.refresh-token=" + QuickBooksSimulator.FIRST_REFRESH_TOKEN,
                "--leasebridge.quickbooks.token-encryption-key=c2FuZGJveC1vbmx5LWtleS1ub3QtYS1zZWNyZXQhISE=",
                "--leasebridge.quickbooks.retry.delay=100ms",
                "--leasebridge.quickbooks.retry.max-attempts=5",
                "--leasebridge.agency.layouts-file=" + agencyLayouts()));
        if (fleetRock != null) {
            args.addAll(fleetRock.arguments());
        }
        args.addAll(gps.arguments());
        return args;
    }

    /** The shipped agency layouts pointing at the simulated agency, written under the sandbox's home. */
    private Path agencyLayouts() {
        try (var shipped = io.leasebridge.config.ShippedFile.open(Path.of("config", "mappings", "agencies.yml"))) {
            Path layouts = options.home().resolve("agencies.yml");
            Files.writeString(layouts, agency.layouts(new String(shipped.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8)));
            return layouts.toAbsolutePath();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the sandbox's agency layouts", e);
        }
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
        args.addAll(ParkedSchedules.arguments());
        args.addAll(List.of(extraProperties));
        return new SpringApplication(LeaseBridgeApplication.class).run(args.toArray(String[]::new));
    }

    /** Stops only this sandbox's GPS simulators: for a sandbox made {@link #around} a simulator another one stops. */
    public void closeGps() {
        gps.stop();
    }

    @Override
    public void close() {
        agentMail.stop();
        salesforce.stop();
        gps.stop();
        quickBooks.stop();
        try {
            agency.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (fleetRock != null) {
            fleetRock.close();
        }
    }
}
