package io.leasebridge.vehicles;

import io.leasebridge.imports.ImportFile;
import io.leasebridge.mapping.LeaseWorksMapping;
import io.leasebridge.model.Vehicle;
import org.springframework.stereotype.Component;

/** The LeaseWorks vehicle import: one row per vehicle, laid out by {@code imports.vehicles} in the field map. */
@Component
public class VehicleImportFile extends ImportFile<Vehicle> {

    static final String IMPORT = "vehicles";

    public VehicleImportFile(LeaseWorksMapping mapping) {
        super(mapping, IMPORT, Vehicle.class);
    }
}
