package io.leasebridge.connectors.leaseworks;

/** An export file that cannot be read at all (not a CSV, or a required column missing from its header). */
public class ExportFormatException extends RuntimeException {

    public ExportFormatException(String message) {
        super(message);
    }

    public ExportFormatException(String message, Throwable cause) {
        super(message, cause);
    }
}
