package io.leasebridge.repocases;

import io.leasebridge.hub.LeaseAccounts;
import io.leasebridge.model.LeaseAccount;
import io.leasebridge.model.Vehicle;
import io.leasebridge.repo.RepoFacts;
import io.leasebridge.vehicles.VehicleStore;
import io.leasebridge.workorders.WorkOrderStore;
import org.springframework.stereotype.Component;

/**
 * What the workflow needs to know of a case that the Case does not say, from the hub: how many days past due
 * the last LeaseWorks export shows its lease (a lease brought current earns the lessee another chance), and
 * which FleetRock repair orders on its vehicle are not finished (a vehicle goes to inventory in sellable condition).
 */
@Component
class HubFacts {

    private final VehicleStore vehicles;
    private final LeaseAccounts leases;
    private final WorkOrderStore workOrders;

    HubFacts(VehicleStore vehicles, LeaseAccounts leases, WorkOrderStore workOrders) {
        this.vehicles = vehicles;
        this.leases = leases;
        this.workOrders = workOrders;
    }

    /** The Case's facts with its lease's days past due (none when the hub has no lease) and unfinished repair orders. */
    RepoFacts factsOf(CaseRead c) {
        if (c.vin() == null) {
            return c.facts();
        }
        Integer daysPastDue = vehicles.find(c.vin()).map(Vehicle::leaseId).flatMap(leases::find).map(LeaseAccount::daysPastDue)
                .orElse(null);
        return c.facts().withLeaseDaysPastDue(daysPastDue)
                .withRepairOrders(workOrders.unfinished(c.vin()), c.facts().inventoryOverride());
    }
}
