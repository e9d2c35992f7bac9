package io.leasebridge.hub;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.leasebridge.mapping.FieldSpec;
import io.leasebridge.mapping.LeaseWorksMapping;
import io.leasebridge.mapping.RecordLayout;
import io.leasebridge.mapping.salesforce.SObjectRecord;
import io.leasebridge.mapping.salesforce.SalesforceRecords;
import io.leasebridge.model.CollectorNote;
import io.leasebridge.model.Customer;
import io.leasebridge.model.GlSummaryLine;
import io.leasebridge.model.LeaseAccount;
import io.leasebridge.model.Payment;
import io.leasebridge.model.Promise;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Every canonical field the LeaseWorks field map fills, with the hub columns it is stored in and the Salesforce
 * fields it is sent to. Which Salesforce field a value feeds is found by sending a record whose every value is
 * distinct through {@link SalesforceRecords}, so a field added there is checked without a change here.
 */
final class MappedFields {

    /** One mapped field: {@code hubColumns} as {@code table.column}, {@code salesforceFields} as {@code Object.Field}. */
    record MappedField(Class<? extends Record> type, RecordComponent component, List<String> hubColumns,
                       List<String> salesforceFields) {

        String name() {
            return type.getSimpleName() + "." + component.getName();
        }
    }

    private static final Map<Class<? extends Record>, CanonicalTable<?>> TABLES = Map.of(
            Customer.class, CanonicalTables.CUSTOMER,
            LeaseAccount.class, CanonicalTables.LEASE,
            Payment.class, CanonicalTables.PAYMENT,
            CollectorNote.class, CanonicalTables.COLLECTOR_NOTE);
    /** The ledger keeps a promise snapshot's values in its own tables, under its own names. */
    private static final Map<String, List<String>> PROMISE_COLUMNS = Map.of(
            "leaseId", List.of("promise.lease_id", "promise_event.lease_id"),
            "amount", List.of("promise.amount", "promise_event.amount"),
            "promisedDate", List.of("promise.promised_date", "promise_event.promised_date"),
            "enteredBy", List.of("promise.made_by", "promise_event.actor"),
            "enteredAt", List.of("promise.made_on"));
    /** A promise reaches Salesforce through the ledger's Promise_To_Pay__c, not from the snapshot record. */
    private static final Map<String, List<String>> PROMISE_FIELDS = Map.of(
            "leaseId", List.of("Lease__c.LeaseWorks_Lease_Id__c"),
            "amount", List.of("Promise_To_Pay__c.Amount__c"),
            "enteredBy", List.of("Promise_To_Pay__c.Made_By__c"));

    private MappedFields() {
    }

    static List<MappedField> of(Path config, SalesforceFieldWidths salesforce) {
        LeaseWorksMapping mapping = LeaseWorksMapping.load(config.resolve("mappings/leaseworks.yml"));
        Map<String, MappedField> fields = new LinkedHashMap<>();
        for (String export : exportNames(config)) {
            for (RecordLayout layout : mapping.layout(export).records()) {
                Map<String, List<String>> sent = salesforceFields(layout.type(), salesforce);
                for (FieldSpec spec : layout.fields()) {
                    RecordComponent component = component(layout.type(), spec.field());
                    fields.putIfAbsent(layout.type().getSimpleName() + "." + spec.field(), new MappedField(layout.type(), component,
                            hubColumns(layout.type(), spec.field()), sent.getOrDefault(spec.field(), List.of())));
                }
            }
        }
        return List.copyOf(fields.values());
    }

    private static List<String> exportNames(Path config) {
        try {
            List<String> names = new ArrayList<>();
            new ObjectMapper(new YAMLFactory()).readTree(config.resolve("mappings/leaseworks.yml").toFile())
                    .path("exports").fieldNames().forEachRemaining(names::add);
            return names;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<String> hubColumns(Class<? extends Record> type, String field) {
        if (TABLES.containsKey(type)) {
            return List.of(TABLES.get(type).table() + "." + CanonicalTable.column(field));
        }
        if (type == Promise.class) {
            return PROMISE_COLUMNS.getOrDefault(field, List.of());
        }
        if (type == GlSummaryLine.class) {
            return List.of("gl_summary_line." + CanonicalTable.column(field));
        }
        throw new IllegalStateException("no hub table known for " + type.getSimpleName() + ": add it to " + MappedFields.class.getSimpleName());
    }

    private static Map<String, List<String>> salesforceFields(Class<? extends Record> type, SalesforceFieldWidths salesforce) {
        if (type == Customer.class) {
            return sentBy(Customer.class, SalesforceRecords::account, salesforce);
        }
        if (type == LeaseAccount.class) {
            return sentBy(LeaseAccount.class, SalesforceRecords::lease, salesforce);
        }
        if (type == Payment.class) {
            return sentBy(Payment.class, SalesforceRecords::payment, salesforce);
        }
        if (type == CollectorNote.class) {
            return sentBy(CollectorNote.class, SalesforceRecords::collectorNote, salesforce);
        }
        return type == Promise.class ? PROMISE_FIELDS : Map.of();
    }

    private static <R extends Record> Map<String, List<String>> sentBy(Class<R> type, Function<R, SObjectRecord> toSalesforce,
                                                                       SalesforceFieldWidths salesforce) {
        RecordComponent[] components = type.getRecordComponents();
        Object[] markers = new Object[components.length];
        for (int i = 0; i < components.length; i++) {
            markers[i] = marker(components[i].getType(), i);
        }
        SObjectRecord record = toSalesforce.apply(construct(type, components, markers));
        String object = record.type().apiName();
        Map<String, List<String>> sent = new LinkedHashMap<>();
        record.fields().forEach((field, value) -> {
            if (value instanceof Map<?, ?> parent) {
                String lookup = object + "." + field.replaceAll("__r$", "__c");
                String parentObject = salesforce.referenceTo(lookup)
                        .orElseThrow(() -> new IllegalStateException(lookup + " is not a lookup in the Salesforce metadata"));
                parent.forEach((key, id) -> markerOf(markers, id, components)
                        .ifPresent(c -> sent.computeIfAbsent(c, k -> new ArrayList<>()).add(parentObject + "." + key)));
            } else {
                markerOf(markers, value, components)
                        .ifPresent(c -> sent.computeIfAbsent(c, k -> new ArrayList<>()).add(object + "." + field));
            }
        });
        return sent;
    }

    /** A value no other component of the record has; booleans cannot be told apart and carry no limit. */
    private static Object marker(Class<?> type, int i) {
        if (type == String.class) {
            return "marker-" + i;
        }
        if (type == BigDecimal.class) {
            return new BigDecimal("9000." + (10 + i));
        }
        if (type == int.class || type == Integer.class) {
            return 8000 + i;
        }
        if (type == LocalDate.class) {
            return LocalDate.of(2001, 1, 1).plusDays(i);
        }
        if (type == Instant.class) {
            return Instant.parse("2001-01-01T00:00:00Z").plusSeconds(3600L * i);
        }
        return type == boolean.class ? false : null;
    }

    private static Optional<String> markerOf(Object[] markers, Object value, RecordComponent[] components) {
        for (int i = 0; i < markers.length; i++) {
            if (markers[i] != null && !(markers[i] instanceof Boolean) && String.valueOf(markers[i]).equals(String.valueOf(value))) {
                return Optional.of(components[i].getName());
            }
        }
        return Optional.empty();
    }

    private static <R extends Record> R construct(Class<R> type, RecordComponent[] components, Object[] values) {
        try {
            Class<?>[] types = Arrays.stream(components).map(RecordComponent::getType).toArray(Class<?>[]::new);
            return type.getDeclaredConstructor(types).newInstance(values);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot build a " + type.getSimpleName(), e);
        }
    }

    private static RecordComponent component(Class<? extends Record> type, String name) {
        for (RecordComponent c : type.getRecordComponents()) {
            if (c.getName().equals(name)) {
                return c;
            }
        }
        throw new IllegalStateException(type.getSimpleName() + " has no field " + name);
    }
}
