package io.leasebridge.sandbox;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Properties;

/**
 * The sandbox's GPS vendors: a PassTime and a Spireon simulator over the generated fleet, and the run counter
 * (kept under the sandbox's home) that moves the vehicles between runs.
 */
final class SandboxGps {

    private static final String HOMES = "gps-homes.csv";
    private static final String RUNS = "gps-runs.properties";

    private final SandboxOptions options;
    private final PassTimeSimulator passTime;
    private final SpireonSimulator spireon;
    private volatile GpsFleet fleet = GpsFleet.empty();

    private SandboxGps(SandboxOptions options) {
        this.options = options;
        this.passTime = PassTimeSimulator.start(() -> fleet, Clock.systemUTC());
        this.spireon = SpireonSimulator.start(() -> fleet, Clock.systemUTC());
    }

    static SandboxGps start(SandboxOptions options) {
        return new SandboxGps(options);
    }

    /** Keeps where each generated lease's vehicle is garaged, read back from the accounts export just written. */
    void rememberHomes(GeneratedPortfolio portfolio) {
        portfolio.allFiles().stream().filter(f -> f.export().equals("accounts")).findFirst().ifPresent(accounts ->
                GpsFleet.writeHomes(GpsFleet.homesFromAccountsExport(accounts.path()), options.home().resolve(HOMES)));
    }

    /** The next run: the vehicles move. */
    GpsFleet nextRun(List<FleetVehicle> vehicles) {
        Path file = options.home().resolve(RUNS);
        Properties runs = new Properties();
        try {
            if (Files.exists(file)) {
                try (var in = Files.newInputStream(file)) {
                    runs.load(in);
                }
            }
            int run = Integer.parseInt(runs.getProperty("run", "0")) + 1;
            Instant first = Instant.parse(runs.getProperty("first-run", Instant.now().toString()));
            runs.setProperty("run", Integer.toString(run));
            runs.setProperty("first-run", first.toString());
            try (var out = Files.newOutputStream(file)) {
                runs.store(out, "GPS simulator runs of this sandbox");
            }
            fleet = GpsFleet.of(options.seed(), run, first, vehicles, GpsFleet.readHomes(options.home().resolve(HOMES)));
            return fleet;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot keep the GPS run count in " + file, e);
        }
    }

    GpsFleet fleet() {
        return fleet;
    }

    /**
     * LeaseBridge's GPS configuration for the simulators. The not-moving threshold is one second (and the tolerance
     * 50 m, well under the 1 km a driving vehicle moves between runs) so that the vehicle
     * that stopped shows on the second run, minutes after the first, instead of a week later.
     */
    List<String> arguments() {
        return List.of(
                "--leasebridge.gps.passtime.base-url=" + passTime.baseUrl(),
                "--leasebridge.gps.passtime.username=sandbox-api",
                "--leasebridge.gps.passtime.password=sandbox-passtime-password",
                "--leasebridge.gps.passtime.dealer-number=" + PassTimeSimulator.DEALER,
                "--leasebridge.gps.passtime.requests-per-second=200",
                "--leasebridge.gps.passtime.max-concurrent=4",
                "--leasebridge.gps.spireon.base-url=" + spireon.baseUrl(),
                "--leasebridge.gps.spireon.app-token=" + SpireonSimulator.APP_TOKEN,
                "--leasebridge.gps.spireon.username=fleet@sandbox.leasebridge.io",
                "--leasebridge.gps.spireon.password=sandbox-spireon-password",
                "--leasebridge.gps.spireon.requests-per-second=200",
                "--leasebridge.gps.spireon.max-concurrent=4",
                "--leasebridge.gps.rules.not-moving-after=1s",
                "--leasebridge.gps.rules.stationary-tolerance-meters=50");
    }

    void stop() {
        passTime.stop();
        spireon.stop();
    }
}
