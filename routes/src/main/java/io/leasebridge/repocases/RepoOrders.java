package io.leasebridge.repocases;

import io.leasebridge.gps.VehicleLocations;
import io.leasebridge.hub.LeaseAccounts;
import io.leasebridge.model.Customer;
import io.leasebridge.model.Vehicle;
import io.leasebridge.repo.RepoOrder;
import io.leasebridge.vehicles.VehicleStore;
import org.springframework.stereotype.Component;

import java.time.LocalDate;
import java.util.Optional;
import java.util.StringJoiner;

/**
 * Writes a repo order from live hub data: the vehicle (Salesforce), the lease and customer (the last
 * LeaseWorks export) and the last GPS fix. What is missing is said, not guessed.
 */
@Component
class RepoOrders {

    /** An order, or why none can be written yet; neither for a step that sends no order. */
    record Built(RepoOrder order, String problem) {
        static final Built NOTHING = new Built(null, null);
    }

    private record LeaseFacts(String leaseId, int daysPastDue, int paymentsMade, String lessee, String address) {
    }

    private final VehicleStore vehicles;
    private final LeaseAccounts leases;
    private final VehicleLocations locations;

    RepoOrders(VehicleStore vehicles, LeaseAccounts leases, VehicleLocations locations) {
        this.vehicles = vehicles;
        this.leases = leases;
        this.locations = locations;
    }

    Built build(CaseRead c, LocalDate orderDate) {
        if (c.vin() == null) {
            return problem("the Case names no vehicle (Vehicle__c)");
        }
        Optional<Vehicle> vehicle = vehicles.find(c.vin());
        if (vehicle.isEmpty()) {
            return problem("vehicle " + c.vin() + " has not been read from Salesforce yet");
        }
        if (vehicle.get().leaseId() == null) {
            return problem("vehicle " + c.vin() + " is on no lease (Vehicle__c.Lease__c is empty)");
        }
        Optional<LeaseFacts> lease = lease(vehicle.get().leaseId());
        if (lease.isEmpty()) {
            return problem("lease " + vehicle.get().leaseId() + " of vehicle " + c.vin() + " is not in the LeaseWorks data");
        }
        Vehicle v = vehicle.get();
        LeaseFacts l = lease.get();
        RepoOrder order = new RepoOrder(c.caseNumber(), orderDate, c.facts().repoType(), l.leaseId(), l.lessee(),
                l.daysPastDue(), l.paymentsMade(),
                new RepoOrder.VehicleDescription(v.vin(), v.modelYear(), v.make(), v.model(), v.unitNumber()),
                l.address(), gps(v.vin()));
        return new Built(order, null);
    }

    private static Built problem(String problem) {
        return new Built(null, "the repo order cannot be written: " + problem);
    }

    private Optional<LeaseFacts> lease(String leaseId) {
        return leases.find(leaseId).map(lease -> {
            Optional<Customer> customer = Optional.ofNullable(lease.customerId()).flatMap(leases::customer);
            return new LeaseFacts(lease.leaseId(), lease.daysPastDue(), lease.paymentsMade(), customer.map(Customer::name).orElse(null),
                    customer.map(c -> address(c.street(), c.city(), c.state(), c.postalCode())).orElse(null));
        });
    }

    private static String address(String street, String city, String state, String zip) {
        StringJoiner line = new StringJoiner(", ");
        if (street != null) {
            line.add(street);
        }
        if (city != null) {
            line.add(city);
        }
        String stateZip = ((state == null ? "" : state) + " " + (zip == null ? "" : zip)).strip();
        if (!stateZip.isEmpty()) {
            line.add(stateZip);
        }
        return line.length() == 0 ? null : line.toString();
    }

    private RepoOrder.GpsStatus gps(String vin) {
        return locations.find(vin).map(stored -> new RepoOrder.GpsStatus(stored.gpsStatus(), stored.fix().latitude(),
                stored.fix().longitude(), stored.fix().locatedAt())).orElse(RepoOrder.GpsStatus.none());
    }
}
