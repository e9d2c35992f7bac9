package io.leasebridge.mapping;

import java.util.List;

/**
 * The fields of one canonical record type and the export columns that feed them.
 *
 * @param keyColumns the columns whose values identify the record (a lease's Contract Number), in the
 *                   order of its key fields; empty when the layout does not map them all
 */
public record RecordLayout(String name, Class<? extends Record> type, List<FieldSpec> fields, List<String> keyColumns) {

    public RecordLayout(String name, Class<? extends Record> type, List<FieldSpec> fields) {
        this(name, type, fields, List.of());
    }

    /** Every column feeding this record, in mapping order. */
    public List<String> columns() {
        return fields.stream().map(FieldSpec::column).distinct().toList();
    }
}
