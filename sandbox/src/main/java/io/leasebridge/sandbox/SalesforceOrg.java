package io.leasebridge.sandbox;

import io.leasebridge.salesforce.metadata.FieldDescription;
import io.leasebridge.salesforce.metadata.ObjectDescription;
import io.leasebridge.salesforce.metadata.OrgMetadata;
import io.leasebridge.salesforce.metadata.SalesforceFormula;
import io.leasebridge.salesforce.metadata.ValidationRuleDescription;
import io.leasebridge.salesforce.metadata.RecordRules;
import io.leasebridge.salesforce.metadata.RecordTypeDescription;
import io.leasebridge.salesforce.metadata.SaveError;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;


/**
 * The data of one simulated org: objects, their records and the rules Salesforce enforces on a write
 * (external-id upsert, parent references by external id, required and unique fields, field types, lengths,
 * ranges and restricted picklists, all-or-none). Every method holds the org's lock, so concurrent requests see
 * each upsert as one transaction.
 *
 * <p>The org is its metadata: the objects, fields, external ids, lookups and record types are those of the SFDX
 * tree it is given, on top of the standard objects LeaseBridge touches. A field or object the metadata does not
 * define does not exist here. A Task relates to its record through the polymorphic {@code What}, whose reference
 * names the parent's type in {@code attributes} and is stored as {@code WhatId}; an owner must be a user or a
 * queue, as Salesforce insists.
 */
final class SalesforceOrg {

    static final int COLLECTION_LIMIT = 200;
    static final int DEFAULT_QUERY_PAGE = 2000;
    /** Salesforce keeps at most ten query cursors open per user and drops the oldest. */
    static final int MAX_OPEN_CURSORS = 10;
    /** A record's owner is a user (005) or a queue, which is a group (00G), by id of 15 or 18 characters. */
    private static final Pattern OWNER_ID = Pattern.compile("(005|00G)[0-9A-Za-z]{12}([0-9A-Za-z]{3})?");

    private static final Map<String, String> KEY_PREFIXES = Map.ofEntries(
            Map.entry("Account", "001"), Map.entry("Case", "500"), Map.entry("Task", "00T"), Map.entry("User", "005"),
            Map.entry("Group", "00G"), Map.entry("RecordType", "012"), Map.entry("CaseHistory", "017"),
            Map.entry("WorkOrder", "0WO"), Map.entry("WorkOrderLineItem", "1WL"), Map.entry("Lease__c", "a01"),
            Map.entry("Payment__c", "a02"), Map.entry("Collector_Note__c", "a03"), Map.entry("Promise_To_Pay__c", "a04"),
            Map.entry("Vehicle__c", "a05"));

    record UpsertResult(String id, boolean created, List<SaveError> errors) {
        boolean success() {
            return errors.isEmpty();
        }
    }

    record QueryPage(int totalSize, boolean done, String nextRecordsUrl, List<Map<String, Object>> records) {
    }

    private final Map<String, SObject> objects = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    private final LinkedHashMap<String, Cursor> cursors = new LinkedHashMap<>();
    private int customPrefixSequence = 6;
    private long idSequence;
    private long cursorSequence;
    private int queryPageSize = DEFAULT_QUERY_PAGE;
    private final Clock clock;
    private final String integrationUserId;
    private long caseNumberSequence;

    SalesforceOrg(OrgMetadata metadata) {
        this(metadata, Clock.systemUTC(), SalesforceIds.id("005", 1));
    }

    SalesforceOrg(OrgMetadata metadata, Clock clock, String integrationUserId) {
        this.clock = clock;
        this.integrationUserId = integrationUserId;
        metadata.objects().values().forEach(this::define);
        objects.values().forEach(o -> o.validationRules.addAll(metadata.validationRules(o.name)));
        seed();
    }

    /** What every org has before anyone works in it: the integration user and the record types of the metadata. */
    private void seed() {
        SObject user = objects.get("User");
        user.records.put(integrationUserId, user.canonicalFields(Map.of("Id", integrationUserId, "Name", "LeaseBridge Integration")));
        for (SObject o : List.copyOf(objects.values())) {
            for (RecordTypeDescription recordType : o.description.recordTypes().values()) {
                saveAs(integrationUserId, "RecordType", null, Map.of("SobjectType", o.name, "DeveloperName", recordType.fullName(),
                        "Name", recordType.label() == null ? recordType.fullName() : recordType.label(), "IsActive", recordType.active()));
            }
        }
    }

    // ---------------------------------------------------------------- configuration

    /** Makes a field unique beyond what its metadata says, as an admin may do in the org. */
    synchronized void uniqueField(String object, String field) {
        SObject o = known(object);
        if (o.description.field(field) == null) {
            throw new IllegalArgumentException(object + " has no field " + field);
        }
        o.unique.add(o.canonical(field));
    }

    /**
     * Switches a validation rule off, as an admin does during a data migration; saves that it would refuse go
     * through until it is switched on again.
     */
    synchronized void validationRuleActive(String object, String rule, boolean active) {
        SObject o = known(object);
        if (o.validationRules.stream().noneMatch(r -> r.fullName().equalsIgnoreCase(rule))) {
            throw new IllegalArgumentException(object + " has no validation rule " + rule);
        }
        if (active) {
            o.switchedOff.remove(rule);
        } else {
            o.switchedOff.add(rule);
        }
    }

    synchronized void queryPageSize(int size) {
        if (size < 1) {
            throw new IllegalArgumentException("a query page holds at least one record: " + size);
        }
        this.queryPageSize = size;
    }

    /** Forgets every record, count and open cursor; keeps the objects and rules. */
    synchronized void reset() {
        objects.values().forEach(SObject::clear);
        cursors.clear();
        idSequence = 0;
        cursorSequence = 0;
        caseNumberSequence = 0;
        seed();
    }

    /** The id of an object's record type, by developer name; null when the metadata defines none of that name. */
    synchronized String recordTypeId(String object, String developerName) {
        for (Map<String, Object> recordType : objects.get("RecordType").records.values()) {
            if (object.equalsIgnoreCase(String.valueOf(recordType.get("SobjectType")))
                    && developerName.equalsIgnoreCase(String.valueOf(recordType.get("DeveloperName")))) {
                return String.valueOf(recordType.get("Id"));
            }
        }
        return null;
    }

    // ---------------------------------------------------------------- writes

    /** The object as its metadata describes it; null for one the org does not have. */
    synchronized ObjectDescription description(String object) {
        SObject o = objects.get(object);
        return o == null ? null : o.description;
    }

    /** Counts one collection write call against an object, whatever becomes of it. */
    synchronized void countWriteCall(String object) {
        SObject o = objects.get(object);
        if (o != null) {
            o.writeCalls++;
        }
    }

    /**
     * Upserts up to {@value #COLLECTION_LIMIT} records of one object by an external id field, in request
     * order, with Salesforce's per-record results. With {@code allOrNone} any failure undoes the whole call.
     */
    synchronized List<UpsertResult> upsert(String objectName, String externalIdField, boolean allOrNone,
                                           List<Map<String, Object>> records) {
        SObject o = objects.get(objectName);
        if (o == null) {
            throw new SalesforceApiException(404, "NOT_FOUND", "The requested resource does not exist");
        }
        String keyField = o.canonical(externalIdField);
        if (!o.externalIds.contains(keyField)) {
            throw new SalesforceApiException(404, "NOT_FOUND",
                    "Provided external ID field does not exist or is not accessible: " + externalIdField);
        }
        refuseUnreadable(o, records);
        records.stream().flatMap(r -> r.keySet().stream()).distinct().forEach(field -> o.upsertsWith.merge(field, 1, Integer::sum));
        List<Map<String, Object>> incoming = records.stream().map(o::canonicalFields).toList();
        Set<String> repeatedKeys = repeatedKeys(incoming, keyField);

        List<Undo> undo = new ArrayList<>();
        List<UpsertResult> results = new ArrayList<>(incoming.size());
        for (Map<String, Object> record : incoming) {
            results.add(upsertOne(o, keyField, record, repeatedKeys, undo));
        }
        boolean failed = results.stream().anyMatch(r -> !r.success());
        if (allOrNone && failed) {
            for (int i = undo.size() - 1; i >= 0; i--) {
                Undo u = undo.get(i);
                replace(u.object(), u.id(), u.after(), u.before());
            }
            SaveError rolledBack = new SaveError("ALL_OR_NONE_OPERATION_ROLLED_BACK",
                    "Record rolled back because not all records were valid and the request was using AllOrNone header", List.of());
            return results.stream()
                    .map(r -> r.success() ? new UpsertResult(null, false, List.of(rolledBack)) : r)
                    .toList();
        }
        for (int i = 0; i < results.size(); i++) {
            if (results.get(i).success() && results.get(i).created()) {
                o.created.merge(normalized(incoming.get(i).get(keyField)), 1, Integer::sum);
            }
        }
        return results;
    }

    private UpsertResult upsertOne(SObject o, String keyField, Map<String, Object> incoming, Set<String> repeatedKeys,
                                   List<Undo> undo) {
        Object keyValue = incoming.get(keyField);
        String key = normalized(keyValue);
        if (key == null || key.isBlank()) {
            return failed("MISSING_ARGUMENT", keyField + " not specified");
        }
        if (repeatedKeys.contains(key)) {
            return failed("DUPLICATE_VALUE", "Duplicate external id specified: " + keyValue);
        }
        Map<String, Object> changes = new LinkedHashMap<>();
        for (Map.Entry<String, Object> field : incoming.entrySet()) {
            if (field.getKey().equals("Id")) {
                continue;
            }
            if (field.getValue() instanceof Map<?, ?> reference) {
                ParentLookup parent = o.polymorphic.contains(field.getKey())
                        ? resolvePolymorphic(o, field.getKey(), reference)
                        : resolveParent(o, field.getKey(), reference);
                if (parent.error() != null) {
                    return new UpsertResult(null, false, List.of(parent.error()));
                }
                changes.put(o.canonical(idFieldOf(field.getKey())), parent.id());
            } else if (field.getValue() == null && (isRelationshipName(o, field.getKey()) || o.polymorphic.contains(field.getKey()))) {
                changes.put(o.canonical(idFieldOf(field.getKey())), null);
            } else {
                changes.put(field.getKey(), field.getValue());
            }
        }
        List<String> holders = o.unique.contains(keyField) ? null : holders(o, keyField, key);
        if (holders != null && holders.size() > 1) {
            return new UpsertResult(null, false, List.of(SaveError.of("DUPLICATE_EXTERNAL_ID", o.description.field(keyField).label()
                    + ": more than one record found for external id field: " + holders, keyField)));
        }
        String existingId = index(o, keyField).get(key);
        Map<String, Object> existing = existingId == null ? null : o.records.get(existingId);
        List<SaveError> refused = RecordRules.valueErrors(o.description, incoming, recordTypeOf(o, changes, existing));
        if (!refused.isEmpty()) {
            return new UpsertResult(null, false, refused);
        }

        List<String> missing = new ArrayList<>();
        for (String required : o.required) {
            boolean blank = changes.get(required) == null || "".equals(changes.get(required));
            if (existing == null ? blank : changes.containsKey(required) && blank) {
                missing.add(required);
            }
        }
        if (!missing.isEmpty()) {
            return new UpsertResult(null, false, List.of(new SaveError("REQUIRED_FIELD_MISSING",
                    "Required fields are missing: " + missing.toString(), List.copyOf(missing))));
        }
        SaveError owner = ownerProblem(o, changes);
        if (owner != null) {
            return new UpsertResult(null, false, List.of(owner));
        }
        List<SaveError> ruled = validationErrors(o, existing, changes);
        if (!ruled.isEmpty()) {
            return new UpsertResult(null, false, ruled);
        }
        for (String unique : o.unique) {
            String value = normalized(changes.get(unique));
            if (value == null) {
                continue;
            }
            String holder = index(o, unique).get(value);
            if (holder != null && !holder.equals(existingId)) {
                return failed("DUPLICATE_VALUE", "duplicate value found: " + unique
                        + " duplicates value on record with id: " + SalesforceIds.shortForm(holder));
            }
        }

        boolean created = existing == null;
        String id = created ? SalesforceIds.id(o.keyPrefix, ++idSequence) : existingId;
        Map<String, Object> after = new LinkedHashMap<>();
        if (created) {
            after.put("Id", id);
            if (o.description.custom() && "Text".equals(o.description.nameFieldType()) && changes.get("Name") == null) {
                // a custom record created without a Name is named by its id
                after.put("Name", id);
            }
        } else {
            after.putAll(existing);
        }
        after.putAll(changes);
        stamp(o, after, created, integrationUserId);
        replace(o, id, existing, after);
        undo.add(new Undo(o, id, existing, after));
        return new UpsertResult(id, created, List.of());
    }

    private record ParentLookup(String id, SaveError error) {
    }

    /** The active validation rules whose error condition holds for the record as this save would leave it. */
    private List<SaveError> validationErrors(SObject o, Map<String, Object> existing, Map<String, Object> changes) {
        if (o.validationRules.isEmpty()) {
            return List.of();
        }
        Map<String, Object> after = new LinkedHashMap<>(existing == null ? Map.of() : existing);
        after.putAll(changes);
        SalesforceFormula.Save save = new SalesforceFormula.Save() {
            public Object value(String path) {
                return valueAt(o, after, path);
            }

            public Object priorValue(String field) {
                return (existing == null ? after : existing).get(o.canonical(field));
            }

            public boolean isNew() {
                return existing == null;
            }
        };
        return o.validationRules.stream()
                .filter(rule -> rule.active() && !o.switchedOff.contains(rule.fullName()))
                .filter(rule -> rule.errorCondition().isTrue(save))
                .map(ValidationRuleDescription::error).toList();
    }

    /** A field of a record, or a path through its lookups ({@code RecordType.DeveloperName}). */
    private Object valueAt(SObject o, Map<String, Object> record, String path) {
        int dot = path.indexOf('.');
        if (dot < 0) {
            return record.get(o.canonical(path));
        }
        FieldDescription lookup = o.description.relationship(path.substring(0, dot));
        SObject parent = lookup == null ? null : objects.get(lookup.referencedObject());
        Object parentId = lookup == null ? null : record.get(o.canonical(lookup.name()));
        Map<String, Object> parentRecord = parent == null || parentId == null ? null : parent.records.get(String.valueOf(parentId));
        return parentRecord == null ? null : valueAt(parent, parentRecord, path.substring(dot + 1));
    }

    /** A record Salesforce cannot read (a field the object lacks, a value its type cannot take) fails the whole call. */
    private static void refuseUnreadable(SObject o, List<Map<String, Object>> records) {
        for (Map<String, Object> record : records) {
            RecordRules.requestProblem(o.description, record).ifPresent(problem -> {
                throw new SalesforceApiException(400, problem.statusCode(), problem.message());
            });
        }
    }

    /** The record type a record is saved under: the one it names, else the one it has. */
    private RecordTypeDescription recordTypeOf(SObject o, Map<String, Object> changes, Map<String, Object> existing) {
        Object id = changes.containsKey(o.canonical("RecordTypeId")) ? changes.get(o.canonical("RecordTypeId"))
                : existing == null ? null : existing.get(o.canonical("RecordTypeId"));
        Map<String, Object> recordType = id == null ? null : objects.get("RecordType").records.get(String.valueOf(id));
        return recordType == null ? null : o.description.recordTypes().get(String.valueOf(recordType.get("DeveloperName")));
    }

    /** Every record holding a value in a field that is not unique, for an upsert that must find one. */
    private static List<String> holders(SObject o, String field, String key) {
        List<String> ids = new ArrayList<>();
        o.records.forEach((id, record) -> {
            if (key.equals(normalized(record.get(field)))) {
                ids.add(SalesforceIds.shortForm(id));
            }
        });
        return ids;
    }

    /**
     * sObject Collections update: each record names its type in {@code attributes.type} and itself by
     * {@code Id}; results come back in request order, without {@code created}.
     */
    synchronized List<UpsertResult> update(boolean allOrNone, List<Map<String, Object>> records) {
        for (Map<String, Object> record : records) {
            Object type = record.get("attributes") instanceof Map<?, ?> attributes ? attributes.get("type") : null;
            SObject o = type == null ? null : objects.get(String.valueOf(type));
            if (o != null) {
                refuseUnreadable(o, List.of(record));
            }
        }
        List<Undo> undo = new ArrayList<>();
        List<UpsertResult> results = new ArrayList<>(records.size());
        for (Map<String, Object> record : records) {
            Object type = record.get("attributes") instanceof Map<?, ?> attributes ? attributes.get("type") : null;
            SObject o = type == null ? null : objects.get(String.valueOf(type));
            if (o == null) {
                results.add(failed("INVALID_TYPE", "sObject type '" + type + "' is not supported."));
                continue;
            }
            Object id = record.get("Id");
            Map<String, Object> existing = id == null ? null : o.records.get(String.valueOf(id));
            if (existing == null) {
                results.add(failed(id == null ? "MISSING_ARGUMENT" : "INVALID_CROSS_REFERENCE_KEY",
                        id == null ? "Id not specified in an update call" : "invalid cross reference id"));
                continue;
            }
            Map<String, Object> changes = o.canonicalFields(record);
            List<SaveError> refused = new ArrayList<>(RecordRules.valueErrors(o.description, changes, recordTypeOf(o, changes, existing)));
            List<String> blanked = o.required.stream().filter(f -> changes.containsKey(f) && (changes.get(f) == null || "".equals(changes.get(f)))).toList();
            if (!blanked.isEmpty()) {
                refused.add(new SaveError("REQUIRED_FIELD_MISSING", "Required fields are missing: " + blanked, blanked));
            }
            if (refused.isEmpty()) {
                refused.addAll(validationErrors(o, existing, changes));
            }
            if (!refused.isEmpty()) {
                results.add(new UpsertResult(null, false, refused));
                continue;
            }
            Map<String, Object> after = new LinkedHashMap<>(existing);
            changes.forEach((field, value) -> {
                if (!field.equals("Id")) {
                    after.put(field, value);
                }
            });
            stamp(o, after, false, integrationUserId);
            replace(o, String.valueOf(id), existing, after);
            undo.add(new Undo(o, String.valueOf(id), existing, after));
            results.add(new UpsertResult(String.valueOf(id), false, List.of()));
        }
        if (allOrNone && results.stream().anyMatch(r -> !r.success())) {
            for (int i = undo.size() - 1; i >= 0; i--) {
                replace(undo.get(i).object(), undo.get(i).id(), undo.get(i).after(), undo.get(i).before());
            }
            SaveError rolledBack = new SaveError("ALL_OR_NONE_OPERATION_ROLLED_BACK",
                    "Record rolled back because not all records were valid and the request was using AllOrNone header", List.of());
            return results.stream().map(r -> r.success() ? new UpsertResult(null, false, List.of(rolledBack)) : r).toList();
        }
        return results;
    }

    /**
     * A person's edit in the Salesforce UI: creates the record when {@code id} is null, else changes the
     * given fields. System fields, the Case number and field history follow, as Salesforce keeps them.
     *
     * @return the record's id
     */
    synchronized String saveAs(String userId, String object, String id, Map<String, Object> fields) {
        SObject o = known(object);
        Map<String, Object> existing = id == null ? null : o.records.get(id);
        if (id != null && existing == null) {
            throw new IllegalArgumentException("no " + object + " with id " + id);
        }
        RecordRules.requestProblem(o.description, fields).ifPresent(problem -> {
            throw new IllegalArgumentException("Salesforce refuses this " + object + ": " + problem);
        });
        List<SaveError> refused = new ArrayList<>(RecordRules.valueErrors(o.description, fields, recordTypeOf(o, o.canonicalFields(fields), existing)));
        if (refused.isEmpty()) {
            refused.addAll(validationErrors(o, existing, o.canonicalFields(fields)));
        }
        if (!refused.isEmpty()) {
            throw new IllegalArgumentException("Salesforce refuses this " + object + ": " + refused);
        }
        String recordId = id != null ? id : SalesforceIds.id(o.keyPrefix, ++idSequence);
        Map<String, Object> after = new LinkedHashMap<>();
        if (existing == null) {
            after.put("Id", recordId);
            if (o.name.equals("Case")) {
                after.put("CaseNumber", String.format("%08d", ++caseNumberSequence));
            }
        } else {
            after.putAll(existing);
        }
        after.putAll(o.canonicalFields(fields));
        stamp(o, after, existing == null, userId);
        replace(o, recordId, existing, after);
        return recordId;
    }

    /** Sets the audit fields on a record being saved, and records tracked field changes in its history. */
    private void stamp(SObject o, Map<String, Object> after, boolean created, String userId) {
        String now = SoqlQuery.SALESFORCE_DATETIME.format(clock.instant().atOffset(ZoneOffset.UTC));
        if (created) {
            after.put(o.canonical("CreatedDate"), now);
            after.put(o.canonical("CreatedById"), userId);
        }
        after.put(o.canonical("LastModifiedDate"), now);
        after.put(o.canonical("LastModifiedById"), userId);
        after.put(o.canonical("SystemModstamp"), now);
        SObject history = objects.get(o.name + "History");
        if (history == null || created) {
            return;
        }
        Map<String, Object> before = o.records.getOrDefault(String.valueOf(after.get("Id")), Map.of());
        for (String field : o.tracked) {
            Object old = before.get(o.canonical(field));
            Object value = after.get(o.canonical(field));
            if (!Objects.equals(old, value)) {
                String historyId = SalesforceIds.id(history.keyPrefix, ++idSequence);
                Map<String, Object> row = new LinkedHashMap<>();
                row.put("Id", historyId);
                row.put(o.name + "Id", after.get("Id"));
                row.put("Field", field);
                row.put("OldValue", old);
                row.put("NewValue", value);
                row.put("CreatedDate", now);
                row.put("CreatedById", userId);
                replace(history, historyId, null, history.canonicalFields(row));
            }
        }
    }

    /**
     * An owner that is not a user or a queue is refused the way Salesforce refuses it, naming the field
     * by its label ({@code Assigned To ID} on a Task).
     */
    private static SaveError ownerProblem(SObject o, Map<String, Object> changes) {
        if (o.ownerLabel == null) {
            return null;
        }
        String ownerField = o.canonical("OwnerId");
        Object owner = changes.get(ownerField);
        if (owner == null || "".equals(owner) || owner instanceof String s && OWNER_ID.matcher(s).matches()) {
            return null;
        }
        return new SaveError("FIELD_INTEGRITY_EXCEPTION", o.ownerLabel + ": id value of incorrect type: " + owner,
                List.of(ownerField));
    }

    /**
     * A polymorphic reference ({@code What} on a Task) names the parent's object in {@code attributes.type};
     * the parent is then found by the one external id field the reference holds, as for any other parent.
     */
    private ParentLookup resolvePolymorphic(SObject child, String relationship, Map<?, ?> reference) {
        Object type = reference.get("attributes") instanceof Map<?, ?> attributes ? attributes.get("type") : null;
        if (!(type instanceof String parentName) || parentName.isBlank()) {
            return new ParentLookup(null, new SaveError("INVALID_FIELD", "The polymorphic foreign key reference " + relationship
                    + " on " + child.name + " must name the referenced sObject in attributes.type", List.of(relationship)));
        }
        if (!objects.containsKey(parentName)) {
            return new ParentLookup(null, new SaveError("INVALID_TYPE", "sObject type '" + parentName + "' is not supported.",
                    List.of(relationship)));
        }
        return lookUp(parentName, reference);
    }

    private ParentLookup resolveParent(SObject child, String relationship, Map<?, ?> reference) {
        String parentName = child.relationships.get(relationship);
        if (parentName == null) {
            return new ParentLookup(null, RecordRules.noSuchColumn(child.description, relationship));
        }
        return lookUp(parentName, reference);
    }

    /** The id of the {@code parentName} record that the reference's one external id field names. */
    private ParentLookup lookUp(String parentName, Map<?, ?> reference) {
        List<String> keys = reference.keySet().stream().map(String::valueOf).filter(k -> !k.equals("attributes")).toList();
        if (keys.size() != 1) {
            return new ParentLookup(null, new SaveError("INVALID_FIELD",
                    "More than 1 field provided in an external foreign key reference in entity: " + parentName, List.of()));
        }
        Object value = reference.get(keys.get(0));
        SObject parent = objects.get(parentName);
        if (parent != null && !RecordRules.isReferenceKey(parent.description, keys.get(0))) {
            return new ParentLookup(null, SaveError.of("INVALID_FIELD", "Field name provided, " + keys.get(0)
                    + " is not an External ID or indexed field for " + parent.name));
        }
        String id = null;
        if (parent != null && value != null) {
            String field = parent.canonical(keys.get(0));
            id = field.equals("Id") ? (parent.records.containsKey(String.valueOf(value)) ? String.valueOf(value) : null)
                    : index(parent, field).get(normalized(value));
        }
        if (id == null) {
            return new ParentLookup(null, new SaveError("INVALID_FIELD", "Foreign key external ID: " + value
                    + " not found for field " + keys.get(0) + " in entity " + (parent == null ? parentName : parent.name), List.of()));
        }
        return new ParentLookup(id, null);
    }

    private static boolean isRelationshipName(SObject o, String field) {
        return o.relationships.containsKey(field);
    }

    /** {@code Customer__r} is stored as {@code Customer__c}; a standard {@code Account} as {@code AccountId}. */
    private static String idFieldOf(String relationship) {
        return relationship.endsWith("__r") ? relationship.substring(0, relationship.length() - 3) + "__c" : relationship + "Id";
    }

    private static Set<String> repeatedKeys(List<Map<String, Object>> records, String keyField) {
        Set<String> seen = new HashSet<>();
        Set<String> repeated = new HashSet<>();
        for (Map<String, Object> record : records) {
            String key = normalized(record.get(keyField));
            if (key != null && !seen.add(key)) {
                repeated.add(key);
            }
        }
        return repeated;
    }

    private static UpsertResult failed(String statusCode, String message) {
        return new UpsertResult(null, false, List.of(new SaveError(statusCode, message, List.of())));
    }

    private record Undo(SObject object, String id, Map<String, Object> before, Map<String, Object> after) {
    }

    private void replace(SObject o, String id, Map<String, Object> before, Map<String, Object> after) {
        for (Map.Entry<String, Map<String, String>> index : o.indexes.entrySet()) {
            String old = before == null ? null : normalized(before.get(index.getKey()));
            String now = after == null ? null : normalized(after.get(index.getKey()));
            if (old != null && id.equals(index.getValue().get(old))) {
                index.getValue().remove(old);
            }
            if (now != null) {
                index.getValue().put(now, id);
            }
        }
        if (after == null) {
            o.records.remove(id);
        } else {
            o.records.put(id, after);
        }
    }

    private static Map<String, String> index(SObject o, String field) {
        return o.indexes.computeIfAbsent(field, f -> {
            Map<String, String> index = new HashMap<>();
            o.records.forEach((id, record) -> {
                String value = normalized(record.get(f));
                if (value != null) {
                    index.put(value, id);
                }
            });
            return index;
        });
    }

    /** External ids and unique text match ignoring case in Salesforce; numbers match by value. */
    private static String normalized(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof BigDecimal || value instanceof Number) {
            return new BigDecimal(value.toString()).stripTrailingZeros().toPlainString();
        }
        return value.toString().toLowerCase(Locale.ROOT);
    }

    // ---------------------------------------------------------------- reads

    synchronized QueryPage query(SoqlQuery q, String version, Integer batchSize) {
        SObject o = objects.get(q.object());
        if (o == null) {
            throw new SalesforceApiException(400, "INVALID_TYPE", pointer(q, q.objectColumn(),
                    "sObject type '" + q.object() + "' is not supported. If you are attempting to use a custom object, "
                            + "be sure to append the '__c' after the entity name. Please reference your WSDL or the "
                            + "describe call for the appropriate names."));
        }
        for (String field : q.fields()) {
            checkPath(o, q, field);
        }
        // Id is every object's own field, outside the metadata the org was loaded from
        q.aggregates().stream().filter(a -> !a.field().equalsIgnoreCase("Id")).forEach(a -> checkPath(o, q, a.field()));
        if (q.groupBy() != null) {
            checkPath(o, q, q.groupBy());
        }
        q.conditions().forEach(c -> checkPath(o, q, c.field()));
        q.orderBy().forEach(c -> checkPath(o, q, c.field()));

        List<Map<String, Object>> rows = new ArrayList<>();
        for (Map<String, Object> record : o.records.values()) {
            if (q.matches(path -> valueOf(o, record, path))) {
                rows.add(record);
            }
        }
        if (!q.orderBy().isEmpty()) {
            rows.sort(q.ordering(record -> path -> valueOf(o, record, path)));
        }
        if (q.aggregated()) {
            // LIMIT and OFFSET count groups, not records
            List<Map<String, Object>> results = window(q, aggregate(o, q, rows));
            return new QueryPage(results.size(), true, null, results);
        }
        rows = window(q, rows);
        if (q.count()) {
            return new QueryPage(rows.size(), true, null, List.of());
        }
        List<Map<String, Object>> rendered = new ArrayList<>(rows.size());
        for (Map<String, Object> record : rows) {
            rendered.add(render(o, record, q.fields(), version));
        }
        int pageSize = batchSize == null ? queryPageSize : Math.max(200, Math.min(2000, batchSize));
        if (rendered.size() <= pageSize) {
            return new QueryPage(rendered.size(), true, null, rendered);
        }
        String locator = SalesforceIds.id("01g", ++cursorSequence);
        cursors.put(locator, new Cursor(rendered, version, pageSize));
        if (cursors.size() > MAX_OPEN_CURSORS) {
            Iterator<String> oldest = cursors.keySet().iterator();
            oldest.next();
            oldest.remove();
        }
        return new QueryPage(rendered.size(), false, nextRecordsUrl(version, locator, pageSize), rendered.subList(0, pageSize));
    }

    private static <T> List<T> window(SoqlQuery q, List<T> rows) {
        int from = Math.min(rows.size(), q.offset() == null ? 0 : q.offset());
        int to = q.limit() == null ? rows.size() : Math.min(rows.size(), from + q.limit());
        return rows.subList(from, to);
    }

    /** AggregateResult records: one per group (one in all without GROUP BY), the group's value by name, then expr0... */
    private List<Map<String, Object>> aggregate(SObject o, SoqlQuery q, List<Map<String, Object>> rows) {
        Map<Object, List<Map<String, Object>>> groups = new LinkedHashMap<>();
        if (q.groupBy() == null) {
            groups.put("", rows);
        } else {
            rows.forEach(r -> groups.computeIfAbsent(String.valueOf(valueOf(o, r, q.groupBy())), k -> new ArrayList<>()).add(r));
        }
        List<Map<String, Object>> results = new ArrayList<>();
        groups.values().forEach(group -> {
            Map<String, Object> result = new LinkedHashMap<>();
            result.put("attributes", Map.of("type", "AggregateResult"));
            if (q.groupBy() != null) {
                result.put(q.groupBy(), valueOf(o, group.get(0), q.groupBy()));
            }
            for (int i = 0; i < q.aggregates().size(); i++) {
                SoqlQuery.Aggregate a = q.aggregates().get(i);
                List<Object> values = group.stream().map(r -> valueOf(o, r, a.field())).filter(Objects::nonNull).toList();
                result.put("expr" + i, switch (a.function()) {
                    case "COUNT" -> values.size();
                    case "SUM" -> values.isEmpty() ? null : values.stream().map(v -> new BigDecimal(v.toString())).reduce(BigDecimal.ZERO, BigDecimal::add);
                    case "MIN" -> values.stream().map(v -> new BigDecimal(v.toString())).min(BigDecimal::compareTo).orElse(null);
                    default -> values.stream().map(v -> new BigDecimal(v.toString())).max(BigDecimal::compareTo).orElse(null);
                });
            }
            results.add(result);
        });
        return results;
    }

    synchronized QueryPage queryMore(String locator, int offset) {
        Cursor cursor = cursors.get(locator);
        if (cursor == null || offset < 0 || offset > cursor.rows().size()) {
            throw new SalesforceApiException(400, "INVALID_QUERY_LOCATOR", "invalid query locator");
        }
        int end = Math.min(cursor.rows().size(), offset + cursor.pageSize());
        boolean done = end == cursor.rows().size();
        return new QueryPage(cursor.rows().size(), done, done ? null : nextRecordsUrl(cursor.version(), locator, end),
                cursor.rows().subList(offset, end));
    }

    private record Cursor(List<Map<String, Object>> rows, String version, int pageSize) {
    }

    private static String nextRecordsUrl(String version, String locator, int offset) {
        return "/services/data/v" + version + "/query/" + locator + "-" + offset;
    }

    private void checkPath(SObject o, SoqlQuery q, String path) {
        int dot = path.indexOf('.');
        if (dot >= 0 && !o.relationships.containsKey(path.substring(0, dot)) && !o.polymorphic.contains(path.substring(0, dot))) {
            int column = q.text().toLowerCase(Locale.ROOT).indexOf(path.toLowerCase(Locale.ROOT)) + 1;
            throw new SalesforceApiException(400, "INVALID_FIELD", pointer(q, Math.max(1, column),
                    "Didn't understand relationship '" + path.substring(0, dot) + "' in field path. If you are attempting "
                            + "to use a custom relationship, be sure to append the '__r' after the custom relationship "
                            + "name. Please reference your WSDL or the describe call for the appropriate names."));
        }
        SObject owner = dot < 0 ? o : o.polymorphic.contains(path.substring(0, dot)) ? null : objects.get(o.relationships.get(path.substring(0, dot)));
        String field = path.substring(dot + 1);
        if (owner != null && owner.description.field(field) == null) {
            int column = q.text().toLowerCase(Locale.ROOT).indexOf(path.toLowerCase(Locale.ROOT)) + 1;
            throw new SalesforceApiException(400, "INVALID_FIELD", pointer(q, Math.max(1, column),
                    "No such column '" + field + "' on entity '" + owner.name + "'. If you are attempting to use a custom "
                            + "field, be sure to append the '__c' after the custom field name. Please reference your WSDL or "
                            + "the describe call for the appropriate names."));
        }
    }

    private Object valueOf(SObject o, Map<String, Object> record, String path) {
        int dot = path.indexOf('.');
        if (dot < 0) {
            return record.get(o.canonical(path));
        }
        String relationship = path.substring(0, dot);
        Map<String, Object> parent = parentOf(o, record, relationship);
        return parent == null ? null : parent.get(parentObject(o, record, relationship).canonical(path.substring(dot + 1)));
    }

    private Map<String, Object> parentOf(SObject o, Map<String, Object> record, String relationship) {
        Object parentId = record.get(o.canonical(idFieldOf(o.canonical(relationship))));
        SObject parent = parentObject(o, record, relationship);
        return parentId == null || parent == null ? null : parent.records.get(String.valueOf(parentId));
    }

    /** The object a relationship points at: fixed for a lookup, named by the stored id's key prefix for What. */
    private SObject parentObject(SObject o, Map<String, Object> record, String relationship) {
        if (!o.polymorphic.contains(relationship)) {
            return objects.get(o.relationships.get(relationship));
        }
        Object parentId = record.get(o.canonical(idFieldOf(o.canonical(relationship))));
        if (parentId == null) {
            return null;
        }
        String prefix = String.valueOf(parentId).substring(0, 3);
        return objects.values().stream().filter(candidate -> candidate.keyPrefix.equals(prefix)).findFirst().orElse(null);
    }

    private Map<String, Object> render(SObject o, Map<String, Object> record, List<String> paths, String version) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("attributes", attributes(o.name, record.get("Id"), version));
        for (String path : paths) {
            int dot = path.indexOf('.');
            if (dot < 0) {
                row.put(o.canonical(path), record.get(o.canonical(path)));
                continue;
            }
            String relationship = o.canonical(path.substring(0, dot));
            Map<String, Object> parent = parentOf(o, record, relationship);
            if (parent == null) {
                row.put(relationship, null);
                continue;
            }
            SObject parentObject = parentObject(o, record, relationship);
            @SuppressWarnings("unchecked")
            Map<String, Object> nested = (Map<String, Object>) row.computeIfAbsent(relationship, r -> {
                Map<String, Object> n = new LinkedHashMap<>();
                n.put("attributes", attributes(parentObject.name, parent.get("Id"), version));
                return n;
            });
            String field = parentObject.canonical(path.substring(dot + 1));
            nested.put(field, parent.get(field));
        }
        return row;
    }

    private static Map<String, Object> attributes(String type, Object id, String version) {
        Map<String, Object> attributes = new LinkedHashMap<>();
        attributes.put("type", type);
        attributes.put("url", "/services/data/v" + version + "/sobjects/" + type + "/" + id);
        return attributes;
    }

    private static String pointer(SoqlQuery q, int column, String reason) {
        return "\n" + q.text() + "\n" + " ".repeat(Math.max(0, column - 1)) + "^\nERROR at Row:1:Column:" + column + "\n" + reason;
    }

    // ---------------------------------------------------------------- inspection

    /** Stored records of an object by their external id (by Id when they have none), in creation order. */
    synchronized Map<String, Map<String, Object>> records(String object) {
        SObject o = objects.get(object);
        if (o == null) {
            return Map.of();
        }
        Map<String, Map<String, Object>> copy = new LinkedHashMap<>();
        for (Map<String, Object> record : o.records.values()) {
            Object key = o.primaryExternalId == null ? null : record.get(o.primaryExternalId);
            copy.put(String.valueOf(key == null ? record.get("Id") : key), Collections.unmodifiableMap(new LinkedHashMap<>(record)));
        }
        return Collections.unmodifiableMap(copy);
    }

    synchronized int writeCalls(String object) {
        SObject o = objects.get(object);
        return o == null ? 0 : o.writeCalls;
    }

    synchronized int upsertCallsWith(String object, String field) {
        SObject o = objects.get(object);
        return o == null ? 0 : o.upsertsWith.getOrDefault(field, 0);
    }

    synchronized int totalWriteCalls() {
        return objects.values().stream().mapToInt(o -> o.writeCalls).sum();
    }

    synchronized int createdCount(String object, String externalId) {
        SObject o = objects.get(object);
        return o == null ? 0 : o.created.getOrDefault(normalized(externalId), 0);
    }

    /** Whether the org's metadata defines the object. */
    synchronized boolean knows(String object) {
        return objects.containsKey(object);
    }

    // ---------------------------------------------------------------- objects

    /** An object of the org as its metadata describes it: external ids, lookups, required, unique and tracked fields. */
    private void define(ObjectDescription description) {
        String prefix = KEY_PREFIXES.get(description.name());
        if (prefix == null) {
            String chars = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
            int n = customPrefixSequence++;
            prefix = "a" + chars.charAt(n / 62 % 62) + chars.charAt(n % 62);
        }
        SObject o = new SObject(description, prefix);
        for (FieldDescription field : description.fields().values()) {
            if (field.externalId()) {
                o.externalIds.add(field.name());
                if (o.primaryExternalId == null) {
                    o.primaryExternalId = field.name();
                }
            }
            if (field.unique()) {
                o.unique.add(field.name());
            }
            if (field.required()) {
                o.required.add(field.name());
            }
            if (field.trackHistory()) {
                o.tracked.add(field.name());
            }
            if (field.isPolymorphic()) {
                o.polymorphic.add(field.relationshipName());
            } else if (field.isReference()) {
                o.relationships.put(field.relationshipName(), field.referencedObject());
            }
        }
        FieldDescription owner = description.field("OwnerId");
        o.ownerLabel = owner == null ? null : owner.label();
        objects.put(description.name(), o);
    }

    /** An object the metadata defines; any other is not there for Salesforce's API. */
    private SObject known(String name) {
        SObject o = objects.get(name);
        if (o == null) {
            throw new SalesforceApiException(400, "INVALID_TYPE", "sObject type '" + name + "' is not supported. If you are "
                    + "attempting to use a custom object, be sure to append the '__c' after the entity name. Please reference "
                    + "your WSDL or the describe call for the appropriate names.");
        }
        return o;
    }

    private static final class SObject {
        final String name;
        final String keyPrefix;
        final ObjectDescription description;
        String primaryExternalId;
        final Set<String> externalIds = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
        final Set<String> required = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
        final Set<String> unique = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
        /** Fields whose changes Salesforce's field history tracking records. */
        final Set<String> tracked = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
        final List<ValidationRuleDescription> validationRules = new ArrayList<>();
        /** Rules an admin switched off. */
        final Set<String> switchedOff = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
        final Map<String, String> relationships = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        /** Relationships whose reference names its object in {@code attributes.type}: What on a Task. */
        final Set<String> polymorphic = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
        /** The label Salesforce gives OwnerId in errors, for an object whose owner is checked; null for none. */
        String ownerLabel;
        final LinkedHashMap<String, Map<String, Object>> records = new LinkedHashMap<>();
        final Map<String, Map<String, String>> indexes = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        final Map<String, Integer> created = new HashMap<>();
        int writeCalls;
        /** Upsert calls by a field their records carried: the calls of one facet of a record (Lease__c's recovery risk). */
        final Map<String, Integer> upsertsWith = new HashMap<>();

        SObject(ObjectDescription description, String keyPrefix) {
            this.name = description.name();
            this.description = description;
            this.keyPrefix = keyPrefix;
        }

        /** A field or relationship by the spelling the metadata gives it; a name it lacks as given. */
        String canonical(String field) {
            FieldDescription described = description.field(field);
            if (described != null) {
                return described.name();
            }
            FieldDescription lookup = description.relationship(field);
            return lookup == null ? field : lookup.relationshipName();
        }

        Map<String, Object> canonicalFields(Map<String, Object> record) {
            Map<String, Object> out = new LinkedHashMap<>();
            record.forEach((field, value) -> {
                if (!field.equals("attributes")) {
                    out.put(canonical(field), value);
                }
            });
            return out;
        }

        void clear() {
            switchedOff.clear();
            records.clear();
            indexes.clear();
            created.clear();
            writeCalls = 0;
            upsertsWith.clear();
        }
    }
}
