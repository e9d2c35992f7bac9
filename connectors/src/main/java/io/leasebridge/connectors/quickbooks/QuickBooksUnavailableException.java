package io.leasebridge.connectors.quickbooks;

/**
 * QuickBooks could not be reached, did not answer in time, or failed (5xx, or still throttling): whether a
 * write took effect is unknown, so the next try first looks for it.
 */
public class QuickBooksUnavailableException extends RuntimeException {

    public QuickBooksUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
