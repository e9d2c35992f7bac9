package io.leasebridge.mapping.salesforce;

/**
 * The Salesforce objects LeaseBridge writes, in delivery order: a parent always comes before its
 * children so that a child's external-id reference to its parent resolves.
 */
public enum SObjectType {
    ACCOUNT("Account", "LeaseWorks_Customer_Id__c", 1),
    LEASE("Lease__c", "LeaseWorks_Lease_Id__c", 2),
    PAYMENT("Payment__c", "LeaseWorks_Payment_Id__c", 3),
    COLLECTOR_NOTE("Collector_Note__c", "LeaseWorks_Note_Id__c", 3);

    private final String apiName;
    private final String externalIdField;
    private final int deliveryRank;

    SObjectType(String apiName, String externalIdField, int deliveryRank) {
        this.apiName = apiName;
        this.externalIdField = externalIdField;
        this.deliveryRank = deliveryRank;
    }

    public String apiName() {
        return apiName;
    }

    public String externalIdField() {
        return externalIdField;
    }

    /** Lower ranks are delivered first. */
    public int deliveryRank() {
        return deliveryRank;
    }

    public static SObjectType ofApiName(String apiName) {
        for (SObjectType type : values()) {
            if (type.apiName.equals(apiName)) {
                return type;
            }
        }
        throw new IllegalArgumentException("not an sObject LeaseBridge writes: " + apiName);
    }
}
