package io.leasebridge.ingest;

/** An export file unusable as a whole; it was recorded as a dead letter and is moved aside as failed. */
public class ExportRefusedException extends RuntimeException {

    public ExportRefusedException(String message, Throwable cause) {
        super(message, cause, false, false);
    }
}
