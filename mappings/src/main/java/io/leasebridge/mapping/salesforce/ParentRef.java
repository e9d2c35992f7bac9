package io.leasebridge.mapping.salesforce;

import java.util.Map;
import java.util.Optional;

/**
 * The LeaseWorks record a Salesforce record cannot go without: a lease's customer, a payment's, note's,
 * promise's, task's or alert's lease, the lease itself for its KPIs. Salesforce refuses a child whose
 * parent it lacks, and upserting a bare parent by its external id would create one, so such a record
 * waits until the hub holds its parent.
 *
 * @param kind {@link #CUSTOMER} or {@link #LEASE}
 * @param key  the parent's LeaseWorks id
 */
public record ParentRef(String kind, String key) {

    public static final String CUSTOMER = "customer";
    public static final String LEASE = "lease";

    public static Optional<ParentRef> of(SObjectRecord record) {
        return switch (record.type()) {
            case ACCOUNT, CASE_UPDATE, CASE_REINSTATEMENT, VEHICLE_GPS, VEHICLE_DISPOSITION, WORK_ORDER, WORK_ORDER_LINE_ITEM,
                 RECOVERY_COST, CASE_RECOVERY_COSTS, CASE_FINAL_REVIEW -> Optional.empty();
            case LEASE -> reference(record, "Customer__r", SObjectType.ACCOUNT).map(key -> new ParentRef(CUSTOMER, key));
            case LEASE_PROMISE_KPIS, LEASE_RECOVERY_RISK, LEASE_CONTACT_LIMITS, LEASE_FINAL_REVIEW -> Optional.of(new ParentRef(LEASE, record.externalId()));
            case TASK -> reference(record, "What", SObjectType.LEASE).map(key -> new ParentRef(LEASE, key));
            default -> reference(record, "Lease__r", SObjectType.LEASE).map(key -> new ParentRef(LEASE, key));
        };
    }

    /** The parent kind whose children wait for records of this type: a customer's Account, a lease's Lease__c. */
    public static Optional<String> kindOf(SObjectType type) {
        return switch (type) {
            case ACCOUNT -> Optional.of(CUSTOMER);
            case LEASE -> Optional.of(LEASE);
            default -> Optional.empty();
        };
    }

    private static Optional<String> reference(SObjectRecord record, String relationship, SObjectType parent) {
        if (record.fields().get(relationship) instanceof Map<?, ?> reference
                && reference.get(parent.externalIdField()) instanceof String key) {
            return Optional.of(key);
        }
        return Optional.empty();
    }
}
