package io.leasebridge.model;

import java.math.BigDecimal;
import java.time.LocalDate;

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
 * @param titleStatus  where its title stands: NOT_REQUESTED, REQUESTED, RECEIVED, TRANSFERRED (older orgs: free text)
 * @param titleRequestedDate   when the title desk asked the state (or lienholder) for the title
 * @param titleReceivedDate    when the title came in: a repossessed vehicle is resold only then
 * @param titleTransferredDate when it went to the buyer of the vehicle
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
        String condition,
        LocalDate titleRequestedDate,
        LocalDate titleReceivedDate,
        LocalDate titleTransferredDate) {

    /** A vehicle whose title has no dates recorded. */
    public Vehicle(String vin, String salesforceId, String leaseId, Integer modelYear, String make, String model,
                   String unitNumber, String gpsProvider, String gpsDeviceId, String disposition, String titleStatus,
                   BigDecimal marketValue, String condition) {
        this(vin, salesforceId, leaseId, modelYear, make, model, unitNumber, gpsProvider, gpsDeviceId, disposition,
                titleStatus, marketValue, condition, null, null, null);
    }

    /** The same vehicle with its title handed to a buyer on {@code date}. */
    public Vehicle withTitleTransferred(LocalDate date) {
        return new Vehicle(vin, salesforceId, leaseId, modelYear, make, model, unitNumber, gpsProvider, gpsDeviceId,
                disposition, "TRANSFERRED", marketValue, condition, titleRequestedDate, titleReceivedDate, date);
    }

    /** The same vehicle with another disposition. */
    public Vehicle withDisposition(String disposition) {
        return new Vehicle(vin, salesforceId, leaseId, modelYear, make, model, unitNumber, gpsProvider, gpsDeviceId,
                disposition, titleStatus, marketValue, condition, titleRequestedDate, titleReceivedDate, titleTransferredDate);
    }
}
