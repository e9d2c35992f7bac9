package io.leasebridge.sandbox;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * FleetRock repair orders for vehicles of the generated portfolio: the VINs of its leases (read from the
 * LeaseWorks accounts export the generator wrote), a seeded choice of vendors, tasks and parts, totals that add
 * up, and dates in the days before {@code today}. One RO in {@value #BAD_EVERY} has a total FleetRock would never
 * send ("TBD"), so the sandbox shows a quarantined repair order.
 */
final class RepairOrderGenerator {

    static final int BAD_EVERY = 8;
    private static final DateTimeFormatter WIRE_DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneOffset.UTC);
    private static final String[] VENDORS = {"Midway Truck Repair", "Lakeside Auto Service", "Prairie Fleet Care", "Northside Collision"};
    private static final String[][] TASKS = {
            {"Replace front brake pads", "BP-220", "Brake pad set", "48.25"},
            {"Oil and filter change", "OF-110", "Oil filter", "12.40"},
            {"Replace battery", "BT-650", "Battery 650 CCA", "139.00"},
            {"Rotate and balance tires", null, null, null},
            {"Replace wiper blades", "WB-22", "Wiper blade 22 in", "9.75"},
            {"Replace serpentine belt", "SB-7PK", "Serpentine belt", "36.80"}};
    private static final BigDecimal LABOR_RATE = new BigDecimal("120.00");
    private static final BigDecimal TAX = new BigDecimal("0.0825");

    private final ObjectMapper json = new ObjectMapper();

    /** The valid VINs of the leases in the accounts exports under {@code inbox} (or its {@code .done}). */
    static List<String> portfolioVins(Path inbox) {
        TreeSet<String> vins = new TreeSet<>();
        for (Path dir : List.of(inbox, inbox.resolve(".done"))) {
            if (!Files.isDirectory(dir)) {
                continue;
            }
            try (Stream<Path> files = Files.list(dir)) {
                for (Path file : files.filter(f -> f.getFileName().toString().matches("accounts.*\\.csv")).sorted().toList()) {
                    try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8);
                         CSVParser csv = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(reader)) {
                        for (CSVRecord row : csv) {
                            String vin = row.isMapped("VIN") && row.isSet("VIN") ? row.get("VIN") : "";
                            if (io.leasebridge.mapping.vin.VinCheck.check(vin).isValid()) {
                                vins.add(vin);
                            }
                        }
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read the accounts exports under " + dir, e);
            }
        }
        return List.copyOf(vins);
    }

    /** One RO for every {@code vehiclesPerOrder}-th vehicle, at most {@code max}. */
    List<ObjectNode> generate(List<String> vins, long seed, Instant today, int vehiclesPerOrder, int max) {
        Random random = new Random(seed);
        Instant midnight = today.truncatedTo(ChronoUnit.DAYS);
        List<ObjectNode> orders = new ArrayList<>();
        for (int i = 0; i < vins.size() && orders.size() < max; i += vehiclesPerOrder) {
            int n = orders.size() + 1;
            orders.add(repairOrder("FR-" + (100_000 + n), vins.get(i), random, midnight, n % BAD_EVERY == 0));
        }
        return orders;
    }

    private ObjectNode repairOrder(String id, String vin, Random random, Instant midnight, boolean bad) {
        Instant created = midnight.minus(2 + random.nextInt(4), ChronoUnit.DAYS).plus(7 + random.nextInt(4), ChronoUnit.HOURS);
        Instant finished = created.plus(4 + random.nextInt(30), ChronoUnit.HOURS);
        Instant invoiced = finished.plus(1 + random.nextInt(10), ChronoUnit.HOURS);
        if (invoiced.isAfter(midnight.minus(1, ChronoUnit.HOURS))) {
            invoiced = midnight.minus(1, ChronoUnit.HOURS);
        }
        ObjectNode ro = json.createObjectNode();
        ro.put("id", id);
        ro.put("vin", vin);
        ro.put("unit_number", "U-" + vin.substring(11));
        ro.put("vendor_name", VENDORS[random.nextInt(VENDORS.length)]);
        ro.put("status", "Invoiced");
        ro.put("date_created", WIRE_DATE.format(created));
        ro.put("date_finished", WIRE_DATE.format(finished));
        ro.put("date_invoiced", WIRE_DATE.format(invoiced));
        BigDecimal labor = BigDecimal.ZERO;
        BigDecimal parts = BigDecimal.ZERO;
        ArrayNode tasks = ro.putArray("tasks");
        int taskCount = 1 + random.nextInt(3);
        for (int t = 0; t < taskCount; t++) {
            String[] kind = TASKS[random.nextInt(TASKS.length)];
            BigDecimal hours = BigDecimal.valueOf(1 + random.nextInt(8)).divide(BigDecimal.valueOf(4), 2, RoundingMode.HALF_UP);
            BigDecimal laborTotal = hours.multiply(LABOR_RATE).setScale(2, RoundingMode.HALF_UP);
            labor = labor.add(laborTotal);
            ObjectNode task = tasks.addObject();
            task.put("description", kind[0]);
            task.put("labor_hours", hours);
            task.put("labor_total", laborTotal);
            ArrayNode taskParts = task.putArray("parts");
            if (kind[1] != null) {
                int quantity = 1 + random.nextInt(2);
                BigDecimal total = new BigDecimal(kind[3]).multiply(BigDecimal.valueOf(quantity));
                parts = parts.add(total);
                ObjectNode part = taskParts.addObject();
                part.put("part_number", kind[1]);
                part.put("description", kind[2]);
                part.put("quantity", quantity);
                part.put("total", total);
            }
        }
        BigDecimal tax = parts.multiply(TAX).setScale(2, RoundingMode.HALF_UP);
        ro.put("labor_total", labor);
        ro.put("part_total", parts);
        ro.put("tax_total", tax);
        if (bad) {
            ro.put("grand_total", "TBD");
        } else {
            ro.put("grand_total", labor.add(parts).add(tax));
        }
        return ro;
    }
}
