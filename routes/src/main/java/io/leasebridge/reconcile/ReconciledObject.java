package io.leasebridge.reconcile;

import io.leasebridge.mapping.salesforce.SObjectType;

import java.util.Optional;

/**
 * A Salesforce object LeaseBridge writes and reconciles: its type (API name and external id), the money field whose
 * sum is compared, and the date field it is compared by per day.
 */
record ReconciledObject(SObjectType type, Optional<String> amountField, Optional<String> dayField) {

    String apiName() {
        return type.apiName();
    }

    String externalIdField() {
        return type.externalIdField();
    }
}
