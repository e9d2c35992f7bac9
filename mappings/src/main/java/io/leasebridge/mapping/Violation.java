package io.leasebridge.mapping;

/**
 * Why one value of one source record cannot be used: where it is (file, line, column), which canonical
 * field it feeds, and the reason in words an operator can act on.
 */
public record Violation(String file, long line, String column, String field, String reason) {

    @Override
    public String toString() {
        return file + " line " + line + ", column '" + column + "' (" + field + "): " + reason;
    }
}
