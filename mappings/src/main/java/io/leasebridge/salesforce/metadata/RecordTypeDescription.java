package io.leasebridge.salesforce.metadata;

import java.util.List;
import java.util.Map;

/**
 * A record type of an object.
 *
 * @param picklistValues the values reps may pick on this record type, by picklist field; a field not listed
 *                       offers none of its values on this record type
 */
public record RecordTypeDescription(String fullName, String label, boolean active, String businessProcess,
                                    Map<String, List<String>> picklistValues) {

    public RecordTypeDescription {
        picklistValues = Map.copyOf(picklistValues);
    }
}
