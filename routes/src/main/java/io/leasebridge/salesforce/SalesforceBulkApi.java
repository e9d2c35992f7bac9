package io.leasebridge.salesforce;

/**
 * Salesforce's Bulk API 2.0 ingest jobs, as the drain needs them: an upsert job by external id, one CSV upload, then
 * the job's state and its result CSVs. No Camel in sight: {@link CamelSalesforceBulkApi} is the adapter.
 */
interface SalesforceBulkApi {

    BulkJob createUpsertJob(String sObject, String externalIdField);

    void upload(String jobId, byte[] csv);

    /** Marks the upload complete: Salesforce queues the job. */
    BulkJob close(String jobId);

    BulkJob abort(String jobId);

    BulkJob job(String jobId);

    /** {@code "sf__Id","sf__Created",<uploaded columns>} for each row Salesforce wrote. */
    String successfulResults(String jobId);

    /** {@code "sf__Id","sf__Error",<uploaded columns>} for each row Salesforce refused. */
    String failedResults(String jobId);

    /** The uploaded columns of each row Salesforce never got to (a job that failed or was aborted). */
    String unprocessedRecords(String jobId);
}
