package io.leasebridge.connectors.quickbooks;

/**
 * Intuit refused the refresh token ({@code invalid_grant}): it expired or the company was disconnected.
 * Retrying cannot help; someone has to connect QuickBooks again and store the new refresh token.
 */
public class ReconnectQuickBooksException extends RuntimeException {

    public ReconnectQuickBooksException(String realmId, String reason) {
        super("reconnect QuickBooks: the refresh token of company " + realmId + " was refused (" + reason
                + "); QuickBooks postings are stopped until the company is connected again");
    }
}
