package io.leasebridge.ingest;

import io.leasebridge.mapping.salesforce.SObjectRecord;

import java.util.List;

/**
 * Where the canonical records of one field-map record name go (a hub table, the promise ledger), inside
 * the transaction of their batch; what Salesforce must receive because of them is added to {@code toSalesforce}.
 */
public interface RecordSink<T extends Record> {

    /** The field-map record name this sink takes: customer, lease, payment, note, promise. */
    String recordName();

    Class<T> type();

    /** Writes a batch; returns how many records were new or changed. */
    long write(List<T> records, ExportFile file, List<SObjectRecord> toSalesforce);

    /** After the last batch of a file, in a transaction of its own; returns how many records changed. */
    default long fileDone(ExportFile file, List<SObjectRecord> toSalesforce) {
        return 0;
    }
}
