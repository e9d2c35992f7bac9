package io.leasebridge.admin;

import io.leasebridge.agency.AgencyReturnStore;
import io.leasebridge.agency.PlacementStore;
import io.leasebridge.calls.ContactStandings;
import io.leasebridge.gps.VehicleLocations;
import io.leasebridge.hub.ExternalWrite;
import io.leasebridge.hub.ExternalWrites;
import io.leasebridge.hub.LeaseAccounts;
import io.leasebridge.ledger.ProjectedPromise;
import io.leasebridge.promises.PromiseLedgerStore;
import io.leasebridge.model.CollectorNote;
import io.leasebridge.model.Customer;
import io.leasebridge.model.LeaseAccount;
import io.leasebridge.model.Payment;
import io.leasebridge.model.Vehicle;
import io.leasebridge.repocases.RepoCaseStore;
import io.leasebridge.vehicles.VehicleStore;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** Reads one lease with everything the hub holds about it, all from one snapshot where the database keeps them. */
@Service
class AccountViews {

    private final LeaseAccounts leases;
    private final PromiseLedgerStore ledger;
    private final ExternalWrites externalWrites;
    private final VehicleStore vehicleStore;
    private final VehicleLocations locations;
    private final RepoCaseStore repoCases;
    private final ContactStandings contactStandings;
    private final PlacementStore placements;
    private final AgencyReturnStore agencyReturns;

    AccountViews(LeaseAccounts leases, PromiseLedgerStore ledger, ExternalWrites externalWrites, VehicleStore vehicleStore,
                 VehicleLocations locations, RepoCaseStore repoCases, ContactStandings contactStandings, PlacementStore placements,
                 AgencyReturnStore agencyReturns) {
        this.leases = leases;
        this.ledger = ledger;
        this.externalWrites = externalWrites;
        this.vehicleStore = vehicleStore;
        this.locations = locations;
        this.repoCases = repoCases;
        this.contactStandings = contactStandings;
        this.placements = placements;
        this.agencyReturns = agencyReturns;
    }

    /**
     * Every write LeaseBridge made to an external system for this lease: the lease, its customer, payments,
     * notes, promises and the tasks of its broken promises.
     */
    @Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
    public List<ExternalWrite> writes(String leaseId) {
        AccountView account = of(leaseId);
        Set<String> ids = new LinkedHashSet<>();
        ids.add(leaseId);
        ids.add(account.lease().customerId());
        account.payments().forEach(p -> ids.add(p.paymentId()));
        account.collectorNotes().forEach(n -> ids.add(n.noteId()));
        account.promises().forEach(p -> {
            ids.add(p.promiseId());
            ids.add("BROKEN-" + p.promiseId());
        });
        return externalWrites.ofRecords(ids);
    }

    @Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
    public AccountView of(String leaseId) {
        LeaseAccount lease = leases.find(leaseId)
                .orElseThrow(() -> ApiProblem.notFound("unknown lease", "no lease " + leaseId + " in the hub"));
        Customer customer = leases.customer(lease.customerId()).orElse(null);
        List<Payment> payments = leases.payments(leaseId);
        List<CollectorNote> notes = leases.notes(leaseId);
        List<ProjectedPromise> promises = ledger.projection(leaseId);
        return new AccountView(lease, customer, payments, notes, promises, ledger.history(leaseId), vehicles(leaseId),
                contactStandings.current(leaseId).orElse(null), agencyPlacements(leaseId));
    }

    private List<AccountView.AgencyPlacementView> agencyPlacements(String leaseId) {
        List<AgencyReturnStore.Reported> reports = agencyReturns.forLease(leaseId);
        return placements.ofLease(leaseId).stream().map(p -> new AccountView.AgencyPlacementView(p,
                reports.stream().filter(r -> r.placementId().equals(p.placementId())).toList())).toList();
    }

    private List<VehicleView> vehicles(String leaseId) {
        List<VehicleView> views = new java.util.ArrayList<>();
        for (Vehicle vehicle : vehicleStore.onLease(leaseId)) {
            VehicleView.Location location = locations.find(vehicle.vin()).map(stored -> new VehicleView.Location(
                    stored.fix().provider(), stored.fix().latitude(), stored.fix().longitude(), stored.fix().locatedAt(),
                    stored.gpsStatus())).orElse(null);
            List<VehicleView.RepoCase> cases = repoCases.ofVehicle(vehicle.vin()).stream().map(c -> new VehicleView.RepoCase(
                    c.caseId(), c.caseNumber(), c.status(), c.refusal(), repoCases.timeline(c.caseId()))).toList();
            views.add(new VehicleView(vehicle, location, cases));
        }
        return views;
    }
}
