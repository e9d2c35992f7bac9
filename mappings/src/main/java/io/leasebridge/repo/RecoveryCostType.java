package io.leasebridge.repo;

/** {@code Recovery_Cost__c.Type__c}: what a cost of recovering and reselling a vehicle paid for. */
public enum RecoveryCostType {
    AGENT_FEE,
    TRANSPORT,
    STORAGE,
    AUCTION_FEE,
    TITLE_FEE,
    REPAIR,
    OTHER
}
