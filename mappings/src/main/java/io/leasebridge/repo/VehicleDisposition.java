package io.leasebridge.repo;

/**
 * The vehicle's {@code Disposition__c} as a repossession case sets it, in Salesforce and in the next
 * LeaseWorks vehicle import.
 */
public enum VehicleDisposition {
    PENDING,
    REPOSSESSED,
    INVENTORY,
    SOLD
}
