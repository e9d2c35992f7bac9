package io.leasebridge.salesforce.metadata;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;
import org.xml.sax.SAXException;

import javax.xml.XMLConstants;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;
import javax.xml.validation.Validator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What {@code sf project deploy start} would refuse in the shipped SFDX tree, found before a deploy: files that do
 * not match their Metadata API type, names that do not match their files, references to what does not exist, and
 * fields the integration user could not see.
 */
class MetadataDeployTest {

    /** The Metadata API type of each file suffix of the source format. */
    private static final Map<String, String> TYPES = Map.of(
            ".object-meta.xml", "CustomObject", ".field-meta.xml", "CustomField", ".recordType-meta.xml", "RecordType",
            ".businessProcess-meta.xml", "BusinessProcess", ".validationRule-meta.xml", "ValidationRule",
            ".permissionset-meta.xml", "PermissionSet", ".layout-meta.xml", "Layout", ".listView-meta.xml", "ListView");

    private static Path forceApp;
    private static OrgMetadata org;
    private static Schema schema;

    @BeforeAll
    static void load() throws SAXException {
        forceApp = OrgMetadata.shippedForceApp();
        org = OrgMetadata.load(forceApp);
        SchemaFactory factory = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
        schema = factory.newSchema(new StreamSource(MetadataDeployTest.class.getResourceAsStream("/salesforce/metadata-api.xsd")));
    }

    @Test
    void everyMetadataFileIsItsTypeAsTheMetadataApiDefinesIt() {
        List<String> problems = new ArrayList<>();
        for (Path file : metadataFiles()) {
            String type = typeOf(file);
            if (type == null) {
                problems.add(file + ": not a metadata type LeaseBridge ships (" + TYPES.keySet() + ")");
                continue;
            }
            problems.addAll(MetadataFiles.problems(file, type, schema));
        }
        assertThat(problems).isEmpty();
    }

    @Test
    void aFileWhoseFullNameIsNotItsFileNameOrWhoseElementsAreOutOfOrderIsReported(@org.junit.jupiter.api.io.TempDir Path dir)
            throws IOException {
        Path field = dir.resolve("Make__c.field-meta.xml");
        Files.writeString(field, """
                <?xml version="1.0" encoding="UTF-8"?>
                <CustomField xmlns="http://soap.sforce.com/2006/04/metadata">
                    <fullName>Model__c</fullName>
                    <length>80</length>
                    <label>Make</label>
                    <type>Text</type>
                </CustomField>
                """);

        assertThat(MetadataFiles.problems(field, "CustomField", schema)).hasSize(2)
                .anySatisfy(p -> assertThat(p).contains("fullName Model__c", "Make__c"))
                .anySatisfy(p -> assertThat(p).contains("label"));
    }

    @Test
    void everyRecordTypeOfCaseNamesABusinessProcessOfTheTree() {
        ObjectDescription caseObject = org.object("Case");
        assertThat(caseObject.recordTypes()).isNotEmpty();
        assertThat(MetadataChecks.recordTypesWithoutProcess(forceApp, org)).isEmpty();
    }

    @Test
    void everyLookupReferencesAnObjectOfTheOrg() {
        assertThat(MetadataChecks.lookupsToMissingObjects(org)).isEmpty();
    }

    @Test
    void everyFieldObjectAndRecordTypeAPermissionSetGrantsExists() {
        assertThat(MetadataChecks.permissionSetProblems(forceApp, org)).isEmpty();
    }

    @Test
    void everyCustomFieldIsGrantedToTheIntegrationUser() {
        assertThat(MetadataChecks.fieldsMissingFrom(forceApp, org, "LeaseBridge_Integration")).isEmpty();
    }

    @Test
    void everyFieldALayoutOrListViewShowsExists() {
        assertThat(MetadataChecks.layoutAndListViewProblems(forceApp, org)).isEmpty();
    }

    @Test
    void theAgencyPlacementLayoutLetsAManagerEditOnlyTheDecisionAndTheLeaseLayoutListsThePlacements() {
        Path layouts = forceApp.resolve("main/default/layouts");
        List<String> editable = new ArrayList<>();
        for (Element section : SfdxObjects.children(SfdxObjects.root(layouts.resolve(
                "Agency_Placement__c-Agency Placement Layout.layout-meta.xml"), "Layout"), "layoutSections")) {
            for (Element column : SfdxObjects.children(section, "layoutColumns")) {
                SfdxObjects.children(column, "layoutItems").stream().filter(i -> !"Readonly".equals(SfdxObjects.text(i, "behavior")))
                        .forEach(i -> editable.add(SfdxObjects.text(i, "field")));
            }
        }
        assertThat(editable).containsExactlyInAnyOrder("Status__c", "Agency__c", "OwnerId");
        assertThat(SfdxObjects.children(SfdxObjects.root(layouts.resolve("Lease__c-Lease Layout.layout-meta.xml"), "Layout"),
                "relatedLists")).extracting(r -> SfdxObjects.text(r, "relatedList")).contains("Agency_Placement__c.Lease__c");
    }

    @Test
    void vehiclesAndGpsAlertsArePrivateAndVisibleThroughThePermissionSets() {
        for (String object : List.of("Vehicle__c", "GPS_Alert__c")) {
            assertThat(org.object(object).sharingModel()).as(object).isEqualTo("Private");
            for (String permissionSet : List.of("LeaseBridge_Integration", "LeaseBridge_Collections")) {
                assertThat(MetadataChecks.viewsAll(forceApp, permissionSet, object)).as(permissionSet + " " + object).isTrue();
            }
        }
    }

    static List<Path> metadataFiles() {
        try (Stream<Path> files = Files.walk(forceApp)) {
            return files.filter(f -> f.getFileName().toString().endsWith("-meta.xml")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String typeOf(Path file) {
        String name = file.getFileName().toString();
        return TYPES.entrySet().stream().filter(e -> name.endsWith(e.getKey())).map(Map.Entry::getValue).findFirst().orElse(null);
    }
}
