package io.leasebridge.model;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * A repair order from FleetRock with its lines: the work done on a vehicle by a repair vendor and what it
 * costs. Approval happens in Salesforce and is kept apart ({@code work_order.approval_status}), so a FleetRock
 * update never undoes an approval.
 *
 * @param roId     FleetRock's repair order id, the key everywhere ({@code FleetRock_RO_Id__c} in Salesforce)
 * @param roNumber the number accounting sees (the QuickBooks Bill's DocNumber); FleetRock's id
 */
public record WorkOrder(
        String roId,
        String roNumber,
        String vin,
        String unitNumber,
        String vendorName,
        String status,
        Instant dateCreated,
        Instant dateFinished,
        Instant dateInvoiced,
        BigDecimal laborTotal,
        BigDecimal partTotal,
        BigDecimal taxTotal,
        BigDecimal grandTotal,
        List<WorkOrderLine> lines) {

    public WorkOrder {
        lines = List.copyOf(lines);
    }
}
