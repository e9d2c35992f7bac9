package io.leasebridge.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import io.leasebridge.salesforce.metadata.OrgMetadata;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The simulated org is the shipped metadata: what it does not define, or defines otherwise, is refused with
 * Salesforce's own error code, message and fields. Two rules the shipped tree never triggers (a picklist a record
 * type narrows, an external id that is not unique) run against a copy of the tree with one file more.
 */
class SalesforceOrgMetadataTest {

    private static SalesforceSimulator salesforce;
    private static SalesforceSimulator variant;
    private static Path variantTree;
    private RestClient client;

    @BeforeAll
    static void startOrgs() throws IOException {
        salesforce = SalesforceSimulator.start(0);
        variantTree = Files.createTempDirectory("force-app");
        copy(OrgMetadata.shippedForceApp(), variantTree);
        Path objects = variantTree.resolve("main/default/objects");
        Files.writeString(objects.resolve("Case/recordTypes/Intake.recordType-meta.xml"), """
                <?xml version="1.0" encoding="UTF-8"?>
                <RecordType xmlns="http://soap.sforce.com/2006/04/metadata">
                    <fullName>Intake</fullName>
                    <active>true</active>
                    <label>Intake</label>
                    <picklistValues>
                        <picklist>Repo_Status__c</picklist>
                        <values>
                            <fullName>REQUESTED</fullName>
                            <default>true</default>
                        </values>
                    </picklistValues>
                </RecordType>
                """);
        Files.writeString(objects.resolve("Vehicle__c/fields/Plate__c.field-meta.xml"), """
                <?xml version="1.0" encoding="UTF-8"?>
                <CustomField xmlns="http://soap.sforce.com/2006/04/metadata">
                    <fullName>Plate__c</fullName>
                    <externalId>true</externalId>
                    <label>Plate</label>
                    <length>20</length>
                    <required>false</required>
                    <type>Text</type>
                    <unique>false</unique>
                </CustomField>
                """);
        variant = SalesforceSimulator.start(0, true, Clock.systemUTC(), OrgMetadata.load(variantTree));
    }

    @AfterAll
    static void stopOrgs() {
        salesforce.stop();
        variant.stop();
    }

    @BeforeEach
    void freshOrg() {
        salesforce.reset();
        variant.reset();
        client = new RestClient(salesforce.baseUrl());
        client.login();
    }

    @Test
    void aFieldTheMetadataDoesNotDefineFailsTheWholeCallWithInvalidField() {
        RestClient.Reply reply = client.upsert("Account", "LeaseWorks_Customer_Id__c", """
                {"records":[{"attributes":{"type":"Account"},"LeaseWorks_Customer_Id__c":"C-1","Name":"Ada"},
                            {"attributes":{"type":"Account"},"LeaseWorks_Customer_Id__c":"C-2","Name":"Bo","Website":"https://example.com"}]}""");

        assertThat(reply.status()).isEqualTo(400);
        assertError(reply.body().get(0), "errorCode", "INVALID_FIELD", "No such column 'Website' on sobject of type Account");
        assertThat(salesforce.records("Account")).isEmpty();
    }

    @Test
    void anObjectTheMetadataDoesNotDefineIsAnInvalidType() {
        RestClient.Reply query = client.query("SELECT Id FROM Contact");
        RestClient.Reply update = client.update("""
                {"records":[{"attributes":{"type":"Contact"},"Id":"003000000000001AAA","LastName":"Wu"}]}""");

        assertThat(query.status()).isEqualTo(400);
        assertThat(query.body().get(0).get("errorCode").asText()).isEqualTo("INVALID_TYPE");
        assertThat(query.body().get(0).get("message").asText()).contains("sObject type 'Contact' is not supported.");
        assertError(update.body().get(0).get("errors").get(0), "statusCode", "INVALID_TYPE", "sObject type 'Contact' is not supported.");
    }

    @Test
    void textLongerThanItsFieldIsStringTooLongForThatRecordAlone() {
        String name = "A".repeat(256);
        RestClient.Reply reply = client.upsert("Account", "LeaseWorks_Customer_Id__c", """
                {"records":[{"attributes":{"type":"Account"},"LeaseWorks_Customer_Id__c":"C-1","Name":"%s"},
                            {"attributes":{"type":"Account"},"LeaseWorks_Customer_Id__c":"C-2","Name":"%s"}]}"""
                .formatted(name, "A".repeat(255)));

        assertThat(reply.status()).isEqualTo(200);
        assertError(reply.body().get(0).get("errors").get(0), "statusCode", "STRING_TOO_LONG",
                "Account Name: data value too large: " + name + " (max length=255)", "Name");
        assertThat(reply.body().get(1).get("success").asBoolean()).isTrue();
        assertThat(salesforce.records("Account")).containsOnlyKeys("C-2");
    }

    @Test
    void aNumberWithMoreWholeDigitsThanItsPrecisionAllowsIsOutsideTheValidRange() {
        leaseL1();
        RestClient.Reply reply = client.upsert("Payment__c", "LeaseWorks_Payment_Id__c", """
                {"records":[{"attributes":{"type":"Payment__c"},"LeaseWorks_Payment_Id__c":"P-1","Lease__r":{"LeaseWorks_Lease_Id__c":"L-1"},
                             "Amount__c":123456789012345.00},
                            {"attributes":{"type":"Payment__c"},"LeaseWorks_Payment_Id__c":"P-2","Lease__r":{"LeaseWorks_Lease_Id__c":"L-1"},
                             "Amount__c":12345678901234.99}]}""");

        assertError(reply.body().get(0).get("errors").get(0), "statusCode", "NUMBER_OUTSIDE_VALID_RANGE",
                "Amount: value outside of valid range on numeric field: 123456789012345.00", "Amount__c");
        assertThat(reply.body().get(1).get("success").asBoolean()).isTrue();
    }

    @Test
    void aValueOutsideARestrictedPicklistIsRefused() {
        leaseL1();
        RestClient.Reply reply = client.upsert("Promise_To_Pay__c", "Ledger_Promise_Id__c", """
                {"records":[{"attributes":{"type":"Promise_To_Pay__c"},"Ledger_Promise_Id__c":"PTP-1",
                             "Lease__r":{"LeaseWorks_Lease_Id__c":"L-1"},"Amount__c":410.00,"Status__c":"PENDING"}]}""");

        assertError(reply.body().get(0).get("errors").get(0), "statusCode", "INVALID_OR_NULL_FOR_RESTRICTED_PICKLIST",
                "Status: bad value for restricted picklist field: PENDING", "Status__c");
    }

    @Test
    void aRecordTypeOffersOnlyThePicklistValuesItLists() {
        String user = variant.user("Rita Alvarez");
        String intake = variant.saveAs(user, "Case", null,
                Map.of("RecordTypeId", variant.recordType("Case", "Intake"), "Repo_Status__c", "REQUESTED"));
        String repossession = variant.saveAs(user, "Case", null,
                Map.of("RecordTypeId", variant.recordType("Case", "Repossession"), "Repo_Status__c", "REQUESTED"));
        RestClient other = new RestClient(variant.baseUrl());
        other.login();

        RestClient.Reply reply = other.update("""
                {"records":[{"attributes":{"type":"Case"},"Id":"%s","Repo_Status__c":"PENDING"},
                            {"attributes":{"type":"Case"},"Id":"%s","Repo_Status__c":"PENDING"}]}""".formatted(intake, repossession));

        assertError(reply.body().get(0).get("errors").get(0), "statusCode", "INVALID_OR_NULL_FOR_RESTRICTED_PICKLIST",
                "Repo Status: bad value for restricted picklist field: PENDING", "Repo_Status__c");
        assertThat(reply.body().get(1).get("success").asBoolean()).isTrue();
    }

    @Test
    void aRepoStatusStepTheValidationRuleRefusesIsACustomValidationExceptionUntilAnAdminSwitchesTheRuleOff() {
        String user = salesforce.user("Rita Alvarez");
        String repossession = salesforce.recordType("Case", "Repossession");
        String pending = salesforce.saveAs(user, "Case", null, Map.of("RecordTypeId", repossession, "Repo_Status__c", "PENDING"));
        String ordered = salesforce.saveAs(user, "Case", null, Map.of("RecordTypeId", repossession, "Repo_Status__c", "PENDING"));
        String jump = """
                {"records":[{"attributes":{"type":"Case"},"Id":"%s","Repo_Status__c":"SOLD"},
                            {"attributes":{"type":"Case"},"Id":"%s","Repo_Status__c":"ORDERED"}]}""".formatted(pending, ordered);

        RestClient.Reply refused = client.update(jump);

        JsonNode error = refused.body().get(0).get("errors").get(0);
        assertThat(error.get("statusCode").asText()).isEqualTo("FIELD_CUSTOM_VALIDATION_EXCEPTION");
        assertThat(error.get("message").asText()).contains("Allowed: new REQUESTED/PENDING;")
                .contains("PENDING>ORDERED/");
        assertThat(error.get("fields").get(0).asText()).isEqualTo("Repo_Status__c");
        assertThat(refused.body().get(1).get("success").asBoolean()).as("a step of the workflow").isTrue();
        assertThat(salesforce.records("Case").get(pending)).containsEntry("Repo_Status__c", "PENDING");

        salesforce.validationRuleActive("Case", "Repo_Status_Step", false);
        RestClient.Reply migrated = client.update("""
                {"records":[{"attributes":{"type":"Case"},"Id":"%s","Repo_Status__c":"SOLD"}]}""".formatted(pending));
        salesforce.validationRuleActive("Case", "Repo_Status_Step", true);

        assertThat(migrated.body().get(0).get("success").asBoolean()).as("with the rule switched off").isTrue();
        assertThat(salesforce.records("Case").get(pending)).containsEntry("Repo_Status__c", "SOLD");
    }

    @Test
    void aRequiredFieldIsMissingOnCreate() {
        leaseL1();
        RestClient.Reply reply = client.upsert("Payment__c", "LeaseWorks_Payment_Id__c", """
                {"records":[{"attributes":{"type":"Payment__c"},"LeaseWorks_Payment_Id__c":"P-1","Lease__r":{"LeaseWorks_Lease_Id__c":"L-1"}}]}""");

        assertError(reply.body().get(0).get("errors").get(0), "statusCode", "REQUIRED_FIELD_MISSING",
                "Required fields are missing: [Amount__c]", "Amount__c");
    }

    @Test
    void anExternalIdTwiceInOneCallIsADuplicateValue() {
        RestClient.Reply reply = client.upsert("Account", "LeaseWorks_Customer_Id__c", """
                {"records":[{"attributes":{"type":"Account"},"LeaseWorks_Customer_Id__c":"C-1","Name":"Ada"},
                            {"attributes":{"type":"Account"},"LeaseWorks_Customer_Id__c":"c-1","Name":"Ada"}]}""");

        assertError(reply.body().get(0).get("errors").get(0), "statusCode", "DUPLICATE_VALUE", "Duplicate external id specified: C-1");
        assertError(reply.body().get(1).get("errors").get(0), "statusCode", "DUPLICATE_VALUE", "Duplicate external id specified: c-1");
    }

    @Test
    void anExternalIdThatIsNotUniqueAndMatchesTwoRecordsIsADuplicateExternalId() {
        String user = variant.user("Dana Fleet");
        String first = variant.saveAs(user, "Vehicle__c", null, Map.of("VIN__c", "1HGCM82633A004352", "Plate__c", "TX-1"));
        String second = variant.saveAs(user, "Vehicle__c", null, Map.of("VIN__c", "1FTFW1ET5DFC10312", "Plate__c", "TX-1"));
        RestClient other = new RestClient(variant.baseUrl());
        other.login();

        RestClient.Reply reply = other.upsert("Vehicle__c", "Plate__c", """
                {"records":[{"attributes":{"type":"Vehicle__c"},"Plate__c":"TX-1","Make__c":"Honda"}]}""");

        assertError(reply.body().get(0).get("errors").get(0), "statusCode", "DUPLICATE_EXTERNAL_ID",
                "Plate: more than one record found for external id field: [" + SalesforceIds.shortForm(first) + ", "
                        + SalesforceIds.shortForm(second) + "]", "Plate__c");
    }

    @Test
    void aParentThatDoesNotExistIsAForeignKeyExternalIdNotFound() {
        RestClient.Reply reply = client.upsert("WorkOrder", "FleetRock_RO_Id__c", """
                {"records":[{"attributes":{"type":"WorkOrder"},"FleetRock_RO_Id__c":"RO-1","Vehicle__r":{"VIN__c":"1HGCM82633A004352"}}]}""");

        assertError(reply.body().get(0).get("errors").get(0), "statusCode", "INVALID_FIELD",
                "Foreign key external ID: 1HGCM82633A004352 not found for field VIN__c in entity Vehicle__c");
    }

    @Test
    void aValueItsFieldTypeCannotTakeFailsTheWholeCallAsUnreadable() {
        RestClient.Reply reply = client.upsert("Lease__c", "LeaseWorks_Lease_Id__c", """
                {"records":[{"attributes":{"type":"Lease__c"},"LeaseWorks_Lease_Id__c":"L-1","Next_Due_Date__c":"04/01/2026"}]}""");

        assertThat(reply.status()).isEqualTo(400);
        assertError(reply.body().get(0), "errorCode", "JSON_PARSER_ERROR",
                "Cannot deserialize instance of date from VALUE_STRING value 04/01/2026 or request may be missing a required field");
        assertThat(salesforce.records("Lease__c")).isEmpty();
    }

    @Test
    void aFieldSalesforceSetsItselfCannotBeWritten() {
        String user = salesforce.user("Rita Alvarez");
        String caseId = salesforce.saveAs(user, "Case", null, Map.of("Subject", "Repossession L-1"));

        RestClient.Reply reply = client.update("""
                {"records":[{"attributes":{"type":"Case"},"Id":"%s","CaseNumber":"00000042"}]}""".formatted(caseId));

        assertError(reply.body().get(0).get("errors").get(0), "statusCode", "INVALID_FIELD_FOR_INSERT_UPDATE",
                "Unable to create/update fields: CaseNumber. Please check the security settings of this field and verify that it is "
                        + "read/write for your profile or permission set.", "CaseNumber");
    }

    @Test
    void aQueryOfAFieldTheMetadataDoesNotDefineIsAnInvalidField() {
        RestClient.Reply plain = client.query("SELECT Id, Colour__c FROM Vehicle__c");
        RestClient.Reply parent = client.query("SELECT Id, Lease__r.Colour__c FROM Vehicle__c");

        assertThat(plain.status()).isEqualTo(400);
        assertError(plain.body().get(0), "errorCode", "INVALID_FIELD", """

                SELECT Id, Colour__c FROM Vehicle__c
                           ^
                ERROR at Row:1:Column:12
                No such column 'Colour__c' on entity 'Vehicle__c'. If you are attempting to use a custom field, be sure to \
                append the '__c' after the custom field name. Please reference your WSDL or the describe call for the \
                appropriate names.""");
        assertThat(parent.status()).isEqualTo(400);
        assertThat(parent.body().get(0).get("message").asText()).contains("No such column 'Colour__c' on entity 'Lease__c'");
    }

    private void leaseL1() {
        RestClient.Reply reply = client.upsert("Lease__c", "LeaseWorks_Lease_Id__c", """
                {"records":[{"attributes":{"type":"Lease__c"},"LeaseWorks_Lease_Id__c":"L-1","Name":"L-1"}]}""");
        assertThat(reply.body().get(0).get("success").asBoolean()).isTrue();
    }

    private static void assertError(JsonNode error, String codeKey, String code, String message, String... fields) {
        assertThat(error.get(codeKey).asText()).isEqualTo(code);
        assertThat(error.get("message").asText()).isEqualTo(message);
        List<String> named = new java.util.ArrayList<>();
        error.get("fields").forEach(f -> named.add(f.asText()));
        assertThat(named).containsExactly(fields);
    }

    private static void copy(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path file : files.toList()) {
                Path target = to.resolve(from.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(file, target);
                }
            }
        }
    }
}
