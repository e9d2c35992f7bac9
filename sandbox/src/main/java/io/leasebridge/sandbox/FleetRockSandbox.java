package io.leasebridge.sandbox;

import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.PrintStream;
import java.nio.file.Path;
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
     * Repair orders for the portfolio whose exports are under {@code inbox}, the same ones for the same seed and
     * day; their vehicles are put in the org as users would have entered them.
     */
    void prepare(Path inbox, long seed, SalesforceSimulator salesforce) {
        List<String> vins = RepairOrderGenerator.portfolioVins(inbox);
        orders = new RepairOrderGenerator().generate(vins, seed, clock.instant(), VEHICLES_PER_ORDER, MAX_ORDERS);
        salesforce.seedRecords("Vehicle__c", "VIN__c", orders.stream().map(ro -> {
            Map<String, Object> vehicle = new LinkedHashMap<>();
            vehicle.put("VIN__c", ro.path("vin").asText());
            vehicle.put("Name", ro.path("vin").asText());
            return vehicle;
        }).distinct().toList());
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
