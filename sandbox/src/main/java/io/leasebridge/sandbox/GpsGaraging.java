package io.leasebridge.sandbox;

import io.leasebridge.gps.rules.StateBoundaries;

import java.util.Locale;
import java.util.Map;
import java.util.Random;

/**
 * The GPS columns of a generated lease: the customer's signed GPS disclosure (most have one), the garaging state
 * (usually left blank, so LeaseBridge falls back to the customer's State) and the garaging coordinates (near the
 * customer's city; some leases have none, so the radius rule is skipped for them). Drawn from a random of its own
 * per lease, so the rest of the portfolio is the same with or without these columns.
 */
final class GpsGaraging {

    /** Where the generator's cities are (city hall, roughly). */
    static final Map<String, double[]> CITIES = Map.ofEntries(
            Map.entry("Chicago", new double[]{41.8837, -87.6321}), Map.entry("Houston", new double[]{29.7604, -95.3698}),
            Map.entry("San Antonio", new double[]{29.4241, -98.4936}), Map.entry("Phoenix", new double[]{33.4484, -112.0740}),
            Map.entry("Denver", new double[]{39.7392, -104.9903}), Map.entry("Cañon City", new double[]{38.4409, -105.2424}),
            Map.entry("Española", new double[]{35.9911, -106.0806}), Map.entry("Atlanta", new double[]{33.7490, -84.3880}),
            Map.entry("Miami", new double[]{25.7617, -80.1918}), Map.entry("Newark", new double[]{40.7357, -74.1724}),
            Map.entry("Detroit", new double[]{42.3314, -83.0458}), Map.entry("Los Angeles", new double[]{34.0522, -118.2437}),
            Map.entry("Seattle", new double[]{47.6062, -122.3321}), Map.entry("Anchorage", new double[]{61.2181, -149.9003}),
            Map.entry("Honolulu", new double[]{21.3069, -157.8583}));

    private GpsGaraging() {
    }

    static void fill(Map<String, String> row, String leaseId, long seed) {
        Random random = new Random(seed ^ leaseId.hashCode() * 0x9E3779B97F4A7C15L);
        int disclosure = random.nextInt(20);
        row.put("lease.gpsDisclosure", disclosure < 17 ? "Y" : disclosure < 19 ? "N" : "");
        row.put("lease.garagingState", random.nextInt(5) == 0 ? row.getOrDefault("customer.state", "") : "");
        double[] city = CITIES.get(row.get("customer.city"));
        String state = row.getOrDefault("customer.state", "");
        row.put("lease.garagingLatitude", "");
        row.put("lease.garagingLongitude", "");
        if (city == null || random.nextInt(7) == 0) {
            return;
        }
        // within about 3 miles of the city, on land in the customer's state (not in the lake, the sea or Windsor)
        for (int attempt = 0; attempt < 10; attempt++) {
            double lat = city[0] + (random.nextDouble() - 0.5) * 0.08;
            double lon = city[1] + (random.nextDouble() - 0.5) * 0.08;
            if (inState(state, lat, lon)) {
                row.put("lease.garagingLatitude", coordinate(lat));
                row.put("lease.garagingLongitude", coordinate(lon));
                return;
            }
        }
    }

    static boolean inState(String state, double lat, double lon) {
        return Boundaries.STATES.knows(state) && Boundaries.STATES.contains(state, lat, lon, 0);
    }

    /** Loaded once, when first needed. */
    private static final class Boundaries {
        static final StateBoundaries STATES = StateBoundaries.load();
    }

    static String coordinate(double value) {
        return String.format(Locale.ROOT, "%.6f", value);
    }
}
