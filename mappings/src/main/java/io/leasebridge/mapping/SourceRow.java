package io.leasebridge.mapping;

import java.util.Map;

/**
 * One row of an export file: where it came from, its values by column name, and its shape (how many
 * values the header announced and how many the row holds). Only the columns a layout maps are kept, so
 * personal data the export carries but LeaseBridge does not use never travels.
 *
 * @param expectedValues the header's column count, or -1 when the shape was not checked (a replayed row)
 * @param foundValues    the row's value count, or -1 when the shape was not checked
 */
public record SourceRow(String file, long line, Map<String, String> values, int expectedValues, int foundValues) {

    /** A row whose shape is not in question, e.g. one replayed from a dead letter. */
    public SourceRow(String file, long line, Map<String, String> values) {
        this(file, line, values, -1, -1);
    }

    /** The trimmed value of a column, or null when the column is absent or blank. */
    public String value(String column) {
        String raw = values.get(column);
        if (raw == null) {
            return null;
        }
        String trimmed = raw.strip();
        return trimmed.isEmpty() ? null : trimmed;
    }

    /** Too few or too many values for the header: the values cannot be trusted to sit in their columns. */
    public boolean hasWrongShape() {
        return expectedValues >= 0 && expectedValues != foundValues;
    }
}
