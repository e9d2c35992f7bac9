package io.leasebridge.salesforce;

/**
 * An {@code sf__Error} of a Bulk API 2.0 failed-results row, {@code CODE:message:Field1,Field2 --}, read into the code,
 * message and fields that a collections error carries.
 */
record BulkError(String code, String message, String fields) {

    static BulkError parse(String error) {
        String text = error == null ? "" : error.strip();
        if (text.endsWith("--")) {
            text = text.substring(0, text.length() - 2).strip();
        }
        int first = text.indexOf(':');
        if (first < 0) {
            return new BulkError(text.isEmpty() ? "UNKNOWN" : text, text, null);
        }
        String code = text.substring(0, first);
        String rest = text.substring(first + 1);
        int last = rest.lastIndexOf(':');
        if (last >= 0 && rest.substring(last + 1).matches("[A-Za-z0-9_.]+(,[A-Za-z0-9_.]+)*")) {
            return new BulkError(code, rest.substring(0, last), rest.substring(last + 1).replace(",", ", "));
        }
        return new BulkError(code, rest, null);
    }

    String describe() {
        return code + ": " + message + (fields == null ? "" : " [" + fields + "]");
    }
}
