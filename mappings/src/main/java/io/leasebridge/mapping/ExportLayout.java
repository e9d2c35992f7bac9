package io.leasebridge.mapping;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** One LeaseWorks export file: the canonical records each of its rows produces. */
public record ExportLayout(String name, List<RecordLayout> records) {

    /** Every column this export's mapping reads, in mapping order. */
    public Set<String> columns() {
        Set<String> columns = new LinkedHashSet<>();
        records.forEach(r -> r.fields().forEach(f -> columns.add(f.column())));
        return columns;
    }

    /**
     * Columns that a required field or a fail-closed one (a contact preference) needs and the given header lacks:
     * a file without its do-not-call column would otherwise make every customer callable.
     */
    public Set<String> missingRequiredColumns(Set<String> header) {
        Set<String> missing = new LinkedHashSet<>();
        records.forEach(r -> r.fields().stream()
                .filter(f -> f.required() || r.failClosedFields().contains(f.field()))
                .filter(f -> !header.contains(f.column()))
                .forEach(f -> missing.add(f.column())));
        return missing;
    }

    public Optional<RecordLayout> record(String name) {
        return records.stream().filter(r -> r.name().equals(name)).findFirst();
    }
}
