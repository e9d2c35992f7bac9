package io.leasebridge.sandbox;

import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.PrintStream;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The sandbox's FleetRock: a simulated account holding repair orders for vehicles of the generated portfolio,
 * the {@code Vehicle__c} records they refer to in the simulated org, and the properties that point LeaseBridge
 * at it.
 */
final class FleetRockSandbox implements AutoCloseable {

    static final int VEHICLES_PER_ORDER = 20;
    static final int MAX_ORDERS = 200;
    static final String WEBHOOK_SECRET = "sandbox-webhook-secret";

    private final FleetRockSimulator simulator;
    private final Clock clock;
    private List<ObjectNode> orders = List.of();

    private FleetRockSandbox(FleetRockSimulator simulator, Clock clock) {
        this.simulator = simulator;
        this.clock = clock;
    }

    static FleetRockSandbox start() {
        Clock clock = Clock.systemUTC();
        return new FleetRockSandbox(FleetRockSimulator.start(clock), clock);
    }

    FleetRockSimulator simulator() {
        return simulator;
    }

    /**
     * Repair orders for vehicles of the portfolio (the same ones for the same seed and day); a vehicle the org
     * does not hold yet is put there as a user would have entered it, so every work order finds its Vehicle__c.
     */
    void prepare(List<String> vins, long seed, SalesforceSimulator salesforce) {
        orders = new RepairOrderGenerator().generate(vins, seed, clock.instant(), VEHICLES_PER_ORDER, MAX_ORDERS);
        java.util.Set<String> known = new java.util.TreeSet<>(String.CASE_INSENSITIVE_ORDER);
        salesforce.records("Vehicle__c").values().forEach(v -> known.add(String.valueOf(v.get("VIN__c"))));
        List<Map<String, Object>> missing = orders.stream().map(ro -> ro.path("vin").asText()).distinct()
                .filter(vin -> !known.contains(vin)).map(vin -> {
                    Map<String, Object> vehicle = new LinkedHashMap<>();
                    vehicle.put("VIN__c", vin);
                    vehicle.put("Name", vin);
                    return vehicle;
                }).toList();
        salesforce.seedRecords("Vehicle__c", "VIN__c", missing);
        simulator.put(orders);
    }

    List<String> arguments() {
        return List.of(
                "--leasebridge.fleetrock.base-url=" + simulator.baseUrl(),
                "--leasebridge.fleetrock.username=" + FleetRockSimulator.USERNAME,
                "--leasebridge.fleetrock.key=" + FleetRockSimulator.KEY,
                "--leasebridge.fleetrock.webhook.secret=" + WEBHOOK_SECRET);
    }

    void describe(PrintStream out, SalesforceSimulator salesforce) {
        long bad = orders.stream().filter(ro -> !ro.path("grand_total").isNumber()).count();
        out.printf("Simulated FleetRock at %s: %d repair orders for %d vehicles (%d with a total FleetRock would never send);"
                        + " LeaseBridge fetched %d tokens and made %d GetRO calls%n", simulator.baseUrl(), orders.size(),
                orders.stream().map(ro -> ro.path("vin").asText()).distinct().count(), bad, simulator.tokenCalls(),
                simulator.repairOrderCalls());
        out.printf("  Salesforce WorkOrder %d records in %d write calls, WorkOrderLineItem %d records in %d write calls%n",
                salesforce.records("WorkOrder").size(), salesforce.writeCalls("WorkOrder"),
                salesforce.records("WorkOrderLineItem").size(), salesforce.writeCalls("WorkOrderLineItem"));
    }

    @Override
    public void close() {
        simulator.close();
    }
}
