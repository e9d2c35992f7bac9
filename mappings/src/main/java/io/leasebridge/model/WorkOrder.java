package io.leasebridge.model;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * A repair order from FleetRock with its lines: the work done on a vehicle by a repair vendor and what it
 * costs. Approval happens in Salesforce and is kept apart ({@code work_order.approval_status}), so a FleetRock
 * update never undoes an approval.
 *
 * <p>The limits are those of the hub's {@code work_order} columns, within the Salesforce fields they are sent to.
 *
 * @param roId     FleetRock's repair order id, the key everywhere ({@code FleetRock_RO_Id__c} in Salesforce)
 * @param roNumber the number accounting sees (the QuickBooks Bill's DocNumber); FleetRock's id
 */
public record WorkOrder(
        @MaxLength(64) String roId,
        @MaxLength(64) String roNumber,
        @MaxLength(17) String vin,
        @MaxLength(40) String unitNumber,
        @MaxLength(255) String vendorName,
        @MaxLength(40) String status,
        Instant dateCreated,
        Instant dateFinished,
        Instant dateInvoiced,
        @Numeric(precision = 14, scale = 2) BigDecimal laborTotal,
        @Numeric(precision = 14, scale = 2) BigDecimal partTotal,
        @Numeric(precision = 14, scale = 2) BigDecimal taxTotal,
        @Numeric(precision = 14, scale = 2) BigDecimal grandTotal,
        List<WorkOrderLine> lines) {

    public WorkOrder {
        lines = List.copyOf(lines);
    }
}
