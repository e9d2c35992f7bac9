package io.leasebridge.mapping;

import java.util.Map;

/**
 * One row of an export file: where it came from and its values by column name. Only the columns a
 * layout maps are kept, so personal data the export carries but LeaseBridge does not use never travels.
 */
public record SourceRow(String file, long line, Map<String, String> values) {

    /** The trimmed value of a column, or null when the column is absent or blank. */
    public String value(String column) {
        String raw = values.get(column);
        if (raw == null) {
            return null;
        }
        String trimmed = raw.strip();
        return trimmed.isEmpty() ? null : trimmed;
    }
}
