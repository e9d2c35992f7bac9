package io.leasebridge.connectors.salesforce;

import java.util.Set;

/** A Bulk API 2.0 ingest job as Salesforce reports it: Open, UploadComplete, InProgress, JobComplete, Failed, Aborted. */
public record BulkJob(String id, String state, long processed, long failed, String errorMessage) {

    public static final String OPEN = "Open";
    public static final String UPLOAD_COMPLETE = "UploadComplete";
    public static final String IN_PROGRESS = "InProgress";
    public static final String JOB_COMPLETE = "JobComplete";
    public static final String FAILED = "Failed";
    public static final String ABORTED = "Aborted";
    public static final String CLOSED = "Closed";

    private static final Set<String> FINISHED = Set.of(JOB_COMPLETE, FAILED, ABORTED);

    /** Salesforce will not process it any further: its results are final. */
    public boolean finished() {
        return FINISHED.contains(state);
    }
}
