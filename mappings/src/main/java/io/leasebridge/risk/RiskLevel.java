package io.leasebridge.risk;

/** How likely the lessor is to need the vehicle back, in the words of the Lease__c picklist. */
public enum RiskLevel {
    LOW, MEDIUM, HIGH
}
