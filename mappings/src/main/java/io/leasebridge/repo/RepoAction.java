package io.leasebridge.repo;

/** What LeaseBridge must do, besides setting the disposition, when a case enters a state. */
public enum RepoAction {
    /** Entering ORDERED: write the repo order from live data, email it to the agent, attach it to the Case. */
    SEND_REPO_ORDER,
    /** Entering SOLD: record sale price, date and buyer in the hub for accounting. */
    RECORD_SALE,
    /** Entering REINSTATED: record the reinstatement, its reason and what it costs the lessee, on the case's timeline. */
    RECORD_REINSTATEMENT,
    /** Entering SOLD: the vehicle's title goes to the buyer, TRANSFERRED on the sale date in the hub and Salesforce. */
    TRANSFER_TITLE
}
