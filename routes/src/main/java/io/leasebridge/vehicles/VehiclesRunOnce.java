package io.leasebridge.vehicles;

import io.leasebridge.flow.RunOnceParts;
import org.apache.camel.ProducerTemplate;
import org.springframework.stereotype.Component;

import java.util.List;

/**
 * Vehicles in run-once: Salesforce's vehicle changes early (repo cases wait for their vehicle), the LeaseWorks import
 * file after the Salesforce drain, so that it carries this run's changes.
 */
@Component
class VehiclesRunOnce implements RunOnceParts {

    private final ProducerTemplate producer;
    private volatile String importFile;

    VehiclesRunOnce(ProducerTemplate producer) {
        this.producer = producer;
    }

    @Override
    public List<Step> steps() {
        return List.of(
                Step.of(200, VehicleSync.FLOW, once -> producer.requestBody(VehicleRoutes.READ, (Object) null)),
                Step.of(1200, LeaseWorksVehicleImport.FLOW,
                        once -> importFile = producer.requestBody(VehicleRoutes.IMPORT, null, String.class)));
    }

    @Override
    public List<Report> reports() {
        return List.of(new Report(1400, (out, once) ->
                out.println("LeaseWorks vehicle import: " + (importFile == null ? "no vehicle changed, no file" : importFile))));
    }
}
