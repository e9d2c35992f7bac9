package io.leasebridge.salesforce.metadata;

/**
 * A validation rule of an object: when its error condition is true for a record being saved, Salesforce refuses
 * the save with {@code FIELD_CUSTOM_VALIDATION_EXCEPTION}, its message, and its display field (if it names one).
 */
public record ValidationRuleDescription(String fullName, boolean active, SalesforceFormula errorCondition,
                                        String errorDisplayField, String errorMessage) {

    /** Salesforce's error for a save this rule refuses. */
    public SaveError error() {
        return errorDisplayField == null
                ? SaveError.of("FIELD_CUSTOM_VALIDATION_EXCEPTION", errorMessage)
                : SaveError.of("FIELD_CUSTOM_VALIDATION_EXCEPTION", errorMessage, errorDisplayField);
    }
}
