package io.leasebridge.mapping;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Maps rows of one export to canonical records. Never throws on bad data: every unusable value of a
 * row is reported as a {@link Violation}, and a row with any violation yields no records at all.
 */
public final class ExportMapper {

    private final ExportLayout layout;
    private final List<RecordBinder> binders;

    public ExportMapper(ExportLayout layout, ValueParser parser) {
        this.layout = layout;
        this.binders = layout.records().stream().map(r -> new RecordBinder(r, parser)).toList();
    }

    public ExportLayout layout() {
        return layout;
    }

    public MappedRow map(SourceRow row) {
        List<Violation> violations = new ArrayList<>();
        Map<String, Record> records = new LinkedHashMap<>();
        for (int i = 0; i < binders.size(); i++) {
            Record record = binders.get(i).bind(row, violations);
            if (record != null) {
                records.put(layout.records().get(i).name(), record);
            }
        }
        return violations.isEmpty()
                ? new MappedRow(row, records, List.of())
                : new MappedRow(row, Map.of(), List.copyOf(violations));
    }
}
