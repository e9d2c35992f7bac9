package io.leasebridge.connectors.salesforce;

import java.util.List;
import java.util.Set;

/**
 * One error Salesforce reported, as its JSON error array spells it: {@code errorCode}, {@code message}, {@code fields}.
 *
 * @param fields the fields the error names; empty when it names none
 */
public record SalesforceError(String code, String message, List<String> fields) {

    /** Error codes that say "not now" rather than "not this record". */
    private static final Set<String> RETRYABLE_CODES = Set.of(
            "UNABLE_TO_LOCK_ROW",
            "REQUEST_LIMIT_EXCEEDED",
            "SERVER_UNAVAILABLE",
            "TXN_SECURITY_METERING_ERROR",
            "QUERY_TIMEOUT");

    public SalesforceError {
        fields = fields == null ? List.of() : List.copyOf(fields);
    }

    public static boolean isRetryable(String errorCode) {
        return errorCode != null && RETRYABLE_CODES.contains(errorCode);
    }

    public boolean retryable() {
        return isRetryable(code);
    }

    /** {@code CODE: message [Field1, Field2]}, the fields only when there are some. */
    public String describe() {
        return code + ": " + message + (fields.isEmpty() ? "" : " " + fields);
    }
}
