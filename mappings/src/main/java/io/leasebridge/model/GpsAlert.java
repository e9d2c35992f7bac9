package io.leasebridge.model;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * A condition on a vehicle's GPS fixes that matters to collections, from the moment it was seen until it cleared.
 *
 * @param alertKey LeaseBridge's id of the alert (the Salesforce external id): one per condition episode
 * @param type     the rule that raised it: OUT_OF_STATE, OUT_OF_RADIUS, NOT_MOVING, SILENT
 * @param status   OPEN while the condition holds, CLOSED once it cleared
 * @param detail   what the rule saw, in a collector's words
 */
public record GpsAlert(String alertKey, String vin, String leaseId, String type, String status, Instant openedAt,
                       Instant closedAt, String detail, BigDecimal latitude, BigDecimal longitude, Instant locatedAt) {

    public static final String OPEN = "OPEN";
    public static final String CLOSED = "CLOSED";
}
