package io.leasebridge.connectors.fleetrock;

/**
 * A FleetRock call that failed. {@link #retryable()} says whether the same call may succeed later (a timeout,
 * a lost connection, 5xx, 429) or never will as it is (bad credentials, a malformed request or answer).
 * The message never carries the API key or a token.
 */
public class FleetRockException extends RuntimeException {

    private final boolean retryable;
    private final int status;

    public FleetRockException(String message, int status, boolean retryable, Throwable cause) {
        super(message, cause);
        this.status = status;
        this.retryable = retryable;
    }

    public boolean retryable() {
        return retryable;
    }

    /** The HTTP status FleetRock answered, 0 when none came. */
    public int status() {
        return status;
    }

    /** Whether FleetRock refused the token (expired or revoked): a new one should be fetched. */
    public boolean tokenRejected() {
        return status == 401 || status == 403 && getMessage() != null && getMessage().toLowerCase().contains("token");
    }
}
