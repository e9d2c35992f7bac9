package io.leasebridge.mapping.salesforce;

import io.leasebridge.model.CollectorNote;
import io.leasebridge.model.Customer;
import io.leasebridge.model.LeaseAccount;
import io.leasebridge.model.Payment;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Holds {@link SalesforceRecords} and the SFDX metadata under {@code config/salesforce} together: a field a
 * mapper writes that the org does not define fails every upsert of that object with INVALID_FIELD, so it
 * must fail here first.
 */
class SalesforceMetadataTest {

    private static SalesforceMetadata metadata;

    @BeforeAll
    static void loadMetadata() {
        metadata = SalesforceMetadata.load(configDir().resolve("salesforce/force-app/main/default/objects"));
    }

    @Test
    void everyFieldTheMappersWriteIsDefinedInTheMetadata() {
        List<SObjectRecord> records = sampleRecords();

        assertThat(records).extracting(SObjectRecord::type).containsExactlyInAnyOrder(SObjectType.values());
        // A null sample value would hide a type mismatch, so the samples set every field.
        records.forEach(r -> assertThat(r.fields()).as("%s fields", r.type().apiName()).doesNotContainValue(null));
        assertThat(records.stream().flatMap(r -> metadata.problems(r).stream()).toList()).isEmpty();
    }

    @Test
    void everyObjectsExternalIdIsDefinedUniqueAndMarkedExternal() {
        for (SObjectType type : SObjectType.values()) {
            FieldDef field = metadata.field(type.apiName(), type.externalIdField());

            assertThat(field).as("%s.%s", type.apiName(), type.externalIdField()).isNotNull();
            assertThat(field.type()).as("%s.%s type", type.apiName(), field.name()).isEqualTo("Text");
            assertThat(field.externalId()).as("%s.%s externalId", type.apiName(), field.name()).isTrue();
            assertThat(field.unique()).as("%s.%s unique", type.apiName(), field.name()).isTrue();
            assertThat(field.caseSensitive()).as("%s.%s caseSensitive", type.apiName(), field.name()).isFalse();
        }
    }

    @Test
    void aFieldTheMetadataLacksIsReportedByObjectAndName() {
        SObjectRecord record = new SObjectRecord(SObjectType.ACCOUNT, "C-1",
                fields("LeaseWorks_Customer_Id__c", "C-1", "Name", "Dana", "Not_A_Field__c", "x"));

        assertThat(metadata.problems(record)).singleElement().asString()
                .startsWith("Account.Not_A_Field__c:")
                .contains("Account/fields/Not_A_Field__c.field-meta.xml");
    }

    @Test
    void aStandardFieldOutsideTheAllowListIsReported() {
        SObjectRecord record = new SObjectRecord(SObjectType.ACCOUNT, "C-1",
                fields("LeaseWorks_Customer_Id__c", "C-1", "Website", "https://example.com"));

        assertThat(metadata.problems(record)).singleElement().asString().startsWith("Account.Website:");
    }

    @Test
    void aNameOnAnAutoNumberedObjectIsReported() {
        SObjectRecord record = new SObjectRecord(SObjectType.COLLECTOR_NOTE, "N-1",
                fields("LeaseWorks_Note_Id__c", "N-1", "Name", "N-1"));

        assertThat(metadata.problems(record)).singleElement().asString()
                .startsWith("Collector_Note__c.Name:").contains("AutoNumber");
    }

    @Test
    void aParentReferenceByAFieldOtherThanTheParentsExternalIdIsReported() {
        SObjectRecord record = new SObjectRecord(SObjectType.LEASE, "L-1",
                fields("LeaseWorks_Lease_Id__c", "L-1", "Customer__r", Map.of("Email__c", "dana@example.com")));

        assertThat(metadata.problems(record)).singleElement().asString()
                .startsWith("Lease__c.Customer__r:").contains("LeaseWorks_Customer_Id__c");
    }

    @Test
    void aValueOfTheWrongTypeForItsFieldIsReported() {
        SObjectRecord record = new SObjectRecord(SObjectType.LEASE, "L-1",
                fields("LeaseWorks_Lease_Id__c", "L-1", "Past_Due_Amount__c", "lots", "Next_Due_Date__c", "04/01/2026"));

        assertThat(metadata.problems(record)).hasSize(2)
                .anySatisfy(p -> assertThat(p).startsWith("Lease__c.Past_Due_Amount__c:").contains("Currency"))
                .anySatisfy(p -> assertThat(p).startsWith("Lease__c.Next_Due_Date__c:").contains("Date"));
    }

    @Test
    void theMapperTruncatesTextToTheLengthsTheMetadataDefines() {
        assertThat(metadata.field("Collector_Note__c", "Body__c").length()).isEqualTo(SalesforceRecords.LONG_TEXT_LIMIT);
        assertThat(SalesforceRecords.TEXT_LIMIT).isLessThanOrEqualTo(255);
    }

    @Test
    void aMasterDetailChildIsControlledByItsParent() {
        metadata.objects().forEach((object, def) -> {
            boolean detail = def.fields().values().stream().anyMatch(f -> "MasterDetail".equals(f.type()));
            if (detail) {
                assertThat(def.sharingModel()).as("%s sharingModel", object).isEqualTo("ControlledByParent");
            }
        });
    }

    @Test
    void childRelationshipNamesAreUniquePerParent() {
        // Salesforce refuses a second child relationship of the same name on one parent object.
        Map<String, List<String>> byParentAndName = new TreeMap<>();
        metadata.objects().forEach((object, def) -> def.fields().values().stream()
                .filter(FieldDef::isRelationship)
                .forEach(f -> byParentAndName.computeIfAbsent(f.referenceTo() + "." + f.relationshipName(), k -> new ArrayList<>())
                        .add(object + "." + f.name())));

        assertThat(byParentAndName).allSatisfy((name, fields) -> assertThat(fields).as(name).hasSize(1));
    }

    private static List<SObjectRecord> sampleRecords() {
        Customer customer = new Customer("C-1001", "Dana Whitfield", "(312) 555-0100", "(312) 555-0199",
                "dana@example.com", "12 Elm St", "Chicago", "IL", "60601", "America/Chicago", true, false, true, false);
        LeaseAccount lease = new LeaseAccount("L-2001", "C-1001", "Active", LocalDate.of(2026, 4, 1), 12,
                new BigDecimal("1234.50"), new BigDecimal("25.00"), new BigDecimal("12000.00"), 7,
                LocalDate.of(2026, 2, 27), new BigDecimal("410.00"), "jsmith", "1HGCM82633A004352");
        Payment payment = new Payment("P-3001", "L-2001", new BigDecimal("-410.00"), LocalDate.of(2026, 3, 2), "ACH", "P-3000");
        CollectorNote note = new CollectorNote("N-4001", "L-2001", "jsmith", Instant.parse("2026-03-05T20:30:00Z"),
                "Promised to pay Friday.");
        return List.of(SalesforceRecords.account(customer), SalesforceRecords.lease(lease),
                SalesforceRecords.payment(payment), SalesforceRecords.collectorNote(note));
    }

    private static Map<String, Object> fields(Object... keysAndValues) {
        Map<String, Object> fields = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            fields.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return fields;
    }

    static Path configDir() {
        String configured = System.getProperty("leasebridge.config.dir");
        return configured == null || configured.isBlank() || configured.contains("${")
                ? Path.of("..", "config")
                : Path.of(configured);
    }

    /** One custom field as its field-meta.xml defines it. */
    record FieldDef(String name, String type, String referenceTo, String relationshipName, boolean externalId,
                    boolean unique, boolean caseSensitive, Integer length) {

        boolean isRelationship() {
            return "Lookup".equals(type) || "MasterDetail".equals(type);
        }
    }

    /** One object folder: its object-meta.xml settings (none for a standard object) and its custom fields. */
    record ObjectDef(String name, boolean custom, String nameFieldType, String sharingModel, Map<String, FieldDef> fields) {
    }

    /** The objects folder of an SFDX source tree, read with the JDK's DOM parser. */
    record SalesforceMetadata(Path objectsDir, Map<String, ObjectDef> objects) {

        private static final String NS = "http://soap.sforce.com/2006/04/metadata";

        /** Standard fields LeaseBridge may write, by standard object; a custom object may write only Name. */
        private static final Map<String, Set<String>> STANDARD_FIELDS = Map.of(
                "Account", Set.of("Name", "Phone", "BillingStreet", "BillingCity", "BillingState", "BillingPostalCode"));

        static SalesforceMetadata load(Path objectsDir) {
            assertThat(objectsDir).as("SFDX objects folder").isDirectory();
            Map<String, ObjectDef> objects = new HashMap<>();
            try (Stream<Path> dirs = Files.list(objectsDir)) {
                for (Path dir : dirs.filter(Files::isDirectory).toList()) {
                    ObjectDef object = object(dir);
                    objects.put(object.name(), object);
                }
            } catch (IOException e) {
                throw new IllegalStateException("cannot read " + objectsDir, e);
            }
            return new SalesforceMetadata(objectsDir, Map.copyOf(objects));
        }

        FieldDef field(String object, String field) {
            ObjectDef def = objects.get(object);
            return def == null ? null : def.fields().get(field);
        }

        /** What in the record the metadata does not allow, one line each naming {@code Object.field}; empty when all is defined. */
        List<String> problems(SObjectRecord record) {
            String object = record.type().apiName();
            ObjectDef def = objects.get(object);
            if (def == null) {
                return List.of(object + ": no folder " + objectsDir.resolve(object));
            }
            List<String> problems = new ArrayList<>();
            record.fields().forEach((key, value) -> {
                String problem = key.endsWith("__r") ? parentReferenceProblem(def, key, value)
                        : key.endsWith("__c") ? customFieldProblem(def, key, value)
                        : standardFieldProblem(def, key);
                if (problem != null) {
                    problems.add(object + "." + key + ": " + problem);
                }
            });
            return problems;
        }

        private String parentReferenceProblem(ObjectDef def, String key, Object value) {
            String fieldName = key.substring(0, key.length() - "__r".length()) + "__c";
            FieldDef field = def.fields().get(fieldName);
            if (field == null || !field.isRelationship()) {
                return "needs a Lookup or MasterDetail field " + fieldName + " in " + fieldFile(def.name(), fieldName);
            }
            SObjectType parent;
            try {
                parent = SObjectType.ofApiName(field.referenceTo());
            } catch (IllegalArgumentException e) {
                return fieldName + " refers to " + field.referenceTo() + ", which LeaseBridge does not write";
            }
            if (!(value instanceof Map<?, ?> reference) || reference.size() != 1
                    || !parent.externalIdField().equals(reference.keySet().iterator().next())) {
                return "must be {" + parent.externalIdField() + ": id}, the external id of " + parent.apiName()
                        + " that " + fieldName + " refers to, but is " + value;
            }
            FieldDef parentKey = field(parent.apiName(), parent.externalIdField());
            if (parentKey == null || !parentKey.externalId()) {
                return parent.apiName() + "." + parent.externalIdField() + " is not defined as an external id";
            }
            return null;
        }

        private String customFieldProblem(ObjectDef def, String key, Object value) {
            FieldDef field = def.fields().get(key);
            if (field == null) {
                return "no " + fieldFile(def.name(), key);
            }
            return value == null ? null : valueProblem(field, value);
        }

        private String standardFieldProblem(ObjectDef def, String key) {
            if (!def.custom()) {
                return STANDARD_FIELDS.getOrDefault(def.name(), Set.of()).contains(key)
                        ? null
                        : "not a standard field LeaseBridge may write on " + def.name();
            }
            if (!"Name".equals(key)) {
                return "a custom object takes only Name and __c fields";
            }
            return "Text".equals(def.nameFieldType()) ? null
                    : "the nameField of " + def.name() + " is " + def.nameFieldType() + "; Salesforce sets Name itself";
        }

        private static String valueProblem(FieldDef field, Object value) {
            String type = field.type();
            boolean fits = switch (type) {
                case "Checkbox" -> value instanceof Boolean;
                case "Currency", "Number", "Percent" -> value instanceof Number;
                case "Date" -> value instanceof String s && parses(() -> LocalDate.parse(s));
                case "DateTime" -> value instanceof String s && parses(() -> Instant.parse(s));
                case "Text", "TextArea", "LongTextArea", "Email", "Phone", "Url", "Picklist" -> value instanceof String;
                default -> false;
            };
            if (!fits) {
                return "a " + type + " field cannot take " + value.getClass().getSimpleName() + " '" + value + "'";
            }
            if (field.length() != null && value instanceof String s && s.length() > field.length()) {
                return "longer than the " + field.length() + " characters the field holds";
            }
            return null;
        }

        private static boolean parses(Runnable parse) {
            try {
                parse.run();
                return true;
            } catch (DateTimeParseException e) {
                return false;
            }
        }

        private String fieldFile(String object, String field) {
            return object + "/fields/" + field + ".field-meta.xml";
        }

        private static ObjectDef object(Path dir) throws IOException {
            String name = dir.getFileName().toString();
            Path objectFile = dir.resolve(name + ".object-meta.xml");
            String nameFieldType = null;
            String sharingModel = null;
            if (Files.exists(objectFile)) {
                Element root = parse(objectFile, "CustomObject");
                Element nameField = child(root, "nameField");
                nameFieldType = nameField == null ? null : text(nameField, "type");
                sharingModel = text(root, "sharingModel");
            }
            Map<String, FieldDef> fields = new HashMap<>();
            Path fieldsDir = dir.resolve("fields");
            if (Files.isDirectory(fieldsDir)) {
                try (Stream<Path> files = Files.list(fieldsDir)) {
                    for (Path file : files.filter(f -> f.getFileName().toString().endsWith(".field-meta.xml")).toList()) {
                        FieldDef field = field(file);
                        fields.put(field.name(), field);
                    }
                }
            }
            return new ObjectDef(name, name.endsWith("__c"), nameFieldType, sharingModel, Map.copyOf(fields));
        }

        private static FieldDef field(Path file) {
            Element root = parse(file, "CustomField");
            String fullName = text(root, "fullName");
            String expected = file.getFileName().toString().replace(".field-meta.xml", "");
            assertThat(fullName).as("fullName in %s", file).isEqualTo(expected);
            String length = text(root, "length");
            return new FieldDef(fullName, text(root, "type"), text(root, "referenceTo"), text(root, "relationshipName"),
                    Boolean.parseBoolean(text(root, "externalId")), Boolean.parseBoolean(text(root, "unique")),
                    Boolean.parseBoolean(text(root, "caseSensitive")), length == null ? null : Integer.valueOf(length));
        }

        private static Element parse(Path file, String rootName) {
            try {
                DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
                factory.setNamespaceAware(true);
                factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
                factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
                factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
                DocumentBuilder builder = factory.newDocumentBuilder();
                Document document = builder.parse(file.toFile());
                Element root = document.getDocumentElement();
                assertThat(root.getNamespaceURI()).as("namespace of %s", file).isEqualTo(NS);
                assertThat(root.getLocalName()).as("root element of %s", file).isEqualTo(rootName);
                return root;
            } catch (Exception e) {
                throw new IllegalStateException("cannot parse " + file + ": " + e.getMessage(), e);
            }
        }

        private static Element child(Element parent, String name) {
            NodeList children = parent.getChildNodes();
            for (int i = 0; i < children.getLength(); i++) {
                Node node = children.item(i);
                if (node instanceof Element e && NS.equals(e.getNamespaceURI()) && name.equals(e.getLocalName())) {
                    return e;
                }
            }
            return null;
        }

        private static String text(Element parent, String name) {
            Element child = child(parent, name);
            return child == null ? null : child.getTextContent().strip();
        }
    }
}
