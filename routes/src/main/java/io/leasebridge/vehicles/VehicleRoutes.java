package io.leasebridge.vehicles;

import io.leasebridge.flow.Flow;
import io.leasebridge.flow.FlowRoutes;
import org.apache.camel.builder.RouteBuilder;
import org.springframework.stereotype.Component;

import java.util.List;

/**
 * Vehicles: Salesforce Vehicle__c changes into the hub, then the LeaseWorks vehicle import file. Both on
 * their schedules when serving; run-once calls them in order.
 */
@Component
public class VehicleRoutes extends RouteBuilder implements FlowRoutes {

    public static final String READ = "direct:" + VehicleSync.FLOW;
    public static final String IMPORT = "direct:" + LeaseWorksVehicleImport.FLOW;
    static final String IMPORT_FILE = "direct:leaseworks-vehicle-import-file";

    private final VehicleSync sync;
    private final LeaseWorksVehicleImport leaseWorksImport;
    private final VehicleImportProperties importProperties;

    public VehicleRoutes(VehicleSync sync, LeaseWorksVehicleImport leaseWorksImport,
                         VehicleImportProperties importProperties) {
        this.importProperties = importProperties;
        this.sync = sync;
        this.leaseWorksImport = leaseWorksImport;
    }

    @Override
    public List<Flow> flows() {
        return List.of(Flow.scheduled(VehicleSync.FLOW, READ), Flow.scheduled(LeaseWorksVehicleImport.FLOW, IMPORT));
    }

    @Override
    public void configure() {
        from(READ).routeId(VehicleSync.FLOW)
                .bean(sync, "read");

        from(IMPORT).routeId(LeaseWorksVehicleImport.FLOW)
                .bean(leaseWorksImport, "write");

        from(IMPORT_FILE).routeId("leaseworks-vehicle-import-file")
                .to(importProperties.endpoint());
    }
}
