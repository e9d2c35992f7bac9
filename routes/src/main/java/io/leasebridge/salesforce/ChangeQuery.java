package io.leasebridge.salesforce;

import java.util.List;

/**
 * What a reader of Salesforce changes asks for: the fields of one object, optionally narrowed, in
 * SystemModstamp order.
 *
 * @param reader    names the reader's watermark
 * @param sObject   the object queried
 * @param fields    the fields returned; SystemModstamp is added when missing
 * @param condition a SOQL condition ANDed to the SystemModstamp one, or blank
 */
public record ChangeQuery(String reader, String sObject, List<String> fields, String condition) {

    String soql(String since) {
        return select() + " WHERE SystemModstamp >= " + since
                + (condition == null || condition.isBlank() ? "" : " AND " + condition)
                + " ORDER BY SystemModstamp, Id";
    }

    /** The same fields of one record, read again by its id (a dead letter's replay). */
    public String soqlById(String id) {
        return select() + " WHERE Id = '" + id.replace("'", "") + "'";
    }

    private String select() {
        List<String> selected = fields.contains("SystemModstamp") ? fields
                : java.util.stream.Stream.concat(fields.stream(), java.util.stream.Stream.of("SystemModstamp")).toList();
        return "SELECT " + String.join(", ", selected) + " FROM " + sObject;
    }
}
