package io.leasebridge.salesforce;

import java.util.Set;

/** A Bulk API 2.0 ingest job as Salesforce reports it: Open, UploadComplete, InProgress, JobComplete, Failed, Aborted. */
record BulkJob(String id, String state, long processed, long failed, String errorMessage) {

    static final String OPEN = "Open";
    static final String UPLOAD_COMPLETE = "UploadComplete";
    static final String JOB_COMPLETE = "JobComplete";
    static final String FAILED = "Failed";
    static final String ABORTED = "Aborted";

    private static final Set<String> FINISHED = Set.of(JOB_COMPLETE, FAILED, ABORTED);

    /** Salesforce will not process it any further: its results are final. */
    boolean finished() {
        return FINISHED.contains(state);
    }
}
