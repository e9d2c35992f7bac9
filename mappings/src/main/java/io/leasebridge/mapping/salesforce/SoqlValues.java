package io.leasebridge.mapping.salesforce;

import java.util.Map;

/** Values of a record as a SOQL query returns it: blanks as null, parent fields through their relationship. */
public final class SoqlValues {

    private SoqlValues() {
    }

    /** The text of a value, stripped; null for null and blank. */
    public static String text(Object value) {
        if (value == null) {
            return null;
        }
        String s = String.valueOf(value).strip();
        return s.isEmpty() ? null : s;
    }

    /** {@code Lease__r.LeaseWorks_Lease_Id__c}: a field of the parent a relationship holds, null when there is none. */
    public static String parentField(Map<String, Object> record, String relationship, String field) {
        return record.get(relationship) instanceof Map<?, ?> parent ? text(parent.get(field)) : null;
    }
}
