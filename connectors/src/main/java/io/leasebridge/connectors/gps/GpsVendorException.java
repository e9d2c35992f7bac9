package io.leasebridge.connectors.gps;

/**
 * A GPS vendor call that failed. Retryable failures (timeouts, lost connections, 5xx, 429) count against the
 * vendor's circuit breaker; permanent ones (unknown device, rejected credentials) concern one request only.
 */
public class GpsVendorException extends RuntimeException {

    private final String vendor;
    private final int status;
    private final boolean retryable;

    public GpsVendorException(String vendor, int status, boolean retryable, String message, Throwable cause) {
        super(vendor + ": " + message, cause);
        this.vendor = vendor;
        this.status = status;
        this.retryable = retryable;
    }

    public static GpsVendorException retryable(String vendor, int status, String message) {
        return new GpsVendorException(vendor, status, true, message, null);
    }

    public static GpsVendorException permanent(String vendor, int status, String message) {
        return new GpsVendorException(vendor, status, false, message, null);
    }

    public String vendor() {
        return vendor;
    }

    /** The HTTP status, 0 when no response came. */
    public int status() {
        return status;
    }

    public boolean retryable() {
        return retryable;
    }
}
