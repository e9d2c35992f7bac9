package io.leasebridge.sandbox;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;

/**
 * A vehicle of the generated portfolio as the lessor's Salesforce org holds it ({@code Vehicle__c}): the
 * simulated org is seeded from these on every sandbox start, because vehicle data lives in Salesforce.
 *
 * @param leaseValid whether the lease's export row is one LeaseBridge accepts
 * @param gpsProvider PASSTIME, SPIREON or null for a vehicle without a device
 */
public record FleetVehicle(String vin, String leaseId, boolean leaseValid, int daysPastDue, int modelYear, String make,
                           String model, String unitNumber, String gpsProvider, String gpsDeviceId) {

    private static final String[] HEADER = {"vin", "leaseId", "leaseValid", "daysPastDue", "modelYear", "make", "model",
            "unitNumber", "gpsProvider", "gpsDeviceId"};
    private static final String YEARS = "FGHJKLMNPRS";
    private static final String[][] MODELS = {
            {"1HG", "Honda", "Accord"}, {"1FT", "Ford", "F-150"}, {"2T1", "Toyota", "Corolla"}, {"3VW", "Volkswagen", "Jetta"},
            {"5YJ", "Tesla", "Model 3"}, {"JHM", "Honda", "Civic"}, {"KMH", "Hyundai", "Elantra"}, {"1C4", "Jeep", "Grand Cherokee"},
            {"WBA", "BMW", "330i"}, {"4T1", "Toyota", "Camry"}, {"1G1", "Chevrolet", "Malibu"}, {"5NP", "Hyundai", "Sonata"}};

    /** Describes the vehicle a generated VIN stands for: make and model from its maker code, year from position 10. */
    static FleetVehicle of(String vin, String leaseId, boolean leaseValid, int daysPastDue, long unit, Random random) {
        String make = "Unknown";
        String model = "Vehicle";
        for (String[] m : MODELS) {
            if (vin.startsWith(m[0])) {
                make = m[1];
                model = m[2];
            }
        }
        int year = 2015 + Math.max(0, YEARS.indexOf(vin.charAt(9)));
        int gps = random.nextInt(10);
        String provider = gps < 6 ? "PASSTIME" : gps < 9 ? "SPIREON" : null;
        String device = provider == null ? null
                : provider.equals("PASSTIME") ? String.format("PT%07d", random.nextInt(10_000_000))
                : Integer.toString(4_000_000 + random.nextInt(1_000_000));
        return new FleetVehicle(vin, leaseId, leaseValid, daysPastDue, year, make, model, String.format("U-%05d", unit),
                provider, device);
    }

    static void write(List<FleetVehicle> fleet, Path file) {
        try (Writer out = Files.newBufferedWriter(file);
             CSVPrinter csv = CSVFormat.DEFAULT.builder().setHeader(HEADER).get().print(out)) {
            for (FleetVehicle v : fleet) {
                csv.printRecord(v.vin, v.leaseId, v.leaseValid, v.daysPastDue, v.modelYear, v.make, v.model, v.unitNumber,
                        v.gpsProvider == null ? "" : v.gpsProvider, v.gpsDeviceId == null ? "" : v.gpsDeviceId);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the sandbox fleet " + file, e);
        }
    }

    public static List<FleetVehicle> read(Path file) {
        if (!Files.exists(file)) {
            return List.of();
        }
        try (Reader in = Files.newBufferedReader(file)) {
            List<FleetVehicle> fleet = new ArrayList<>();
            for (CSVRecord r : CSVFormat.DEFAULT.builder().setHeader(HEADER).setSkipHeaderRecord(true).get().parse(in)) {
                fleet.add(new FleetVehicle(r.get("vin"), r.get("leaseId"), Boolean.parseBoolean(r.get("leaseValid")),
                        Integer.parseInt(r.get("daysPastDue")), Integer.parseInt(r.get("modelYear")), r.get("make"),
                        r.get("model"), r.get("unitNumber"), blank(r.get("gpsProvider")), blank(r.get("gpsDeviceId"))));
            }
            return fleet;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the sandbox fleet " + file, e);
        }
    }

    private static String blank(String value) {
        return value == null || value.isEmpty() ? null : value;
    }
}
