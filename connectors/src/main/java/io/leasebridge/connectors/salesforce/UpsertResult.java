package io.leasebridge.connectors.salesforce;

import java.util.List;

/**
 * Salesforce's answer for one record of an sObject Collections call, in the order the records were sent.
 *
 * @param id      the record's Salesforce id when it was written
 * @param created whether Salesforce created the record rather than updating it
 * @param errors  why the record was refused; empty when it was written
 */
public record UpsertResult(String id, boolean success, boolean created, List<SalesforceError> errors) {

    public UpsertResult {
        errors = errors == null ? List.of() : List.copyOf(errors);
    }
}
