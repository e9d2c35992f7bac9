package io.leasebridge.connectors.salesforce;

import java.io.IOException;
import java.util.List;
import java.util.concurrent.TimeoutException;

/**
 * A call to Salesforce that failed after its redeliveries, read by the adapter: the HTTP status, the errors Salesforce
 * sent, and whether the failure is worth trying again. Its message is one line for logs and dead letters.
 */
public class SalesforceCallException extends RuntimeException {

    private final int status;
    private final List<SalesforceError> errors;
    private final boolean retryable;
    private final boolean authentication;
    private final String kind;

    /**
     * @param description    the status and every error code and message Salesforce sent, or the root cause
     * @param status         the HTTP status, 0 when no answer came
     * @param retryable      5xx, 429, row locks, API limits, timeouts and lost connections
     * @param authentication the credentials, not the request, were refused
     * @param kind           HTTP status and error codes, or an exception type: never a message, which can quote a record
     */
    public SalesforceCallException(String description, int status, List<SalesforceError> errors, boolean retryable,
                                   boolean authentication, String kind, Throwable cause) {
        super(description, cause);
        this.status = status;
        this.errors = errors == null ? List.of() : List.copyOf(errors);
        this.retryable = retryable;
        this.authentication = authentication;
        this.kind = kind;
    }

    public int status() {
        return status;
    }

    public List<SalesforceError> errors() {
        return errors;
    }

    public boolean retryable() {
        return retryable;
    }

    public boolean authentication() {
        return authentication;
    }

    public String kind() {
        return kind;
    }

    /** The Salesforce call failure in the chain, or null when the failure happened elsewhere. */
    public static SalesforceCallException in(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof SalesforceCallException call) {
                return call;
            }
        }
        return null;
    }

    /** Whether a failure is worth trying again: a retryable Salesforce call, a timeout or a lost connection. */
    public static boolean isRetryable(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof SalesforceCallException call && call.retryable
                    || t instanceof IOException || t instanceof TimeoutException) {
                return true;
            }
        }
        return false;
    }

    /** One line for logs and dead letters: the Salesforce call's description, or the root cause's type and message. */
    public static String describe(Throwable failure) {
        SalesforceCallException call = in(failure);
        if (call != null) {
            return call.getMessage();
        }
        Throwable root = failure;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + ": " + root.getMessage();
    }
}
