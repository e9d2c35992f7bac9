package io.leasebridge.mapping.quickbooks;

/** What LeaseBridge posts to QuickBooks, and as which QuickBooks entity. */
public enum PostingType {
    WORK_ORDER_BILL("Bill"),
    AGENT_FEE_BILL("Bill"),
    /** How resales were posted before they settled the lease: the whole price as income. Kept to recognise those posted so. */
    SALES_RECEIPT("SalesReceipt"),
    JOURNAL_ENTRY("JournalEntry"),
    /** A cost of a repossession case entered in Salesforce (Recovery_Cost__c): a Bill to its vendor. */
    RECOVERY_COST_BILL("Bill"),
    /** A vehicle sold out of a repossession case: the JournalEntry that settles its lease with the proceeds. */
    RESALE_JOURNAL_ENTRY("JournalEntry");

    private final String entity;

    PostingType(String entity) {
        this.entity = entity;
    }

    public String entity() {
        return entity;
    }
}
