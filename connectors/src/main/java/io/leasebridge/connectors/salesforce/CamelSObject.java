package io.leasebridge.connectors.salesforce;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonIgnore;
import org.apache.camel.component.salesforce.api.dto.AbstractDescribedSObjectBase;
import org.apache.camel.component.salesforce.api.dto.Attributes;
import org.apache.camel.component.salesforce.api.dto.SObjectDescription;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A record of any sObject type as camel-salesforce sends it: its fields come from a map rather than
 * from a class generated per object, so the field mapping stays data. {@code Name} is a base property
 * of camel-salesforce's sObject class and is set there; a null value is listed in fieldsToNull so that
 * Salesforce clears the field instead of keeping a stale value.
 */
final class CamelSObject extends AbstractDescribedSObjectBase {

    private static final String NAME = "Name";
    /** A record updated by its Salesforce id carries it in the base class's Id, not as a field. */
    private static final String ID = "Id";

    private final String type;
    private final Map<String, Object> fields = new LinkedHashMap<>();

    CamelSObject(String type, Map<String, Object> fields) {
        this.type = type;
        Attributes attributes = new Attributes();
        attributes.setType(type);
        setAttributes(attributes);
        fields.forEach((field, value) -> {
            if (NAME.equals(field)) {
                setName((String) value);
            } else if (ID.equals(field)) {
                setId((String) value);
            } else {
                this.fields.put(field, value);
            }
            if (value == null) {
                getFieldsToNull().add(field);
            }
        });
    }

    @JsonAnyGetter
    public Map<String, Object> fields() {
        return fields;
    }

    @Override
    @JsonIgnore
    public SObjectDescription description() {
        SObjectDescription description = new SObjectDescription();
        description.setName(type);
        return description;
    }
}
