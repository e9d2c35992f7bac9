package io.leasebridge.mapping;

/**
 * Why one value of one source record cannot be used: where it is (file, line, column), which canonical
 * field it feeds, the reason in words an operator can act on, and a code a dead letter is filed under.
 */
public record Violation(String file, long line, String column, String field, String reason, String code) {

    public static final String INVALID_VALUE = "INVALID_ROW";
    public static final String WRONG_COLUMN_COUNT = "WRONG_COLUMN_COUNT";
    public static final String TRUNCATED_ROW = "TRUNCATED_ROW";
    public static final String CONTROL_CHARACTER = "CONTROL_CHARACTER";
    public static final String CONFLICTING_DUPLICATE = "CONFLICTING_DUPLICATE";

    public Violation(String file, long line, String column, String field, String reason) {
        this(file, line, column, field, reason, INVALID_VALUE);
    }

    @Override
    public String toString() {
        return file + " line " + line + ", column '" + column + "' (" + field + "): " + reason;
    }
}
