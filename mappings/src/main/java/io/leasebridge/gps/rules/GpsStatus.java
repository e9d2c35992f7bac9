package io.leasebridge.gps.rules;

/**
 * The one word the repo order and {@code Vehicle__c.GPS_Status__c} show of a vehicle's GPS, from its last
 * accepted fix: SILENT wins over STATIONARY, which wins over REPORTING.
 */
public enum GpsStatus {
    /** The device reports and the vehicle moves. */
    REPORTING,
    /** The device reports, but the vehicle has stayed put for the not-moving threshold or longer. */
    STATIONARY,
    /** No report for the silent threshold or longer. */
    SILENT
}
