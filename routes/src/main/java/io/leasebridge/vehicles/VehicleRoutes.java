package io.leasebridge.vehicles;

import io.leasebridge.config.RunProperties;
import org.apache.camel.builder.RouteBuilder;
import org.springframework.stereotype.Component;

import io.leasebridge.cluster.FlowSchedule;

/**
 * Vehicles: Salesforce Vehicle__c changes into the hub, then the LeaseWorks vehicle import file. Both on
 * their schedules when serving; run-once calls them in order.
 */
@Component
public class VehicleRoutes extends RouteBuilder {

    public static final String READ = "direct:" + VehicleSync.FLOW;
    public static final String IMPORT = "direct:" + LeaseWorksVehicleImport.FLOW;
    static final String IMPORT_FILE = "direct:leaseworks-vehicle-import-file";

    private final VehicleSync sync;
    private final LeaseWorksVehicleImport leaseWorksImport;
    private final RunProperties run;
    private final VehicleImportProperties importProperties;

    public VehicleRoutes(VehicleSync sync, LeaseWorksVehicleImport leaseWorksImport, RunProperties run,
                         VehicleImportProperties importProperties) {
        this.importProperties = importProperties;
        this.sync = sync;
        this.leaseWorksImport = leaseWorksImport;
        this.run = run;
    }

    @Override
    public void configure() {
        from(READ).routeId(VehicleSync.FLOW)
                .bean(sync, "read");

        from(IMPORT).routeId(LeaseWorksVehicleImport.FLOW)
                .bean(leaseWorksImport, "write");

        from(IMPORT_FILE).routeId("leaseworks-vehicle-import-file")
                .to(importProperties.endpoint());

        if (!run.runOnce()) {
            from(FlowSchedule.cron(VehicleSync.FLOW, run.schedule(VehicleSync.FLOW)))
                    .routeId(VehicleSync.FLOW + "-schedule")
                    .to(READ);
            from(FlowSchedule.cron(LeaseWorksVehicleImport.FLOW, run.schedule(LeaseWorksVehicleImport.FLOW)))
                    .routeId(LeaseWorksVehicleImport.FLOW + "-schedule")
                    .to(IMPORT);
        }
    }
}
