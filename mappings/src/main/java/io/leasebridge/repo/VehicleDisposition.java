package io.leasebridge.repo;

/**
 * The vehicle's {@code Disposition__c} as a repossession case sets it, in Salesforce and in the next
 * LeaseWorks vehicle import.
 */
public enum VehicleDisposition {
    /** Back on its lease, as before the case: a reinstated case returns the vehicle here. */
    ACTIVE,
    PENDING,
    REPOSSESSED,
    INVENTORY,
    SOLD
}
