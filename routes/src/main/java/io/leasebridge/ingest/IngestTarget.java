package io.leasebridge.ingest;

import io.leasebridge.hub.CanonicalTable;
import io.leasebridge.hub.CanonicalTables;
import io.leasebridge.mapping.salesforce.SObjectRecord;
import io.leasebridge.mapping.salesforce.SalesforceRecords;

import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/** Where a canonical record of one field-map record name is stored, and what Salesforce gets of it. */
record IngestTarget<T extends Record>(CanonicalTable<T> table, Function<T, SObjectRecord> toSalesforce) {

    private static final Map<String, IngestTarget<?>> BY_RECORD_NAME = Map.of(
            "customer", new IngestTarget<>(CanonicalTables.CUSTOMER, SalesforceRecords::account),
            "lease", new IngestTarget<>(CanonicalTables.LEASE, SalesforceRecords::lease),
            "payment", new IngestTarget<>(CanonicalTables.PAYMENT, SalesforceRecords::payment),
            "note", new IngestTarget<>(CanonicalTables.COLLECTOR_NOTE, SalesforceRecords::collectorNote));

    static IngestTarget<?> forRecord(String name) {
        return Optional.ofNullable(BY_RECORD_NAME.get(name))
                .orElseThrow(() -> new IllegalArgumentException("no hub table for record '" + name + "'"));
    }
}
