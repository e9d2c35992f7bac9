package io.leasebridge.ingest;

import io.leasebridge.hub.CanonicalTable;
import io.leasebridge.hub.HubStore;
import io.leasebridge.mapping.salesforce.SObjectRecord;

import java.util.List;
import java.util.function.Function;

/** Records kept in a hub table: only new and changed ones are written and sent to Salesforce. */
class CanonicalSink<T extends Record> implements RecordSink<T> {

    private final String recordName;
    private final CanonicalTable<T> table;
    private final Function<T, SObjectRecord> toSalesforce;
    private final HubStore hub;

    CanonicalSink(String recordName, CanonicalTable<T> table, Function<T, SObjectRecord> toSalesforce, HubStore hub) {
        this.recordName = recordName;
        this.table = table;
        this.toSalesforce = toSalesforce;
        this.hub = hub;
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
    public long write(List<T> records, ExportFile file, List<SObjectRecord> out) {
        List<T> changed = upsert(records);
        changed.forEach(record -> out.add(toSalesforce.apply(record)));
        return changed.size();
    }

    /** Writes the records to the hub table and returns the new and changed ones. */
    List<T> upsert(List<T> records) {
        return hub.upsert(table, records);
    }
}
