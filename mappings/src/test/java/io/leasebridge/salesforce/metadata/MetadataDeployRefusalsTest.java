package io.leasebridge.salesforce.metadata;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The checks of {@link MetadataDeployTest} catch what a deploy would refuse: each test breaks one file of a copy of
 * the shipped tree the way a hand edit could, and the check that guards it names the file's object and field.
 */
class MetadataDeployRefusalsTest {

    @TempDir
    Path copy;

    private Path objects;

    @BeforeEach
    void copyTheShippedTree() throws IOException {
        Path shipped = OrgMetadata.shippedForceApp();
        try (Stream<Path> files = Files.walk(shipped)) {
            files.forEach(source -> copyTo(source, copy.resolve(shipped.relativize(source).toString())));
        }
        objects = copy.resolve("main/default/objects");
        assertThat(MetadataChecks.recordTypesWithoutProcess(copy, OrgMetadata.load(copy))).as("the copy as shipped").isEmpty();
    }

    @Test
    void aCaseRecordTypeWithoutItsBusinessProcessIsReported() throws IOException {
        edit(objects.resolve("Case/recordTypes/Repossession.recordType-meta.xml"),
                "    <businessProcess>Repossession</businessProcess>\n", "");

        assertThat(MetadataChecks.recordTypesWithoutProcess(copy, OrgMetadata.load(copy)))
                .containsExactly("Case.Repossession: a Case record type needs a businessProcess");
    }

    @Test
    void aCaseRecordTypeNamingABusinessProcessTheTreeLacksIsReported() throws IOException {
        edit(objects.resolve("Case/recordTypes/Repossession.recordType-meta.xml"),
                "<businessProcess>Repossession</businessProcess>", "<businessProcess>Recovery</businessProcess>");

        assertThat(MetadataChecks.recordTypesWithoutProcess(copy, OrgMetadata.load(copy)))
                .containsExactly("Case.Repossession: no business process Recovery in the tree");
    }

    @Test
    void aFieldTheIntegrationPermissionSetDoesNotGrantIsReported() throws IOException {
        Path permissionSet = copy.resolve("main/default/permissionsets/LeaseBridge_Integration.permissionset-meta.xml");
        String grant = """
                    <fieldPermissions>
                        <editable>true</editable>
                        <field>Payment__c.Method__c</field>
                        <readable>true</readable>
                    </fieldPermissions>
                """;
        edit(permissionSet, grant, "");

        assertThat(MetadataChecks.fieldsMissingFrom(copy, OrgMetadata.load(copy), "LeaseBridge_Integration"))
                .containsExactly("Payment__c.Method__c");
    }

    @Test
    void aLookupToAnObjectTheOrgDoesNotHaveIsReported() throws IOException {
        edit(objects.resolve("Payment__c/fields/Lease__c.field-meta.xml"),
                "<referenceTo>Lease__c</referenceTo>", "<referenceTo>Contract__c</referenceTo>");

        assertThat(MetadataChecks.lookupsToMissingObjects(OrgMetadata.load(copy)))
                .containsExactly("Payment__c.Lease__c refers to Contract__c, which the org does not have");
    }

    @Test
    void aPermissionSetGrantingAFieldThatDoesNotExistIsReported() throws IOException {
        Path permissionSet = copy.resolve("main/default/permissionsets/LeaseBridge_Integration.permissionset-meta.xml");
        edit(permissionSet, "<field>Payment__c.Method__c</field>", "<field>Payment__c.Channel__c</field>");

        assertThat(MetadataChecks.permissionSetProblems(copy, OrgMetadata.load(copy)))
                .containsExactly("LeaseBridge_Integration.permissionset-meta.xml: field Payment__c.Channel__c does not exist");
    }

    private static void edit(Path file, String from, String to) throws IOException {
        String text = Files.readString(file);
        assertThat(text).as(file + " holds what the test changes").contains(from);
        Files.writeString(file, text.replace(from, to));
    }

    private static void copyTo(Path source, Path target) {
        try {
            if (Files.isDirectory(source)) {
                Files.createDirectories(target);
            } else {
                Files.copy(source, target);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
