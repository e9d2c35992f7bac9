package io.leasebridge.ingest;

import io.leasebridge.hub.CanonicalTable;
import io.leasebridge.hub.HubStore;
import io.leasebridge.mapping.salesforce.SObjectRecord;

import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Records kept in a hub table: only new and changed ones are written, sent to Salesforce, and handed to
 * whatever else must follow a change (the days-past-due history, the promise ledger).
 */
class CanonicalSink<T extends Record> implements RecordSink<T> {

    /** What else happens, in the same transaction, to the records of a batch that were new or changed. */
    interface OnChange<T> {
        void accept(List<T> changed, ExportFile file, List<SObjectRecord> toSalesforce);

        static <T> OnChange<T> nothing() {
            return (changed, file, toSalesforce) -> { };
        }
    }

    private final String recordName;
    private final CanonicalTable<T> table;
    private final Function<T, SObjectRecord> toSalesforce;
    private final Function<T, String> writerKey;
    private final HubStore hub;
    private final OnChange<T> onChange;

    CanonicalSink(String recordName, CanonicalTable<T> table, Function<T, String> writerKey,
                  Function<T, SObjectRecord> toSalesforce, HubStore hub, OnChange<T> onChange) {
        this.recordName = recordName;
        this.table = table;
        this.writerKey = writerKey;
        this.toSalesforce = toSalesforce;
        this.hub = hub;
        this.onChange = onChange;
    }

    @Override
    public String recordName() {
        return recordName;
    }

    @Override
    public Class<T> type() {
        return table.type();
    }

    @Override
    public List<String> tables() {
        return List.of(table.table());
    }

    @Override
    public String contentHash(T record) {
        return table.contentHash(record);
    }

    @Override
    public String writerKey(T record) {
        return writerKey.apply(record);
    }

    @Override
    public long write(List<T> records, Map<Record, String> contentHashes, ExportFile file, List<SObjectRecord> out) {
        List<T> changed = hub.upsert(table, records, record -> {
            String hash = contentHashes.get(record);
            return hash != null ? hash : table.contentHash(record);
        });
        changed.forEach(record -> out.add(toSalesforce.apply(record)));
        onChange.accept(changed, file, out);
        return changed.size();
    }
}
