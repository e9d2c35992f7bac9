package io.leasebridge.connectors.salesforce;

import io.leasebridge.mapping.salesforce.SObjectType;

import java.util.List;
import java.util.Map;

/**
 * Salesforce as the flows call it, with no Camel in sight: sObject Collections writes, Bulk API 2.0 ingest jobs and
 * SOQL queries, in LeaseBridge's own types. Each call runs under Salesforce's error policy (a passing failure is
 * redelivered); a call that still fails throws {@link SalesforceCallException}. {@link CamelSalesforceGateway} is the
 * adapter.
 */
public interface SalesforceGateway {

    /**
     * Writes up to 200 records of one type: upserted by the type's external id, or, for a type written by Salesforce
     * id, updated (sObject Collections upsert takes only external ids). One result per record, in request order; a
     * record Salesforce refuses is a result, not an exception. Null when Salesforce answered with no body at all.
     */
    List<UpsertResult> upsert(SObjectType type, List<Map<String, Object>> records);

    BulkJob createUpsertJob(String sObject, String externalIdField);

    void upload(String jobId, byte[] csv);

    /** Marks the upload complete: Salesforce queues the job. */
    BulkJob closeJob(String jobId);

    BulkJob abortJob(String jobId);

    BulkJob job(String jobId);

    /** {@code "sf__Id","sf__Created",<uploaded columns>} for each row Salesforce wrote. */
    String successfulResults(String jobId);

    /** {@code "sf__Id","sf__Error",<uploaded columns>} for each row Salesforce refused. */
    String failedResults(String jobId);

    /** The uploaded columns of each row Salesforce never got to (a job that failed or was aborted). */
    String unprocessedRecords(String jobId);

    QueryPage query(String soql);

    /** The page {@code nextRecordsUrl} of an earlier page points at. */
    QueryPage next(String nextRecordsUrl);

    /**
     * Requests made to Salesforce's data API so far: each call, each redelivery, and each call repeated after
     * renewing an expired session. Log-ins are not API calls and are not counted.
     */
    long apiCalls();
}
