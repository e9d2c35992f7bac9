package io.leasebridge.mapping.salesforce;

import java.util.Map;

/**
 * One Salesforce record to upsert: its sObject type, the external id field and value it is upserted
 * by, and its field values as they go over the wire (a parent reference is a nested map holding the
 * parent's external id, e.g. {@code Customer__r: {LeaseWorks_Customer_Id__c: "C-1"}}).
 */
public record SObjectRecord(SObjectType type, String externalId, Map<String, Object> fields) {
}
