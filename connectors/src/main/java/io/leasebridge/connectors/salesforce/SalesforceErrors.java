package io.leasebridge.connectors.salesforce;

import org.apache.camel.component.salesforce.api.SalesforceException;
import org.apache.camel.component.salesforce.api.dto.RestError;

import java.io.IOException;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeoutException;

/**
 * Which Salesforce failures are worth trying again. Everything else is permanent: the record goes to
 * dead letters with Salesforce's error code, message and fields.
 */
public final class SalesforceErrors {

    /** Error codes that say "not now" rather than "not this record". */
    private static final Set<String> RETRYABLE_CODES = Set.of(
            "UNABLE_TO_LOCK_ROW",
            "REQUEST_LIMIT_EXCEEDED",
            "SERVER_UNAVAILABLE",
            "TXN_SECURITY_METERING_ERROR",
            "QUERY_TIMEOUT");

    private SalesforceErrors() {
    }

    public static boolean isRetryable(String errorCode) {
        return errorCode != null && RETRYABLE_CODES.contains(errorCode);
    }

    /** A whole call failed: retry on 5xx, row locks, API limits, timeouts and lost connections. */
    public static boolean isRetryable(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof SalesforceException sf) {
                if (sf.getStatusCode() >= 500 || sf.getStatusCode() == 429) {
                    return true;
                }
                List<RestError> errors = sf.getErrors();
                if (errors != null && errors.stream().anyMatch(e -> isRetryable(e.getErrorCode()))) {
                    return true;
                }
                if (sf.getStatusCode() == 0 && t.getCause() == null) {
                    // camel-salesforce reports a connection that broke mid-call with no status at all
                    return true;
                }
            }
            if (t instanceof IOException || t instanceof TimeoutException) {
                return true;
            }
        }
        return false;
    }

    /** One line for logs and dead letters: status and every error code and message Salesforce sent. */
    public static String describe(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof SalesforceException sf && sf.getErrors() != null && !sf.getErrors().isEmpty()) {
                StringBuilder text = new StringBuilder("HTTP ").append(sf.getStatusCode());
                sf.getErrors().forEach(e -> text.append("; ").append(e.getErrorCode()).append(": ").append(e.getMessage()));
                return text.toString();
            }
        }
        Throwable root = failure;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + ": " + root.getMessage();
    }
}
