package io.leasebridge.salesforce.metadata;

import java.util.List;

/**
 * One error of a record as Salesforce reports it: inside a collection's result as
 * {@code {"statusCode", "message", "fields"}}, or as a call's body {@code [{"message", "errorCode", "fields"}]}.
 */
public record SaveError(String statusCode, String message, List<String> fields) {

    public SaveError {
        fields = List.copyOf(fields);
    }

    public static SaveError of(String statusCode, String message, String... fields) {
        return new SaveError(statusCode, message, List.of(fields));
    }
}
