package io.leasebridge.mapping;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Maps rows of one export to canonical records. Never throws on bad data: every unusable value of a
 * row is reported as a {@link Violation}, and a row with any violation yields no records at all. A row
 * with the wrong number of values, or with a control character in a value, is refused before any of its values is read.
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
        if (row.hasWrongShape()) {
            return new MappedRow(row, Map.of(), List.of(wrongShape(row)));
        }
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

    /**
     * A row cut short, shifted by a stray delimiter or holding a control character: none of its values is mapped,
     * since none can be trusted.
     */
    private static Violation wrongShape(SourceRow row) {
        if (row.controlCharacter() != null) {
            return controlCharacter(row);
        }
        boolean cutShort = row.foundValues() < row.expectedValues();
        String reason = "expected " + row.expectedValues() + " values (the header's columns), found " + row.foundValues()
                + (cutShort ? ": the row is cut short" : ": an unquoted delimiter may have shifted the columns");
        return new Violation(row.file(), row.line(), "", "row", reason, Violation.WRONG_COLUMN_COUNT);
    }

    private static Violation controlCharacter(SourceRow row) {
        SourceRow.ControlCharacter control = row.controlCharacter();
        String reason = "holds the control character " + control.codePoint()
                + ", which is not text: the row is not read (a stray byte in the export?)";
        return new Violation(row.file(), row.line(), control.column(), "row", reason, Violation.CONTROL_CHARACTER);
    }
}
