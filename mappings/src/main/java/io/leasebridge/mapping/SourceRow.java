package io.leasebridge.mapping;

import java.util.Locale;
import java.util.Map;

/**
 * One row of an export file: where it came from, its values by column name, and its shape (how many
 * values the header announced and how many the row holds, and whether a value holds a control character).
 * Only the columns a layout maps are kept, so personal data the export carries but LeaseBridge does not use
 * never travels.
 *
 * @param expectedValues   the header's column count, or -1 when the shape was not checked (a replayed row)
 * @param foundValues      the row's value count, or -1 when the shape was not checked
 * @param controlCharacter the first control character in a mapped value of a row with the right count, or null
 */
public record SourceRow(String file, long line, Map<String, String> values, int expectedValues, int foundValues,
                        ControlCharacter controlCharacter) {

    public SourceRow(String file, long line, Map<String, String> values, int expectedValues, int foundValues) {
        this(file, line, values, expectedValues, foundValues, null);
    }

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

    /**
     * Too few or too many values for the header, so that the values cannot be trusted to sit in their columns; or a
     * value holding a control character, which is no text (a stray byte), and which PostgreSQL refuses when it is NUL.
     */
    public boolean hasWrongShape() {
        return expectedValues >= 0 && expectedValues != foundValues || controlCharacter != null;
    }

    /** A control character other than tab, CR and LF, in the value of this column. */
    public record ControlCharacter(String column, char character) {

        /** The character as U+0000, never the value, which may be personal data. */
        public String codePoint() {
            return String.format(Locale.ROOT, "U+%04X", (int) character);
        }
    }
}
