package io.leasebridge.hub;

import io.leasebridge.model.CollectorNote;
import io.leasebridge.model.Customer;
import io.leasebridge.model.LeaseAccount;
import io.leasebridge.model.Payment;
import io.leasebridge.model.Vehicle;

/** The hub tables of the canonical model. */
public final class CanonicalTables {

    public static final CanonicalTable<Customer> CUSTOMER = new CanonicalTable<>(Customer.class, "customer");
    public static final CanonicalTable<LeaseAccount> LEASE = new CanonicalTable<>(LeaseAccount.class, "lease_account");
    public static final CanonicalTable<Payment> PAYMENT = new CanonicalTable<>(Payment.class, "payment");
    public static final CanonicalTable<CollectorNote> COLLECTOR_NOTE = new CanonicalTable<>(CollectorNote.class, "collector_note");
    public static final CanonicalTable<Vehicle> VEHICLE = new CanonicalTable<>(Vehicle.class, "vehicle");

    private CanonicalTables() {
    }
}
