package io.leasebridge.sandbox;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * The devices the simulated GPS vendors know, each at home near its vehicle's garaging address, and where each one
 * is on a given run of the sandbox. Deterministic from the seed and the run number, so positions move between
 * runs the same way every time: most vehicles drive around home; one leaves its state from the second run on,
 * one stops moving, and one device went silent three days before the first run.
 */
public final class GpsFleet {

    public enum Behaviour { DRIVES, LEAVES_STATE, STOPS, GOES_SILENT }

    /** A device of the fleet and where its vehicle is garaged. */
    public record Device(String provider, String deviceId, String vin, String leaseId, String state, double homeLat, double homeLon,
                         Behaviour behaviour) {
    }

    /** A position reported for a device. */
    public record Fix(double latitude, double longitude, Instant locatedAt, int speed) {
    }

    private static final String[] HOME_HEADER = {"leaseId", "state", "latitude", "longitude", "disclosure"};
    private static final double[] HOUSTON = {29.7604, -95.3698};
    private static final double[] PHOENIX = {33.4484, -112.0740};

    private final long seed;
    private final int run;
    private final Instant firstRun;
    private final Map<String, Device> byDeviceId = new LinkedHashMap<>();

    GpsFleet(long seed, int run, Instant firstRun, List<Device> devices) {
        this.seed = seed;
        this.run = run;
        this.firstRun = firstRun;
        devices.forEach(d -> byDeviceId.put(d.deviceId(), d));
    }

    /** The fleet's devices, the first three delinquent vehicles with a disclosure on file given the notable behaviours. */
    static GpsFleet empty() {
        return new GpsFleet(0, 0, Instant.EPOCH, List.of());
    }

    static GpsFleet of(long seed, int run, Instant firstRun, List<FleetVehicle> fleet, Map<String, Home> homes) {
        List<FleetVehicle> tracked = fleet.stream().filter(v -> v.gpsProvider() != null && homes.containsKey(v.leaseId()))
                .sorted(Comparator.comparing(FleetVehicle::vin)).toList();
        List<Device> devices = new ArrayList<>();
        Behaviour[] notable = {Behaviour.LEAVES_STATE, Behaviour.STOPS, Behaviour.GOES_SILENT};
        int assigned = 0;
        for (FleetVehicle v : tracked) {
            Home home = homes.get(v.leaseId());
            Behaviour behaviour = Behaviour.DRIVES;
            if (assigned < notable.length && v.leaseValid() && v.daysPastDue() >= 10 && home.disclosure()) {
                behaviour = notable[assigned++];
            }
            devices.add(new Device(v.gpsProvider(), v.gpsDeviceId(), v.vin(), v.leaseId(), home.state(), home.latitude(),
                    home.longitude(), behaviour));
        }
        return new GpsFleet(seed, run, firstRun, devices);
    }

    public int run() {
        return run;
    }

    public List<Device> devices() {
        return List.copyOf(byDeviceId.values());
    }

    public Device device(String provider, String deviceId) {
        Device d = byDeviceId.get(deviceId);
        return d != null && d.provider().equals(provider) ? d : null;
    }

    /** Where the device is on this run, as of {@code now}. */
    public Fix locate(Device d, Instant now) {
        Random random = new Random(seed ^ d.deviceId().hashCode() * 31L ^ run * 0x5DEECE66DL);
        return switch (d.behaviour()) {
            case STOPS -> new Fix(d.homeLat(), d.homeLon(), now.minus(Duration.ofMinutes(2)), 0);
            // unplugged three days before the sandbox first ran: its last report never changes
            case GOES_SILENT -> new Fix(d.homeLat(), d.homeLon(), firstRun.minus(Duration.ofDays(3)), 0);
            case LEAVES_STATE -> {
                if (run == 1) {
                    yield new Fix(d.homeLat(), d.homeLon(), now.minus(Duration.ofMinutes(5)), 0);
                }
                double[] away = "TX".equals(d.state()) ? PHOENIX : HOUSTON;
                yield drive(away[0], away[1], "TX".equals(d.state()) ? "AZ" : "TX", d.deviceId(), random, now);
            }
            case DRIVES -> drive(d.homeLat(), d.homeLon(), d.state(), d.deviceId(), random, now);
        };
    }

    /** A point 1 to 3 km from {@code lat, lon}, in another direction each run, on land in {@code state} where possible. */
    private Fix drive(double lat0, double lon0, String state, String deviceId, Random random, Instant now) {
        double angle = run * 2.1 + (deviceId.hashCode() % 628) / 100.0;
        double km = 1 + random.nextDouble() * 2;
        // reported within the last 20 seconds: each run's fix is newer than the one before
        Instant at = now.minusSeconds(random.nextInt(20));
        double lat = lat0;
        double lon = lon0;
        for (int turn = 0; turn < 9; turn++, angle += 0.7) {
            lat = lat0 + Math.sin(angle) * km / 111.32;
            lon = lon0 + Math.cos(angle) * km / (111.32 * Math.cos(Math.toRadians(lat0)));
            if (GpsGaraging.inState(state, lat, lon)) {
                break;
            }
        }
        return new Fix(lat, lon, at, 10 + random.nextInt(60));
    }

    // ---------------------------------------------------------------- garaging homes, from the accounts export

    /** A lease's garaging: the export's coordinates, or the customer's city when it has none. */
    record Home(String state, double latitude, double longitude, boolean disclosure) {
    }

    /** Reads the garaging of each lease from a generated accounts export (column names of the shipped field map). */
    static Map<String, Home> homesFromAccountsExport(Path accountsCsv) {
        Map<String, Home> homes = new HashMap<>();
        try (Reader in = Files.newBufferedReader(accountsCsv)) {
            for (CSVRecord r : CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(in)) {
                if (!r.isConsistent()) {
                    continue;
                }
                String state = r.get("Garaging State").isBlank() ? r.get("State") : r.get("Garaging State");
                double[] city = GpsGaraging.CITIES.get(r.get("City"));
                try {
                    double lat = r.get("Garaging Latitude").isBlank() ? city[0] : Double.parseDouble(r.get("Garaging Latitude"));
                    double lon = r.get("Garaging Longitude").isBlank() ? city[1] : Double.parseDouble(r.get("Garaging Longitude"));
                    homes.put(r.get("Contract Number"), new Home(state, lat, lon, "Y".equals(r.get("GPS Disclosure"))));
                } catch (RuntimeException malformedRow) {
                    // the generator's deliberately malformed rows: LeaseBridge quarantines them, the vendors never see them
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + accountsCsv, e);
        }
        return homes;
    }

    static void writeHomes(Map<String, Home> homes, Path file) {
        try (Writer out = Files.newBufferedWriter(file);
             CSVPrinter csv = CSVFormat.DEFAULT.builder().setHeader(HOME_HEADER).get().print(out)) {
            for (Map.Entry<String, Home> e : new java.util.TreeMap<>(homes).entrySet()) {
                Home h = e.getValue();
                csv.printRecord(e.getKey(), h.state(), h.latitude(), h.longitude(), h.disclosure());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    static Map<String, Home> readHomes(Path file) {
        Map<String, Home> homes = new HashMap<>();
        if (!Files.exists(file)) {
            return homes;
        }
        try (Reader in = Files.newBufferedReader(file)) {
            for (CSVRecord r : CSVFormat.DEFAULT.builder().setHeader(HOME_HEADER).setSkipHeaderRecord(true).get().parse(in)) {
                homes.put(r.get("leaseId"), new Home(r.get("state"), Double.parseDouble(r.get("latitude")),
                        Double.parseDouble(r.get("longitude")), Boolean.parseBoolean(r.get("disclosure"))));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
        return homes;
    }
}
