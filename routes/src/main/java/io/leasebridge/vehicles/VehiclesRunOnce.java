package io.leasebridge.vehicles;

import io.leasebridge.flow.RouteCalls;
import io.leasebridge.flow.RunOnceParts;
import org.springframework.stereotype.Component;

import java.util.List;

/**
 * Vehicles in run-once: Salesforce's vehicle changes early (repo cases wait for their vehicle), the LeaseWorks import
 * file after the Salesforce drain, so that it carries this run's changes.
 */
@Component
class VehiclesRunOnce implements RunOnceParts {

    private final RouteCalls routes;
    private volatile String importFile;

    VehiclesRunOnce(RouteCalls routes) {
        this.routes = routes;
    }

    @Override
    public List<Step> steps() {
        return List.of(
                Step.of(200, VehicleSync.FLOW, once -> routes.run(VehicleRoutes.READ)),
                Step.of(1200, LeaseWorksVehicleImport.FLOW,
                        once -> importFile = routes.request(VehicleRoutes.IMPORT, null, String.class)));
    }

    @Override
    public List<Report> reports() {
        return List.of(new Report(1400, (out, once) ->
                out.println("LeaseWorks vehicle import: " + (importFile == null ? "no vehicle changed, no file" : importFile))));
    }
}
