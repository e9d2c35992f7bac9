package io.leasebridge.admin;

import io.leasebridge.agency.AgencyReturnStore;
import io.leasebridge.agency.PlacementRecord;
import io.leasebridge.contact.ContactStanding;
import io.leasebridge.ledger.ProjectedPromise;
import io.leasebridge.ledger.PromiseEvent;
import io.leasebridge.model.CollectorNote;
import io.leasebridge.model.Customer;
import io.leasebridge.model.LeaseAccount;
import io.leasebridge.model.Payment;

import java.util.List;

/**
 * One lease as the hub knows it.
 *
 * @param customer       null when the lease's customer is not in the hub
 * @param payments       oldest first
 * @param collectorNotes oldest first
 * @param promises       each promise as its events leave it (the ledger's projection), oldest first
 * @param promiseHistory every ledger event of the lease, in the order the ledger recorded them
 * @param vehicles       the lease's vehicles (from Salesforce), their GPS location and repossession cases
 * @param contactLimits  where the lease stands against the contact limits at the moment asked; null when the lease's
 *                       customer is not in the hub
 * @param agencyPlacements the lease's collection agency placements, oldest first, with what the agencies reported
 */
public record AccountView(LeaseAccount lease, Customer customer, List<Payment> payments, List<CollectorNote> collectorNotes,
                          List<ProjectedPromise> promises, List<PromiseEvent> promiseHistory, List<VehicleView> vehicles,
                          ContactStanding contactLimits, List<AgencyPlacementView> agencyPlacements) {

    public AccountView {
        payments = List.copyOf(payments);
        collectorNotes = List.copyOf(collectorNotes);
        promises = List.copyOf(promises);
        promiseHistory = List.copyOf(promiseHistory);
        vehicles = List.copyOf(vehicles);
        agencyPlacements = List.copyOf(agencyPlacements);
    }

    /** A placement and the rows of the agency's return files about it, latest first. */
    public record AgencyPlacementView(PlacementRecord placement, List<AgencyReturnStore.Reported> reports) {
    }
}
