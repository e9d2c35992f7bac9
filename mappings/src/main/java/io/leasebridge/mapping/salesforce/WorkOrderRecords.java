package io.leasebridge.mapping.salesforce;

import io.leasebridge.model.WorkOrder;
import io.leasebridge.model.WorkOrderLine;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A work order as Salesforce records: the {@code WorkOrder} (linked to its {@code Vehicle__c} by VIN) and one
 * {@code WorkOrderLineItem} per line. {@code Approval_Status__c} is never written: it is Salesforce's to set,
 * and a FleetRock update must not undo an approval.
 */
public final class WorkOrderRecords {

    private static final int TEXT_LIMIT = 255;
    /** WorkOrderLineItem.Description is a long text area of 32,000 characters. */
    private static final int DESCRIPTION_LIMIT = 32_000;
    /** Vehicle__c is kept in Salesforce: LeaseBridge refers to it by VIN and never creates one. */
    public static final String VEHICLE_OBJECT = "Vehicle__c";
    public static final String VEHICLE_KEY = "VIN__c";

    private WorkOrderRecords() {
    }

    /** The work order first, then its lines, in line order. */
    public static List<SObjectRecord> of(WorkOrder w) {
        List<SObjectRecord> records = new ArrayList<>();
        records.add(workOrder(w));
        w.lines().forEach(line -> records.add(lineItem(w.roId(), line)));
        return records;
    }

    public static SObjectRecord workOrder(WorkOrder w) {
        Map<String, Object> f = new LinkedHashMap<>();
        f.put(SObjectType.WORK_ORDER.externalIdField(), w.roId());
        f.put("Subject", cut(subject(w), TEXT_LIMIT));
        f.put("Vehicle__r", Map.of(VEHICLE_KEY, w.vin()));
        f.put("Unit_Number__c", w.unitNumber());
        f.put("Vendor_Name__c", cut(w.vendorName(), TEXT_LIMIT));
        f.put("FleetRock_Status__c", w.status());
        f.put("Date_Created__c", instant(w.dateCreated()));
        f.put("Date_Finished__c", instant(w.dateFinished()));
        f.put("Date_Invoiced__c", instant(w.dateInvoiced()));
        f.put("Labor_Total__c", w.laborTotal());
        f.put("Part_Total__c", w.partTotal());
        f.put("Tax_Total__c", w.taxTotal());
        f.put("Grand_Total__c", w.grandTotal());
        return new SObjectRecord(SObjectType.WORK_ORDER, w.roId(), f);
    }

    public static SObjectRecord lineItem(String roId, WorkOrderLine line) {
        String key = WorkOrderLine.key(roId, line.lineNo());
        Map<String, Object> f = new LinkedHashMap<>();
        f.put(SObjectType.WORK_ORDER_LINE_ITEM.externalIdField(), key);
        f.put("WorkOrder", Map.of(SObjectType.WORK_ORDER.externalIdField(), roId));
        f.put("Description", cut(line.description(), DESCRIPTION_LIMIT));
        f.put("Line_Number__c", line.lineNo());
        f.put("Line_Kind__c", line.kind());
        f.put("Quantity__c", line.quantity());
        f.put("Amount__c", line.amount());
        return new SObjectRecord(SObjectType.WORK_ORDER_LINE_ITEM, key, f);
    }

    private static String subject(WorkOrder w) {
        return "RO " + w.roNumber() + (w.vendorName() == null ? "" : " - " + w.vendorName());
    }

    private static String instant(Instant instant) {
        return instant == null ? null : instant.toString();
    }

    private static String cut(String value, int limit) {
        return value == null || value.length() <= limit ? value : value.substring(0, limit);
    }
}
