package io.leasebridge.mapping;

import io.leasebridge.model.FailClosed;

import java.util.Arrays;
import java.util.List;
import java.util.Set;

/**
 * The fields of one canonical record type and the export columns that feed them.
 *
 * @param keyColumns the columns whose values identify the record (a lease's Contract Number), in the
 *                   order of its key fields; empty when the layout does not map them all
 * @param absentFields {@link FailClosed} fields the map marks {@code absent}: the export has no column for them
 */
public record RecordLayout(String name, Class<? extends Record> type, List<FieldSpec> fields, List<String> keyColumns,
                           Set<String> absentFields) {

    public RecordLayout {
        absentFields = Set.copyOf(absentFields);
    }

    public RecordLayout(String name, Class<? extends Record> type, List<FieldSpec> fields, List<String> keyColumns) {
        this(name, type, fields, keyColumns, Set.of());
    }

    public RecordLayout(String name, Class<? extends Record> type, List<FieldSpec> fields) {
        this(name, type, fields, List.of());
    }

    /** The record's fields that fail closed (contact preferences), mapped or not. */
    public List<String> failClosedFields() {
        return Arrays.stream(type.getRecordComponents()).filter(c -> c.isAnnotationPresent(FailClosed.class))
                .map(java.lang.reflect.RecordComponent::getName).toList();
    }

    /** Every column feeding this record, in mapping order. */
    public List<String> columns() {
        return fields.stream().map(FieldSpec::column).distinct().toList();
    }
}
