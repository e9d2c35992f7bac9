package io.leasebridge.mapping.salesforce;

/**
 * The Salesforce objects LeaseBridge writes, in delivery order: a parent always comes before its
 * children so that a child's external-id reference to its parent resolves.
 */
public enum SObjectType {
    ACCOUNT("Account", "LeaseWorks_Customer_Id__c", 1, ""),
    LEASE("Lease__c", "LeaseWorks_Lease_Id__c", 2, ""),
    PAYMENT("Payment__c", "LeaseWorks_Payment_Id__c", 3, ""),
    COLLECTOR_NOTE("Collector_Note__c", "LeaseWorks_Note_Id__c", 3, ""),
    PROMISE("Promise_To_Pay__c", "Ledger_Promise_Id__c", 3, ""),
    /** The promise KPIs of a lease: the same Lease__c records, other fields, written by the ledger. */
    LEASE_PROMISE_KPIS("Lease__c", "LeaseWorks_Lease_Id__c", 4, "promise-kpis"),
    /** A lease's recovery risk, its score and reasons: the same Lease__c records, other fields, written by the risk rules. */
    LEASE_RECOVERY_RISK("Lease__c", "LeaseWorks_Lease_Id__c", 4, "recovery-risk"),
    /** Where a lease stands against the contact limits: the same Lease__c records, other fields. */
    LEASE_CONTACT_LIMITS("Lease__c", "LeaseWorks_Lease_Id__c", 4, "contact-limits"),
    TASK("Task", "LeaseBridge_Key__c", 4, ""),
    /** A Task LeaseBridge closes (a broken promise revised to kept): its status and why, after the Task itself. */
    TASK_CLOSE("Task", "LeaseBridge_Key__c", 5, "close"),
    /** A vehicle's last GPS location, its time and GPS status: the Vehicle__c records read from Salesforce, other fields. */
    VEHICLE_GPS("Vehicle__c", "VIN__c", 3, "gps"),
    /** An alert on a vehicle's GPS fixes; a child of its Vehicle__c and Lease__c. */
    GPS_ALERT("GPS_Alert__c", "LeaseBridge_Alert_Key__c", 4, ""),
    /** The disposition a repossession case gives the vehicle: the same Vehicle__c records, one field. */
    VEHICLE_DISPOSITION("Vehicle__c", "VIN__c", 3, "disposition"),
    /**
     * What LeaseBridge writes back to a repossession Case (a refusal, the repo order's sending). Cases are
     * Salesforce's own records without an external id of ours, so they are updated by {@code Id}.
     */
    CASE_UPDATE("Case", "Id", 5, ""),
    /** What a reinstated repossession Case costs the lessee, listed on the Case. */
    CASE_REINSTATEMENT("Case", "Id", 5, "reinstatement"),
    /** A FleetRock repair order; it refers to its Vehicle__c (kept in Salesforce) by VIN. */
    WORK_ORDER("WorkOrder", "FleetRock_RO_Id__c", 2, ""),
    WORK_ORDER_LINE_ITEM("WorkOrderLineItem", "FleetRock_Line_Id__c", 3, ""),
    /** A cost of a repossession case LeaseBridge derives (a FleetRock repair, the agent's fee); a child of its Case by Id. */
    RECOVERY_COST("Recovery_Cost__c", "LeaseBridge_Cost_Key__c", 5, ""),
    /** What a repossession case's costs add up to, on the Case. */
    CASE_RECOVERY_COSTS("Case", "Id", 5, "recovery-costs"),
    /** The final account review of a sold repossession case: its deficiency or surplus and each component, on the Case. */
    CASE_FINAL_REVIEW("Case", "Id", 5, "final-review"),
    /** The same review on the lease: the same Lease__c records, other fields. */
    LEASE_FINAL_REVIEW("Lease__c", "LeaseWorks_Lease_Id__c", 4, "final-review"),
    /** A lease proposed to, approved for and sent to a collection agency; a child of its Lease__c. */
    AGENCY_PLACEMENT("Agency_Placement__c", "LeaseBridge_Placement_Id__c", 3, ""),
    /** A vehicle's title handed to the buyer when its repossession case sells it: the same Vehicle__c records, other fields. */
    VEHICLE_TITLE("Vehicle__c", "VIN__c", 3, "title");

    private final String apiName;
    private final String externalIdField;
    private final int deliveryRank;
    private final String facet;

    SObjectType(String apiName, String externalIdField, int deliveryRank, String facet) {
        this.apiName = apiName;
        this.externalIdField = externalIdField;
        this.deliveryRank = deliveryRank;
        this.facet = facet;
    }

    /**
     * Which part of the record this type writes when two types write the same object: "" for the record
     * itself. Each facet is queued and sent apart, so one call never holds an external id twice.
     */
    public String facet() {
        return facet;
    }

    /** How dead letters and logs name this type: the API name, and the facet if there is one. */
    public String recordType() {
        return facet.isEmpty() ? apiName : apiName + "#" + facet;
    }

    public static SObjectType ofRecordType(String recordType) {
        for (SObjectType type : values()) {
            if (type.recordType().equals(recordType)) {
                return type;
            }
        }
        throw new IllegalArgumentException("not a record type LeaseBridge writes: " + recordType);
    }

    public String apiName() {
        return apiName;
    }

    public String externalIdField() {
        return externalIdField;
    }

    /** Whether records are updated by their Salesforce {@code Id} rather than upserted by an external id. */
    public boolean updatesById() {
        return "Id".equals(externalIdField);
    }

    /** Lower ranks are delivered first. */
    public int deliveryRank() {
        return deliveryRank;
    }


    /**
     * The type that writes the record itself (no facet) of an object; for an object LeaseBridge writes only facets of
     * (Vehicle__c: the records come from Salesforce), the first facet delivered, which is the one a child waits for.
     */
    public static SObjectType ofApiName(String apiName) {
        SObjectType first = null;
        for (SObjectType type : values()) {
            if (type.apiName.equals(apiName)) {
                if (type.facet.isEmpty()) {
                    return type;
                }
                if (first == null || type.deliveryRank < first.deliveryRank) {
                    first = type;
                }
            }
        }
        if (first == null) {
            throw new IllegalArgumentException("not an sObject LeaseBridge writes: " + apiName);
        }
        return first;
    }
}
