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

    /** Columns that a required field needs and the given header lacks. */
    public Set<String> missingRequiredColumns(Set<String> header) {
        Set<String> missing = new LinkedHashSet<>();
        records.forEach(r -> r.fields().stream()
                .filter(FieldSpec::required)
                .filter(f -> !header.contains(f.column()))
                .forEach(f -> missing.add(f.column())));
        return missing;
    }

    public Optional<RecordLayout> record(String name) {
        return records.stream().filter(r -> r.name().equals(name)).findFirst();
    }
}
