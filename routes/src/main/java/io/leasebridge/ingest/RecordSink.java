package io.leasebridge.ingest;

import io.leasebridge.mapping.salesforce.SObjectRecord;

import java.util.List;
import java.util.Map;

/**
 * Where the canonical records of one field-map record name go (a hub table, the promise ledger), inside
 * the transaction of their batch; what Salesforce must receive because of them is added to {@code toSalesforce}.
 */
public interface RecordSink<T extends Record> {

    /** The field-map record name this sink takes: customer, lease, payment, note, promise. */
    String recordName();

    Class<T> type();

    /**
     * What the sink tells a changed record by, worked out on the reading thread ahead of the write; null where it
     * compares nothing.
     */
    default String contentHash(T record) {
        return null;
    }

    /**
     * The customer or lease a record belongs to, where batches are written side by side: the rows of one go to the same
     * writer, in file order, so that no two transactions touch one account's rows. Null where any writer may take it.
     */
    default String writerKey(T record) {
        return null;
    }

    /**
     * Writes a batch; returns how many records were new or changed. {@code contentHashes} holds the {@link #contentHash}
     * of each record that has one.
     */
    long write(List<T> records, Map<Record, String> contentHashes, ExportFile file, List<SObjectRecord> toSalesforce);

    /** The hub tables the sink writes its records to, besides the outbox and the dead letters. */
    default List<String> tables() {
        return List.of();
    }

    /** After the last batch of a file, in a transaction of its own; returns how many records changed. */
    default long fileDone(ExportFile file, List<SObjectRecord> toSalesforce) {
        return 0;
    }
}
