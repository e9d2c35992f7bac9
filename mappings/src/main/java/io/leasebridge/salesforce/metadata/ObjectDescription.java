package io.leasebridge.salesforce.metadata;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * One object of the org: its settings, its fields (standard and custom, matched ignoring case as Salesforce
 * does) and its record types.
 *
 * @param nameFieldType {@code Text} or {@code AutoNumber} for a custom object; null for a standard one
 */
public record ObjectDescription(String name, String label, boolean custom, String nameFieldType, String sharingModel,
                                boolean enableActivities, Map<String, FieldDescription> fields,
                                Map<String, RecordTypeDescription> recordTypes) {

    public ObjectDescription {
        Map<String, FieldDescription> byName = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        byName.putAll(fields);
        fields = Collections.unmodifiableMap(byName);
        Map<String, RecordTypeDescription> types = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        types.putAll(recordTypes);
        recordTypes = Collections.unmodifiableMap(types);
        label = label == null ? name : label;
    }

    /** The field of that name, ignoring case; null when the object has none. */
    public FieldDescription field(String fieldName) {
        return fields.get(fieldName);
    }

    /** The lookup a relationship name ({@code Lease__r}, {@code What}, {@code LastModifiedBy}) stands for; null if none. */
    public FieldDescription relationship(String relationshipName) {
        for (FieldDescription field : fields.values()) {
            if (field.isReference() && relationshipName.equalsIgnoreCase(field.relationshipName())) {
                return field;
            }
        }
        return null;
    }

    public List<FieldDescription> externalIds() {
        return fields.values().stream().filter(FieldDescription::externalId).toList();
    }
}
