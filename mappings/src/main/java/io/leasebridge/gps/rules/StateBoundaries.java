package io.leasebridge.gps.rules;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.PrecisionModel;
import org.locationtech.jts.geom.prep.PreparedGeometry;
import org.locationtech.jts.geom.prep.PreparedGeometryFactory;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The boundaries of the US states (and DC, Puerto Rico and the territories), from the Census Bureau's
 * cartographic boundary files as the npm package us-atlas ships them: a TopoJSON topology
 * ({@code states-10m.json}, longitude/latitude, quantized). Decoded here once, then asked point-in-polygon
 * questions through JTS.
 */
public final class StateBoundaries {

    static final String RESOURCE = "/io/leasebridge/gps/rules/states-10m.json";
    /** Kilometres in one degree of latitude: turns a tolerance in km into the degrees the geometry is in. */
    private static final double KM_PER_DEGREE = 111.32;
    private static final Map<String, String> POSTAL_BY_FIPS = Map.ofEntries(
            Map.entry("01", "AL"), Map.entry("02", "AK"), Map.entry("04", "AZ"), Map.entry("05", "AR"), Map.entry("06", "CA"),
            Map.entry("08", "CO"), Map.entry("09", "CT"), Map.entry("10", "DE"), Map.entry("11", "DC"), Map.entry("12", "FL"),
            Map.entry("13", "GA"), Map.entry("15", "HI"), Map.entry("16", "ID"), Map.entry("17", "IL"), Map.entry("18", "IN"),
            Map.entry("19", "IA"), Map.entry("20", "KS"), Map.entry("21", "KY"), Map.entry("22", "LA"), Map.entry("23", "ME"),
            Map.entry("24", "MD"), Map.entry("25", "MA"), Map.entry("26", "MI"), Map.entry("27", "MN"), Map.entry("28", "MS"),
            Map.entry("29", "MO"), Map.entry("30", "MT"), Map.entry("31", "NE"), Map.entry("32", "NV"), Map.entry("33", "NH"),
            Map.entry("34", "NJ"), Map.entry("35", "NM"), Map.entry("36", "NY"), Map.entry("37", "NC"), Map.entry("38", "ND"),
            Map.entry("39", "OH"), Map.entry("40", "OK"), Map.entry("41", "OR"), Map.entry("42", "PA"), Map.entry("44", "RI"),
            Map.entry("45", "SC"), Map.entry("46", "SD"), Map.entry("47", "TN"), Map.entry("48", "TX"), Map.entry("49", "UT"),
            Map.entry("50", "VT"), Map.entry("51", "VA"), Map.entry("53", "WA"), Map.entry("54", "WV"), Map.entry("55", "WI"),
            Map.entry("56", "WY"), Map.entry("60", "AS"), Map.entry("66", "GU"), Map.entry("69", "MP"), Map.entry("72", "PR"),
            Map.entry("78", "VI"));

    private final GeometryFactory geometries = new GeometryFactory(new PrecisionModel(), 4326);
    private final Map<String, Geometry> shapes;
    private final Map<String, PreparedGeometry> prepared = new HashMap<>();

    private StateBoundaries(Map<String, Geometry> shapes) {
        this.shapes = shapes;
        shapes.forEach((state, shape) -> prepared.put(state, PreparedGeometryFactory.prepare(shape)));
    }

    /** The boundaries shipped with LeaseBridge. */
    public static StateBoundaries load() {
        try (InputStream in = StateBoundaries.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("state boundaries missing from the classpath: " + RESOURCE);
            }
            return fromTopoJson(new ObjectMapper().readTree(in));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
    }

    static StateBoundaries fromTopoJson(JsonNode topology) {
        List<List<Coordinate>> arcs = decodeArcs(topology);
        GeometryFactory factory = new GeometryFactory(new PrecisionModel(), 4326);
        Map<String, Geometry> shapes = new HashMap<>();
        for (JsonNode geometry : topology.path("objects").path("states").path("geometries")) {
            String postal = POSTAL_BY_FIPS.get(geometry.path("id").asText());
            if (postal == null) {
                continue;
            }
            List<Polygon> polygons = new ArrayList<>();
            switch (geometry.path("type").asText()) {
                case "Polygon" -> polygons.add(polygon(geometry.path("arcs"), arcs, factory));
                case "MultiPolygon" -> geometry.path("arcs").forEach(p -> polygons.add(polygon(p, arcs, factory)));
                default -> throw new IllegalStateException("unexpected geometry for state " + postal + ": " + geometry.path("type"));
            }
            shapes.put(postal, factory.createMultiPolygon(polygons.toArray(Polygon[]::new)));
        }
        return new StateBoundaries(shapes);
    }

    /** Quantized, delta-encoded arcs to longitude/latitude coordinates (TopoJSON specification, section 2.1.3). */
    private static List<List<Coordinate>> decodeArcs(JsonNode topology) {
        JsonNode transform = topology.path("transform");
        double sx = transform.path("scale").get(0).asDouble();
        double sy = transform.path("scale").get(1).asDouble();
        double tx = transform.path("translate").get(0).asDouble();
        double ty = transform.path("translate").get(1).asDouble();
        List<List<Coordinate>> arcs = new ArrayList<>();
        for (JsonNode arc : topology.path("arcs")) {
            List<Coordinate> points = new ArrayList<>(arc.size());
            long x = 0;
            long y = 0;
            for (JsonNode delta : arc) {
                x += delta.get(0).asLong();
                y += delta.get(1).asLong();
                points.add(new Coordinate(x * sx + tx, y * sy + ty));
            }
            arcs.add(points);
        }
        return arcs;
    }

    private static Polygon polygon(JsonNode rings, List<List<Coordinate>> arcs, GeometryFactory factory) {
        LinearRing shell = null;
        List<LinearRing> holes = new ArrayList<>();
        for (JsonNode ring : rings) {
            List<Coordinate> points = new ArrayList<>();
            for (JsonNode index : ring) {
                int i = index.asInt();
                List<Coordinate> arc = new ArrayList<>(arcs.get(i >= 0 ? i : ~i));
                if (i < 0) {
                    java.util.Collections.reverse(arc);
                }
                // consecutive arcs share their end point
                points.addAll(points.isEmpty() ? arc : arc.subList(1, arc.size()));
            }
            LinearRing linearRing = factory.createLinearRing(points.toArray(Coordinate[]::new));
            if (shell == null) {
                shell = linearRing;
            } else {
                holes.add(linearRing);
            }
        }
        return factory.createPolygon(shell, holes.toArray(LinearRing[]::new));
    }

    /** Whether LeaseBridge has a boundary for this two-letter code. */
    public boolean knows(String state) {
        return state != null && shapes.containsKey(state.toUpperCase(Locale.ROOT));
    }

    /**
     * Whether the point lies in the state or within {@code toleranceKm} of its boundary (the shipped boundaries are
     * simplified; the tolerance is converted at a degree of latitude, so it is slightly narrower east-west).
     */
    public boolean contains(String state, double latitude, double longitude, double toleranceKm) {
        String code = state.toUpperCase(Locale.ROOT);
        PreparedGeometry shape = prepared.get(code);
        if (shape == null) {
            throw new IllegalArgumentException("no boundary for state '" + state + "'");
        }
        Point point = geometries.createPoint(new Coordinate(longitude, latitude));
        return shape.covers(point) || (toleranceKm > 0 && shapes.get(code).isWithinDistance(point, toleranceKm / KM_PER_DEGREE));
    }

    /** The state the point lies in, if any. */
    public Optional<String> stateAt(double latitude, double longitude) {
        Point point = geometries.createPoint(new Coordinate(longitude, latitude));
        return prepared.entrySet().stream().filter(e -> e.getValue().covers(point)).map(Map.Entry::getKey).findFirst();
    }
}
