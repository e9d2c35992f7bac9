package io.leasebridge.salesforce.metadata;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * What Salesforce refuses in one record of a write, whatever else the org holds: the rules a field's metadata
 * carries. Messages and codes are Salesforce's own; a field is named by its label in the message and by its API
 * name in {@code fields}.
 *
 * <p>Two kinds: a record Salesforce cannot even read (a field the object does not have, a value its type cannot
 * take) fails the whole call with HTTP 400 ({@link #requestProblem}); a value the field refuses fails that record
 * alone ({@link #valueErrors}). Rules that need the org's records (required fields on create, unique values,
 * parents that exist) belong to whoever keeps the records.
 */
public final class RecordRules {

    private static final Pattern ID = Pattern.compile("[0-9A-Za-z]{15}([0-9A-Za-z]{3})?");

    private RecordRules() {
    }

    /** The 400 a record earns when it names a field the object lacks or a value its type cannot take. */
    public static Optional<SaveError> requestProblem(ObjectDescription object, Map<String, ?> record) {
        for (Map.Entry<String, ?> entry : record.entrySet()) {
            String key = entry.getKey();
            Object value = entry.getValue();
            if (key.equals("attributes")) {
                continue;
            }
            FieldDescription field = object.field(key);
            if (field == null) {
                FieldDescription lookup = object.relationship(key);
                if (lookup == null || value != null && !(value instanceof Map<?, ?>)) {
                    return Optional.of(noSuchColumn(object, key));
                }
                continue;
            }
            if (value != null && !fits(field, value)) {
                return Optional.of(SaveError.of("JSON_PARSER_ERROR", "Cannot deserialize instance of " + javaType(field)
                        + " from " + token(value) + " value " + value + " or request may be missing a required field"));
            }
        }
        return Optional.empty();
    }

    /** What the object's fields refuse in the record's values; {@code recordType} narrows its picklists, may be null. */
    public static List<SaveError> valueErrors(ObjectDescription object, Map<String, ?> record, RecordTypeDescription recordType) {
        List<SaveError> errors = new ArrayList<>();
        List<String> readOnly = new ArrayList<>();
        for (Map.Entry<String, ?> entry : record.entrySet()) {
            FieldDescription field = object.field(entry.getKey());
            Object value = entry.getValue();
            if (field == null) {
                FieldDescription lookup = object.relationship(entry.getKey());
                if (lookup != null && value instanceof Map<?, ?> reference) {
                    SaveError problem = referenceProblem(object, lookup, reference);
                    if (problem != null) {
                        errors.add(problem);
                    }
                }
                continue;
            }
            if (field.name().equals("Id")) {
                continue;
            }
            if (!field.updateable()) {
                readOnly.add(field.name());
                continue;
            }
            SaveError problem = value == null ? null : valueError(field, value, recordType);
            if (problem != null) {
                errors.add(problem);
            }
        }
        if (!readOnly.isEmpty()) {
            errors.add(new SaveError("INVALID_FIELD_FOR_INSERT_UPDATE", "Unable to create/update fields: "
                    + String.join(", ", readOnly) + ". Please check the security settings of this field and verify that it is "
                    + "read/write for your profile or permission set.", readOnly));
        }
        return errors;
    }

    private static SaveError valueError(FieldDescription field, Object value, RecordTypeDescription recordType) {
        if (field.isText() && value != null) {
            String text = String.valueOf(value);
            Integer max = field.maxLength();
            if (max != null && text.length() > max) {
                return SaveError.of("STRING_TOO_LONG", field.label() + ": data value too large: " + text
                        + " (max length=" + max + ")", field.name());
            }
        }
        if (field.isNumber() && field.precision() != null) {
            BigDecimal number = new BigDecimal(String.valueOf(value));
            int integerDigits = number.precision() - number.scale();
            int allowed = field.precision() - (field.scale() == null ? 0 : field.scale());
            if (integerDigits > allowed) {
                return SaveError.of("NUMBER_OUTSIDE_VALID_RANGE", field.label() + ": value outside of valid range on numeric field: "
                        + value, field.name());
            }
        }
        if ("Picklist".equals(field.type()) && field.restrictedPicklist()) {
            List<String> allowed = recordType != null && recordType.picklistValues().containsKey(field.name())
                    ? recordType.picklistValues().get(field.name()) : field.picklistValues();
            if (!allowed.contains(String.valueOf(value))) {
                return SaveError.of("INVALID_OR_NULL_FOR_RESTRICTED_PICKLIST", field.label()
                        + ": bad value for restricted picklist field: " + value, field.name());
            }
        }
        if (field.isReference() && !(value instanceof String s && ID.matcher(s).matches())) {
            return SaveError.of("FIELD_INTEGRITY_EXCEPTION", field.label() + ": id value of incorrect type: " + value, field.name());
        }
        return null;
    }

    /**
     * A parent named by one of its external ids: {@code {"LeaseWorks_Lease_Id__c": "L-1"}}, with
     * {@code attributes.type} naming the parent's object for a polymorphic lookup.
     */
    private static SaveError referenceProblem(ObjectDescription object, FieldDescription lookup, Map<?, ?> reference) {
        String parent = lookup.referencedObject();
        if (lookup.isPolymorphic()) {
            Object type = reference.get("attributes") instanceof Map<?, ?> attributes ? attributes.get("type") : null;
            if (!(type instanceof String named) || named.isBlank()) {
                return SaveError.of("INVALID_FIELD", "The polymorphic foreign key reference " + lookup.relationshipName()
                        + " on " + object.name() + " must name the referenced sObject in attributes.type", lookup.relationshipName());
            }
            parent = lookup.referenceTo().stream().filter(named::equalsIgnoreCase).findFirst().orElse(null);
            if (parent == null) {
                return SaveError.of("INVALID_FIELD", "Invalid type for " + lookup.relationshipName() + " on " + object.name()
                        + ": " + named + " is not one of " + lookup.referenceTo(), lookup.relationshipName());
            }
        }
        List<String> keys = reference.keySet().stream().map(String::valueOf).filter(k -> !k.equals("attributes")).toList();
        if (keys.size() != 1) {
            return SaveError.of("INVALID_FIELD", "More than 1 field provided in an external foreign key reference in entity: " + parent);
        }
        return null;
    }

    /** Whether the referenced object has the field as an external id (or it is {@code Id}). */
    public static boolean isReferenceKey(ObjectDescription parent, String field) {
        FieldDescription key = parent == null ? null : parent.field(field);
        return key != null && (key.externalId() || key.name().equals("Id"));
    }

    public static SaveError noSuchColumn(ObjectDescription object, String field) {
        return SaveError.of("INVALID_FIELD", "No such column '" + field + "' on sobject of type " + object.name());
    }

    private static boolean fits(FieldDescription field, Object value) {
        return switch (field.type()) {
            case "Checkbox" -> value instanceof Boolean || "true".equalsIgnoreCase(String.valueOf(value))
                    || "false".equalsIgnoreCase(String.valueOf(value));
            case "Number", "Currency", "Percent" -> value instanceof Number || value instanceof String s && isNumber(s);
            case "Date" -> value instanceof String s && parses(() -> LocalDate.parse(s));
            case "DateTime" -> value instanceof String s && parses(() -> OffsetDateTime.parse(s.replaceFirst("([+-]\\d{2})(\\d{2})$", "$1:$2")));
            case "Any" -> true;
            default -> value instanceof String || value instanceof Number || value instanceof Boolean;
        };
    }

    private static boolean isNumber(String s) {
        try {
            new BigDecimal(s.strip());
            return true;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private static boolean parses(Runnable parse) {
        try {
            parse.run();
            return true;
        } catch (DateTimeParseException e) {
            return false;
        }
    }

    private static String javaType(FieldDescription field) {
        return switch (field.type()) {
            case "Checkbox" -> "boolean";
            case "Number", "Currency", "Percent" -> "double";
            case "Date" -> "date";
            case "DateTime" -> "datetime";
            default -> "String";
        };
    }

    private static String token(Object value) {
        return value instanceof String ? "VALUE_STRING" : value instanceof Boolean b ? (b ? "VALUE_TRUE" : "VALUE_FALSE")
                : value instanceof Number ? "VALUE_NUMBER_FLOAT" : value instanceof Map<?, ?> ? "START_OBJECT" : "START_ARRAY";
    }
}
