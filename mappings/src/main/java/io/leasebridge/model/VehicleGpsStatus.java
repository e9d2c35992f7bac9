package io.leasebridge.model;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * What Salesforce's {@code Vehicle__c} shows of a vehicle's GPS: its last accepted fix and its status
 * (REPORTING, STATIONARY or SILENT, see {@code io.leasebridge.gps.rules.GpsStatus}).
 */
public record VehicleGpsStatus(String vin, BigDecimal latitude, BigDecimal longitude, Instant locatedAt, String gpsStatus) {
}
