package io.leasebridge.mapping.quickbooks;

/** What LeaseBridge posts to QuickBooks, and as which QuickBooks entity. */
public enum PostingType {
    WORK_ORDER_BILL("Bill"),
    AGENT_FEE_BILL("Bill"),
    SALES_RECEIPT("SalesReceipt"),
    JOURNAL_ENTRY("JournalEntry"),
    /** A cost of a repossession case entered in Salesforce (Recovery_Cost__c): a Bill to its vendor. */
    RECOVERY_COST_BILL("Bill");

    private final String entity;

    PostingType(String entity) {
        this.entity = entity;
    }

    public String entity() {
        return entity;
    }
}
