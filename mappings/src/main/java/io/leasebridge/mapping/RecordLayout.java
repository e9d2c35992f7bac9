package io.leasebridge.mapping;

import java.util.List;

/** The fields of one canonical record type and the export columns that feed them. */
public record RecordLayout(String name, Class<? extends Record> type, List<FieldSpec> fields) {
}
