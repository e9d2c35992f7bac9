package io.leasebridge.sandbox;

/**
 * A whole request refused the way Salesforce's REST API refuses it: an HTTP status and the body
 * {@code [{"message": ..., "errorCode": ...}]}.
 */
final class SalesforceApiException extends RuntimeException {

    private final int status;
    private final String errorCode;

    SalesforceApiException(int status, String errorCode, String message) {
        super(message);
        this.status = status;
        this.errorCode = errorCode;
    }

    int status() {
        return status;
    }

    String errorCode() {
        return errorCode;
    }
}
