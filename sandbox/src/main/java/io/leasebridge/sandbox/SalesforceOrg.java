package io.leasebridge.sandbox;

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
 * (external-id upsert, parent references by external id, required and unique fields, all-or-none).
 * Every method holds the org's lock, so concurrent requests see each upsert as one transaction.
 *
 * <p>There is no metadata: an object the org was not told about is learned on its first write when
 * its name ends in {@code __c} (or is a common standard object), and any field is accepted.
 *
 * <p>The objects LeaseBridge writes are declared up front with their external ids, parent relationships
 * and required fields. A Task relates to its record through the polymorphic {@code What}, whose
 * reference names the parent's type in {@code attributes} and is stored as {@code WhatId}; its owner
 * must be a user or a queue, as Salesforce insists.
 */
final class SalesforceOrg {

    static final int COLLECTION_LIMIT = 200;
    static final int DEFAULT_QUERY_PAGE = 2000;
    /** Salesforce keeps at most ten query cursors open per user and drops the oldest. */
    static final int MAX_OPEN_CURSORS = 10;
    /** A record's owner is a user (005) or a queue, which is a group (00G), by id of 15 or 18 characters. */
    private static final Pattern OWNER_ID = Pattern.compile("(005|00G)[0-9A-Za-z]{12}([0-9A-Za-z]{3})?");

    private static final Map<String, String> STANDARD_PREFIXES = Map.of(
            "Account", "001", "Contact", "003", "Opportunity", "006", "Lead", "00Q",
            "Case", "500", "Task", "00T", "Event", "00U", "Note", "002");

    record SaveError(String statusCode, String message, List<String> fields) {
    }

    record UpsertResult(String id, boolean created, List<SaveError> errors) {
        boolean success() {
            return errors.isEmpty();
        }
    }

    record QueryPage(int totalSize, boolean done, String nextRecordsUrl, List<Map<String, Object>> records) {
    }

    private final Map<String, SObject> objects = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    private final LinkedHashMap<String, Cursor> cursors = new LinkedHashMap<>();
    private int customPrefixSequence = 4;
    private long idSequence;
    private long cursorSequence;
    private int queryPageSize = DEFAULT_QUERY_PAGE;
    private final Clock clock;
    private final String integrationUserId;
    /** Fields whose changes Salesforce's field history tracking records: object -> fields. */
    private final Map<String, Set<String>> trackedFields = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    private long caseNumberSequence;

    SalesforceOrg() {
        this(Clock.systemUTC(), SalesforceIds.id("005", 1));
    }

    SalesforceOrg(Clock clock, String integrationUserId) {
        this.clock = clock;
        this.integrationUserId = integrationUserId;
        SObject user = define("User", "005", true);
        user.required.add(user.canonical("Name"));
        SObject recordType = define("RecordType", "012", true);
        recordType.required.add(recordType.canonical("DeveloperName"));
        SObject caseObject = define("Case", "500", true);
        caseObject.relationships.put(caseObject.canonical("RecordType"), "RecordType");
        caseObject.relationships.put(caseObject.canonical("LastModifiedBy"), "User");
        caseObject.relationships.put(caseObject.canonical("Vehicle__r"), "Vehicle__c");
        SObject caseHistory = define("CaseHistory", "017", true);
        caseHistory.relationships.put(caseHistory.canonical("Case"), "Case");
        caseHistory.relationships.put(caseHistory.canonical("CreatedBy"), "User");
        trackedFields.computeIfAbsent("Case", k -> new TreeSet<>(String.CASE_INSENSITIVE_ORDER)).add("Repo_Status__c");
        seedIntegrationUser();
    }

    private void seedIntegrationUser() {
        SObject user = objects.get("User");
        user.records.put(integrationUserId, user.canonicalFields(Map.of("Id", integrationUserId, "Name", "LeaseBridge Integration")));

        SObject account = define("Account", "001", true);
        account.externalIds.add(account.canonical("LeaseWorks_Customer_Id__c"));
        account.primaryExternalId = "LeaseWorks_Customer_Id__c";
        account.required.add(account.canonical("Name"));

        SObject lease = define("Lease__c", "a01", true);
        lease.externalIds.add(lease.canonical("LeaseWorks_Lease_Id__c"));
        lease.primaryExternalId = "LeaseWorks_Lease_Id__c";
        lease.required.add(lease.canonical("Name"));
        lease.relationships.put(lease.canonical("Customer__r"), "Account");

        SObject payment = define("Payment__c", "a02", true);
        payment.externalIds.add(payment.canonical("LeaseWorks_Payment_Id__c"));
        payment.primaryExternalId = "LeaseWorks_Payment_Id__c";
        payment.required.add(payment.canonical("Amount__c"));
        payment.relationships.put(payment.canonical("Lease__r"), "Lease__c");

        SObject note = define("Collector_Note__c", "a03", true);
        note.externalIds.add(note.canonical("LeaseWorks_Note_Id__c"));
        note.primaryExternalId = "LeaseWorks_Note_Id__c";
        note.required.add(note.canonical("Body__c"));
        note.relationships.put(note.canonical("Lease__r"), "Lease__c");

        SObject promise = define("Promise_To_Pay__c", "a04", true);
        promise.externalIds.add(promise.canonical("Ledger_Promise_Id__c"));
        promise.primaryExternalId = "Ledger_Promise_Id__c";
        promise.required.add(promise.canonical("Amount__c"));
        promise.relationships.put(promise.canonical("Lease__r"), "Lease__c");
        SObject vehicle = define("Vehicle__c", "a05", true);
        vehicle.externalIds.add(vehicle.canonical("VIN__c"));
        vehicle.primaryExternalId = "VIN__c";
        vehicle.unique.add(vehicle.canonical("VIN__c"));
        vehicle.relationships.put(vehicle.canonical("Lease__r"), "Lease__c");
        customPrefixSequence = 6;

        SObject task = define("Task", "00T", true);
        task.externalIds.add(task.canonical("LeaseBridge_Key__c"));
        task.primaryExternalId = "LeaseBridge_Key__c";
        task.required.add(task.canonical("OwnerId"));
        task.polymorphic.add(task.canonical("What"));
        task.ownerLabel = "Assigned To ID";

        // FleetRock repair orders: WorkOrder under its Vehicle__c (by VIN), line items under their WorkOrder
        SObject workOrder = define("WorkOrder", "0WO", true);
        workOrder.externalIds.add(workOrder.canonical("FleetRock_RO_Id__c"));
        workOrder.primaryExternalId = "FleetRock_RO_Id__c";
        workOrder.relationships.put(workOrder.canonical("Vehicle__r"), "Vehicle__c");
        SObject workOrderLine = define("WorkOrderLineItem", "1WL", true);
        workOrderLine.externalIds.add(workOrderLine.canonical("FleetRock_Line_Id__c"));
        workOrderLine.primaryExternalId = "FleetRock_Line_Id__c";
        workOrderLine.relationships.put(workOrderLine.canonical("WorkOrder"), "WorkOrder");
        workOrderLine.required.add(workOrderLine.canonical("WorkOrderId"));
    }

    // ---------------------------------------------------------------- configuration

    synchronized void uniqueField(String object, String field) {
        SObject o = declared(object);
        o.unique.add(o.canonical(field));
    }

    synchronized void requiredField(String object, String field) {
        SObject o = declared(object);
        o.required.add(o.canonical(field));
    }

    synchronized void externalIdField(String object, String field) {
        SObject o = declared(object);
        o.externalIds.add(o.canonical(field));
        if (o.primaryExternalId == null) {
            o.primaryExternalId = o.canonical(field);
        }
    }

    synchronized void relationship(String object, String relationshipName, String parentObject) {
        SObject o = declared(object);
        o.relationships.put(o.canonical(relationshipName), parentObject);
    }

    synchronized void queryPageSize(int size) {
        if (size < 1) {
            throw new IllegalArgumentException("a query page holds at least one record: " + size);
        }
        this.queryPageSize = size;
    }

    /** Forgets every record, count and open cursor; keeps the objects and rules it was told about. */
    synchronized void reset() {
        objects.values().removeIf(o -> !o.declared);
        objects.values().forEach(SObject::clear);
        cursors.clear();
        idSequence = 0;
        cursorSequence = 0;
        caseNumberSequence = 0;
        seedIntegrationUser();
    }

    // ---------------------------------------------------------------- writes

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
        SObject o = writable(objectName);
        String keyField = o.canonical(externalIdField);
        if (!o.externalIds.contains(keyField)) {
            if (o.declared || !keyField.endsWith("__c")) {
                throw new SalesforceApiException(404, "NOT_FOUND",
                        "Provided external ID field does not exist or is not accessible: " + externalIdField);
            }
            o.externalIds.add(keyField);
        }
        if (o.primaryExternalId == null) {
            o.primaryExternalId = keyField;
        }
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
        String existingId = index(o, keyField).get(key);
        Map<String, Object> existing = existingId == null ? null : o.records.get(existingId);

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

    /**
     * sObject Collections update: each record names its type in {@code attributes.type} and itself by
     * {@code Id}; results come back in request order, without {@code created}.
     */
    synchronized List<UpsertResult> update(boolean allOrNone, List<Map<String, Object>> records) {
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
            Map<String, Object> after = new LinkedHashMap<>(existing);
            o.canonicalFields(record).forEach((field, value) -> {
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
        SObject o = declared(object);
        Map<String, Object> existing = id == null ? null : o.records.get(id);
        if (id != null && existing == null) {
            throw new IllegalArgumentException("no " + object + " with id " + id);
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
        Set<String> tracked = trackedFields.get(o.name);
        if (tracked == null) {
            return;
        }
        Map<String, Object> before = created ? Map.of() : o.records.getOrDefault(String.valueOf(after.get("Id")), Map.of());
        for (String field : tracked) {
            Object old = before.get(o.canonical(field));
            Object value = after.get(o.canonical(field));
            if (!created && !Objects.equals(old, value)) {
                SObject history = objects.get(o.name + "History");
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
        List<String> keys = reference.keySet().stream().map(String::valueOf).filter(k -> !k.equals("attributes")).toList();
        String parentName = child.relationships.get(relationship);
        if (parentName == null && keys.size() == 1) {
            parentName = inferParent(keys.get(0));
            if (parentName != null) {
                child.relationships.put(relationship, parentName);
            }
        }
        if (parentName == null) {
            return new ParentLookup(null, new SaveError("INVALID_FIELD",
                    "No such column '" + relationship + "' on sobject of type " + child.name, List.of()));
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

    private String inferParent(String lookupField) {
        String found = null;
        for (SObject candidate : objects.values()) {
            if (candidate.externalIds.contains(lookupField)) {
                if (found != null) {
                    return null;
                }
                found = candidate.name;
            }
        }
        return found;
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
        int from = Math.min(rows.size(), q.offset() == null ? 0 : q.offset());
        int to = q.limit() == null ? rows.size() : Math.min(rows.size(), from + q.limit());
        rows = rows.subList(from, to);
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

    synchronized int totalWriteCalls() {
        return objects.values().stream().mapToInt(o -> o.writeCalls).sum();
    }

    synchronized int createdCount(String object, String externalId) {
        SObject o = objects.get(object);
        return o == null ? 0 : o.created.getOrDefault(normalized(externalId), 0);
    }

    /** Whether the org knows the object (declared, or learned from a write). */
    synchronized boolean knows(String object) {
        return objects.containsKey(object);
    }

    // ---------------------------------------------------------------- objects

    private SObject define(String name, String keyPrefix, boolean declared) {
        SObject o = new SObject(name, keyPrefix, declared);
        objects.put(name, o);
        return o;
    }

    /** An object named by configuration: known ones as they are, new ones declared from now on. */
    private SObject declared(String name) {
        SObject o = objects.get(name);
        if (o == null) {
            o = define(name, prefixFor(name), true);
        }
        o.declared = true;
        return o;
    }

    private SObject writable(String name) {
        SObject o = objects.get(name);
        if (o != null) {
            return o;
        }
        if (!name.matches("[A-Za-z][A-Za-z0-9_]*") || !(name.endsWith("__c") || STANDARD_PREFIXES.containsKey(name))) {
            throw new SalesforceApiException(404, "NOT_FOUND", "The requested resource does not exist");
        }
        return define(name, prefixFor(name), false);
    }

    private String prefixFor(String name) {
        String standard = STANDARD_PREFIXES.get(name);
        if (standard != null) {
            return standard;
        }
        String chars = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
        int n = customPrefixSequence++;
        return "a" + chars.charAt(n / 62 % 62) + chars.charAt(n % 62);
    }

    private static final class SObject {
        final String name;
        final String keyPrefix;
        boolean declared;
        String primaryExternalId;
        final Set<String> externalIds = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
        final Set<String> required = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
        final Set<String> unique = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
        final Map<String, String> relationships = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        /** Relationships whose reference names its object in {@code attributes.type}: What on a Task. */
        final Set<String> polymorphic = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
        /** The label Salesforce gives OwnerId in errors, for an object whose owner is checked; null for none. */
        String ownerLabel;
        /** Field names match ignoring case; the first spelling seen is the one stored and returned. */
        final Map<String, String> fieldNames = new HashMap<>();
        final LinkedHashMap<String, Map<String, Object>> records = new LinkedHashMap<>();
        final Map<String, Map<String, String>> indexes = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        final Map<String, Integer> created = new HashMap<>();
        int writeCalls;

        SObject(String name, String keyPrefix, boolean declared) {
            this.name = name;
            this.keyPrefix = keyPrefix;
            this.declared = declared;
            canonical("Id");
        }

        String canonical(String field) {
            return fieldNames.computeIfAbsent(field.toLowerCase(Locale.ROOT), k -> field);
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
            records.clear();
            indexes.clear();
            created.clear();
            writeCalls = 0;
        }
    }
}
