package io.leasebridge.model;

import java.math.BigDecimal;

/**
 * A leased vehicle as Salesforce's {@code Vehicle__c} describes it; vehicle data is kept in Salesforce,
 * LeaseBridge reads it into the hub and carries it to LeaseWorks.
 *
 * @param vin          the vehicle identification number, the key everywhere
 * @param salesforceId the {@code Vehicle__c} record id
 * @param leaseId      the LeaseWorks contract the vehicle is leased under, {@code null} when none
 * @param gpsProvider  {@code PASSTIME} or {@code SPIREON}; {@code null} when no device is fitted
 * @param gpsDeviceId  the device's serial number (PassTime) or asset id (Spireon)
 * @param disposition  where the vehicle stands: ACTIVE, PENDING, REPOSSESSED, INVENTORY, SOLD
 */
public record Vehicle(
        String vin,
        String salesforceId,
        String leaseId,
        Integer modelYear,
        String make,
        String model,
        String unitNumber,
        String gpsProvider,
        String gpsDeviceId,
        String disposition,
        String titleStatus,
        BigDecimal marketValue,
        String condition) {
}
