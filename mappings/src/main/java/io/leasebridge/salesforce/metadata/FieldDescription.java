package io.leasebridge.salesforce.metadata;

import java.util.List;

/**
 * One field of an object as the org defines it: a custom field from its {@code field-meta.xml}, or a standard
 * field from the checked-in description of the standard objects LeaseBridge touches.
 *
 * @param type           the Metadata API type ({@code Text}, {@code Currency}, {@code Lookup}, ...); {@code Id} for ids
 * @param length         characters a text field holds; null for other types
 * @param precision      digits a number holds in all; null for other types
 * @param scale          digits after the decimal point; null for other types
 * @param referenceTo    the objects a lookup may point at: one, or several for a polymorphic one ({@code WhatId})
 * @param picklistValues the API names of a picklist's values, in order; empty for other types
 * @param updateable     false for fields Salesforce sets itself (system fields, auto numbers)
 * @param trackHistory   whether changes land in the object's field history
 * @param childRelationshipName what the parent calls its children through this lookup ({@code relationshipName} in
 *                       the metadata: {@code Payments} for {@code Payment__c.Lease__c}); null for other fields
 */
public record FieldDescription(String name, String label, String type, Integer length, Integer precision, Integer scale,
                               boolean required, boolean unique, boolean externalId, boolean caseSensitive,
                               List<String> referenceTo, List<String> picklistValues, boolean restrictedPicklist,
                               boolean updateable, boolean trackHistory, boolean custom, String childRelationshipName) {

    public FieldDescription {
        referenceTo = List.copyOf(referenceTo);
        picklistValues = List.copyOf(picklistValues);
        label = label == null ? name : label;
    }

    public boolean isReference() {
        return !referenceTo.isEmpty();
    }

    public boolean isPolymorphic() {
        return referenceTo.size() > 1;
    }

    /** The one object a non-polymorphic lookup points at; null when it is not a lookup. */
    public String referencedObject() {
        return referenceTo.isEmpty() ? null : referenceTo.get(0);
    }

    /**
     * The name a write or a query uses for the parent record: {@code Vehicle__r} for {@code Vehicle__c},
     * {@code What} for {@code WhatId}; null when the field is not a lookup.
     */
    public String relationshipName() {
        if (!isReference()) {
            return null;
        }
        if (name.endsWith("__c")) {
            return name.substring(0, name.length() - 3) + "__r";
        }
        return name.endsWith("Id") ? name.substring(0, name.length() - 2) : null;
    }

    public boolean isText() {
        return switch (type) {
            case "Text", "TextArea", "LongTextArea", "Html", "Email", "Phone", "Url", "Picklist", "EncryptedText" -> true;
            default -> false;
        };
    }

    public boolean isNumber() {
        return switch (type) {
            case "Number", "Currency", "Percent" -> true;
            default -> false;
        };
    }

    /** The characters a value may have: the declared length, or what Salesforce fixes for the type. */
    public Integer maxLength() {
        if (length != null) {
            return length;
        }
        return switch (type) {
            case "Email" -> 80;
            case "Phone" -> 40;
            case "Url", "TextArea", "Picklist" -> 255;
            case "Id" -> 18;
            default -> null;
        };
    }
}
