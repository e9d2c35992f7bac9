package io.leasebridge.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SalesforceSimulatorTest {

    private static SalesforceSimulator salesforce;
    private RestClient client;

    @BeforeAll
    static void startOrg() {
        salesforce = SalesforceSimulator.start(0);
    }

    @AfterAll
    static void stopOrg() {
        salesforce.stop();
    }

    @BeforeEach
    void freshOrg() {
        salesforce.reset();
        salesforce.queryPageSize(SalesforceOrg.DEFAULT_QUERY_PAGE);
        client = new RestClient(salesforce.baseUrl());
        client.login();
    }

    @Test
    void loginAnswersTheUsernamePasswordTokenResponse() {
        RestClient other = new RestClient(salesforce.baseUrl());
        RestClient.Reply reply = other.login();

        assertThat(reply.status()).isEqualTo(200);
        JsonNode token = reply.body();
        assertThat(token.get("access_token").asText()).matches("00D[0-9A-Za-z]{12}!AQ[0-9a-f]{32}");
        assertThat(token.get("instance_url").asText()).isEqualTo(salesforce.baseUrl());
        // camel-salesforce reads the org id as the 18 characters after "id/"
        assertThat(token.get("id").asText()).matches(salesforce.baseUrl() + "/id/00D[0-9A-Za-z]{15}/005[0-9A-Za-z]{15}");
        assertThat(token.get("token_type").asText()).isEqualTo("Bearer");
        assertThat(token.get("issued_at").asText()).matches("\\d{13}");
        assertThat(token.get("signature").asText()).isNotBlank();
        assertThat(salesforce.loginCalls()).isEqualTo(2);
    }

    @Test
    void upsertCreatesOnceAndThenUpdatesByExternalId() {
        RestClient.Reply first = client.upsert("Account", "LeaseWorks_Customer_Id__c", """
                {"allOrNone":false,"records":[
                  {"attributes":{"type":"Account"},"LeaseWorks_Customer_Id__c":"C-1","Name":"Ada Núñez","Phone":"(312) 555-0101"},
                  {"attributes":{"type":"Account"},"LeaseWorks_Customer_Id__c":"C-2","Name":"Grace Wu"}]}""");
        RestClient.Reply second = client.upsert("Account", "LeaseWorks_Customer_Id__c", """
                {"allOrNone":false,"records":[
                  {"attributes":{"type":"Account"},"LeaseWorks_Customer_Id__c":"C-2","Name":"Grace Wu-Hopper","Phone":null},
                  {"attributes":{"type":"Account"},"LeaseWorks_Customer_Id__c":"C-3","Name":"Linus Ó Briain"}]}""");

        assertThat(first.status()).isEqualTo(200);
        assertThat(first.body()).hasSize(2);
        assertThat(first.body().get(0).get("success").asBoolean()).isTrue();
        assertThat(first.body().get(0).get("created").asBoolean()).isTrue();
        assertThat(first.body().get(0).get("errors")).isEmpty();
        assertThat(first.body().get(0).get("id").asText()).matches("001[0-9A-Za-z]{15}");
        assertThat(second.body().get(0).get("created").asBoolean()).isFalse();
        assertThat(second.body().get(0).get("id").asText()).isEqualTo(first.body().get(1).get("id").asText());
        assertThat(second.body().get(1).get("created").asBoolean()).isTrue();
        assertThat(second.header("Sforce-Limit-Info")).matches("api-usage=\\d+/15000");

        assertThat(salesforce.records("Account")).containsOnlyKeys("C-1", "C-2", "C-3");
        assertThat(salesforce.records("Account").get("C-2"))
                .containsEntry("Name", "Grace Wu-Hopper")
                .containsEntry("Phone", null)
                .containsEntry("Id", first.body().get(1).get("id").asText());
        assertThat(salesforce.records("Account").get("C-1")).containsEntry("Name", "Ada Núñez");
        assertThat(salesforce.createdCount("Account", "C-2")).isEqualTo(1);
        assertThat(salesforce.writeCalls("Account")).isEqualTo(2);
        assertThat(salesforce.totalWriteCalls()).isEqualTo(2);
    }

    @Test
    void aRequiredFieldIsNeededOnCreateAndCannotBeBlankedOnUpdate() {
        RestClient.Reply reply = client.upsert("Account", "LeaseWorks_Customer_Id__c", """
                {"allOrNone":false,"records":[
                  {"attributes":{"type":"Account"},"LeaseWorks_Customer_Id__c":"C-1","Phone":"555-0101"},
                  {"attributes":{"type":"Account"},"LeaseWorks_Customer_Id__c":"C-2","Name":"Grace Wu"}]}""");

        assertThat(reply.status()).isEqualTo(200);
        JsonNode failed = reply.body().get(0);
        assertThat(failed.get("success").asBoolean()).isFalse();
        assertThat(failed.has("id")).isFalse();
        assertThat(failed.get("errors").get(0).get("statusCode").asText()).isEqualTo("REQUIRED_FIELD_MISSING");
        assertThat(failed.get("errors").get(0).get("message").asText()).isEqualTo("Required fields are missing: [Name]");
        assertThat(failed.get("errors").get(0).get("fields").get(0).asText()).isEqualTo("Name");
        assertThat(reply.body().get(1).get("success").asBoolean()).isTrue();
        assertThat(salesforce.records("Account")).containsOnlyKeys("C-2");

        RestClient.Reply omitted = client.upsert("Account", "LeaseWorks_Customer_Id__c", """
                {"records":[{"attributes":{"type":"Account"},"LeaseWorks_Customer_Id__c":"C-2","Phone":"555-0102"}]}""");
        RestClient.Reply blanked = client.upsert("Account", "LeaseWorks_Customer_Id__c", """
                {"records":[{"attributes":{"type":"Account"},"LeaseWorks_Customer_Id__c":"C-2","Name":null}]}""");
        assertThat(omitted.body().get(0).get("success").asBoolean()).isTrue();
        assertThat(blanked.body().get(0).get("errors").get(0).get("statusCode").asText()).isEqualTo("REQUIRED_FIELD_MISSING");
        assertThat(salesforce.records("Account").get("C-2")).containsEntry("Name", "Grace Wu").containsEntry("Phone", "555-0102");
    }

    @Test
    void aParentReferenceMustResolveToAStoredRecordOfTheRightObject() {
        client.upsert("Account", "LeaseWorks_Customer_Id__c", """
                {"records":[{"attributes":{"type":"Account"},"LeaseWorks_Customer_Id__c":"C-1","Name":"Ada"}]}""");

        RestClient.Reply leases = client.upsert("Lease__c", "LeaseWorks_Lease_Id__c", """
                {"allOrNone":false,"records":[
                  {"attributes":{"type":"Lease__c"},"LeaseWorks_Lease_Id__c":"L-1","Name":"L-1","Customer__r":{"LeaseWorks_Customer_Id__c":"C-1"}},
                  {"attributes":{"type":"Lease__c"},"LeaseWorks_Lease_Id__c":"L-2","Name":"L-2","Customer__r":{"LeaseWorks_Customer_Id__c":"C-404"}}]}""");
        RestClient.Reply payment = client.upsert("Payment__c", "LeaseWorks_Payment_Id__c", """
                {"records":[{"attributes":{"type":"Payment__c"},"LeaseWorks_Payment_Id__c":"P-1","Amount__c":125.50,
                             "Lease__r":{"LeaseWorks_Customer_Id__c":"C-1"}}]}""");

        String accountId = salesforce.records("Account").get("C-1").get("Id").toString();
        assertThat(leases.body().get(0).get("success").asBoolean()).isTrue();
        assertThat(leases.body().get(0).get("id").asText()).startsWith("a01");
        assertThat(salesforce.records("Lease__c").get("L-1")).containsEntry("Customer__c", accountId).doesNotContainKey("Customer__r");
        JsonNode error = leases.body().get(1).get("errors").get(0);
        assertThat(error.get("statusCode").asText()).isEqualTo("INVALID_FIELD");
        assertThat(error.get("message").asText())
                .isEqualTo("Foreign key external ID: C-404 not found for field LeaseWorks_Customer_Id__c in entity Account");
        // a customer's external id does not name a lease, even though the customer exists
        assertThat(payment.body().get(0).get("errors").get(0).get("message").asText())
                .isEqualTo("Field name provided, LeaseWorks_Customer_Id__c is not an External ID or indexed field for Lease__c");
        assertThat(salesforce.records("Lease__c")).containsOnlyKeys("L-1");
        assertThat(salesforce.records("Payment__c")).isEmpty();
    }

    @Test
    void anAggregateQueryAnswersCountsAndSumsAsAggregateResultsOverARangeAndPerDay() {
        client.upsert("Account", "LeaseWorks_Customer_Id__c", """
                {"records":[{"attributes":{"type":"Account"},"LeaseWorks_Customer_Id__c":"C-1","Name":"Ada"}]}""");
        client.upsert("Lease__c", "LeaseWorks_Lease_Id__c", """
                {"records":[{"attributes":{"type":"Lease__c"},"LeaseWorks_Lease_Id__c":"L-1","Name":"L-1","Customer__r":{"LeaseWorks_Customer_Id__c":"C-1"}}]}""");
        client.upsert("Payment__c", "LeaseWorks_Payment_Id__c", """
                {"records":[
                  {"attributes":{"type":"Payment__c"},"LeaseWorks_Payment_Id__c":"P-1","Amount__c":100.25,"Received_Date__c":"2026-11-30","Lease__r":{"LeaseWorks_Lease_Id__c":"L-1"}},
                  {"attributes":{"type":"Payment__c"},"LeaseWorks_Payment_Id__c":"P-2","Amount__c":50,"Received_Date__c":"2026-11-30","Lease__r":{"LeaseWorks_Lease_Id__c":"L-1"}},
                  {"attributes":{"type":"Payment__c"},"LeaseWorks_Payment_Id__c":"p-3","Amount__c":7,"Received_Date__c":"2026-12-01","Lease__r":{"LeaseWorks_Lease_Id__c":"L-1"}}]}""");

        JsonNode all = client.query("SELECT COUNT(Id), SUM(Amount__c) FROM Payment__c WHERE LeaseWorks_Payment_Id__c != null").body();
        JsonNode range = client.query("SELECT COUNT(Id), SUM(Amount__c) FROM Payment__c WHERE LeaseWorks_Payment_Id__c >= 'P-2'"
                + " AND LeaseWorks_Payment_Id__c < 'P-9'").body();
        JsonNode days = client.query("SELECT Received_Date__c, COUNT(Id), SUM(Amount__c) FROM Payment__c"
                + " WHERE Received_Date__c >= 2026-11-01 GROUP BY Received_Date__c").body();

        assertThat(all.get("totalSize").asInt()).isEqualTo(1);
        assertThat(all.get("records").get(0).get("attributes").get("type").asText()).isEqualTo("AggregateResult");
        assertThat(all.get("records").get(0).get("expr0").asInt()).isEqualTo(3);
        assertThat(all.get("records").get(0).get("expr1").decimalValue()).isEqualByComparingTo("157.25");
        assertThat(range.get("records").get(0).get("expr0").asInt()).as("text compares ignoring case").isEqualTo(2);
        assertThat(days.get("records")).hasSize(2);
        assertThat(days.get("records").get(0).get("Received_Date__c").asText()).isEqualTo("2026-11-30");
        assertThat(days.get("records").get(0).get("expr1").decimalValue()).isEqualByComparingTo("150.25");
        assertThat(client.query("SELECT Received_Date__c, COUNT(Id) FROM Payment__c").body().toString())
                .as("a field neither grouped nor aggregated").contains("MALFORMED_QUERY", "Field must be grouped or aggregated: Received_Date__c");
        assertThat(client.query("SELECT COUNT(Id), SUM(Paid__c) FROM Payment__c").body().toString())
                .as("an aggregate over a field the object lacks").contains("INVALID_FIELD", "No such column 'Paid__c'");
    }

    @Test
    void aPromiseIsUpsertedByItsLedgerIdUnderItsLeaseAndNeedsAnAmount() {
        String leaseId = leaseL1();

        RestClient.Reply first = client.upsert("Promise_To_Pay__c", "Ledger_Promise_Id__c", """
                {"allOrNone":false,"records":[
                  {"attributes":{"type":"Promise_To_Pay__c"},"Ledger_Promise_Id__c":"PTP-L-1-20260105T153000Z",
                   "Lease__r":{"LeaseWorks_Lease_Id__c":"L-1"},"Amount__c":410.00,"Promised_Date__c":"2026-01-09",
                   "Status__c":"OPEN","Amount_Applied__c":0.00,"Judged_On__c":null,"Made_By__c":"Renée Dubois",
                   "Made_On__c":"2026-01-05","Amended_Count__c":0},
                  {"attributes":{"type":"Promise_To_Pay__c"},"Ledger_Promise_Id__c":"PTP-L-1-20260106T090000Z",
                   "Lease__r":{"LeaseWorks_Lease_Id__c":"L-1"},"Status__c":"OPEN"},
                  {"attributes":{"type":"Promise_To_Pay__c"},"Ledger_Promise_Id__c":"PTP-L-404-20260105T153000Z",
                   "Lease__r":{"LeaseWorks_Lease_Id__c":"L-404"},"Amount__c":99.00}]}""");
        RestClient.Reply judged = client.upsert("Promise_To_Pay__c", "Ledger_Promise_Id__c", """
                {"records":[{"attributes":{"type":"Promise_To_Pay__c"},"Ledger_Promise_Id__c":"PTP-L-1-20260105T153000Z",
                   "Lease__r":{"LeaseWorks_Lease_Id__c":"L-1"},"Amount__c":410.00,"Status__c":"KEPT",
                   "Amount_Applied__c":410.00,"Judged_On__c":"2026-01-11"}]}""");

        assertThat(first.body().get(0).get("created").asBoolean()).isTrue();
        assertThat(first.body().get(0).get("id").asText()).matches("a04[0-9A-Za-z]{15}");
        JsonNode noAmount = first.body().get(1).get("errors").get(0);
        assertThat(noAmount.get("statusCode").asText()).isEqualTo("REQUIRED_FIELD_MISSING");
        assertThat(noAmount.get("message").asText()).isEqualTo("Required fields are missing: [Amount__c]");
        assertThat(first.body().get(2).get("errors").get(0).get("message").asText())
                .isEqualTo("Foreign key external ID: L-404 not found for field LeaseWorks_Lease_Id__c in entity Lease__c");
        assertThat(judged.body().get(0).get("created").asBoolean()).isFalse();
        assertThat(judged.body().get(0).get("id").asText()).isEqualTo(first.body().get(0).get("id").asText());
        assertThat(salesforce.records("Promise_To_Pay__c")).containsOnlyKeys("PTP-L-1-20260105T153000Z");
        assertThat(salesforce.records("Promise_To_Pay__c").get("PTP-L-1-20260105T153000Z"))
                .containsEntry("Lease__c", leaseId)
                .containsEntry("Status__c", "KEPT")
                .containsEntry("Judged_On__c", "2026-01-11")
                .containsEntry("Made_By__c", "Renée Dubois")
                .containsEntry("Amended_Count__c", 0);
        assertThat(salesforce.createdCount("Promise_To_Pay__c", "PTP-L-1-20260105T153000Z")).isEqualTo(1);

        JsonNode promise = client.query("SELECT Status__c, Lease__r.LeaseWorks_Lease_Id__c FROM Promise_To_Pay__c")
                .body().get("records").get(0);
        assertThat(promise.get("Lease__r").get("LeaseWorks_Lease_Id__c").asText()).isEqualTo("L-1");
    }

    @Test
    void aTasksWhatIsResolvedThroughItsAttributesTypeAndStoredAsWhatId() {
        String leaseId = leaseL1();

        RestClient.Reply created = client.upsert("Task", "LeaseBridge_Key__c", """
                {"allOrNone":false,"records":[{"attributes":{"type":"Task"},"LeaseBridge_Key__c":"broken-promise:PTP-L-1-20260105T153000Z",
                   "What":{"attributes":{"type":"Lease__c"},"LeaseWorks_Lease_Id__c":"L-1"},"OwnerId":"005000000000001AAA",
                   "Subject":"Broken promise: $410.00 due 01/09/2026","Description":"Nothing came in by 01/11/2026.",
                   "ActivityDate":"2026-01-12","Status":"Not Started","Priority":"High"}]}""");
        RestClient.Reply again = client.upsert("Task", "LeaseBridge_Key__c", """
                {"allOrNone":false,"records":[{"attributes":{"type":"Task"},"LeaseBridge_Key__c":"broken-promise:PTP-L-1-20260105T153000Z",
                   "What":{"attributes":{"type":"Lease__c"},"LeaseWorks_Lease_Id__c":"L-1"},"Priority":"Normal"}]}""");

        assertThat(created.body().get(0).get("created").asBoolean()).isTrue();
        assertThat(created.body().get(0).get("id").asText()).matches("00T[0-9A-Za-z]{15}");
        assertThat(again.body().get(0).get("created").asBoolean()).isFalse();
        Map<String, Object> task = salesforce.records("Task").get("broken-promise:PTP-L-1-20260105T153000Z");
        assertThat(task).containsEntry("WhatId", leaseId)
                .containsEntry("OwnerId", "005000000000001AAA")
                .containsEntry("ActivityDate", "2026-01-12")
                .containsEntry("Priority", "Normal")
                .doesNotContainKey("What");

        JsonNode read = client.query("SELECT Subject, What.LeaseWorks_Lease_Id__c FROM Task WHERE What.Name = 'L-1'")
                .body().get("records").get(0);
        assertThat(read.get("What").get("attributes").get("type").asText()).isEqualTo("Lease__c");
        assertThat(read.get("What").get("LeaseWorks_Lease_Id__c").asText()).isEqualTo("L-1");
    }

    @Test
    void aWhatWithoutItsTypeOrNamingNoRecordFailsThatTask() {
        leaseL1();

        RestClient.Reply reply = client.upsert("Task", "LeaseBridge_Key__c", """
                {"allOrNone":false,"records":[
                  {"attributes":{"type":"Task"},"LeaseBridge_Key__c":"K-1","OwnerId":"005000000000001AAA",
                   "What":{"LeaseWorks_Lease_Id__c":"L-1"}},
                  {"attributes":{"type":"Task"},"LeaseBridge_Key__c":"K-2","OwnerId":"005000000000001AAA",
                   "What":{"attributes":{"type":"Lease__c"},"LeaseWorks_Lease_Id__c":"L-404"}},
                  {"attributes":{"type":"Task"},"LeaseBridge_Key__c":"K-3","OwnerId":"005000000000001AAA",
                   "What":{"attributes":{"type":"Boat__c"},"Hull_Id__c":"ABC12345D404"}},
                  {"attributes":{"type":"Task"},"LeaseBridge_Key__c":"K-4","OwnerId":"005000000000001AAA",
                   "What":{"attributes":{"type":"Lease__c"},"LeaseWorks_Lease_Id__c":"L-1"}}]}""");

        assertThat(reply.body().get(0).get("errors").get(0).get("statusCode").asText()).isEqualTo("INVALID_FIELD");
        assertThat(reply.body().get(0).get("errors").get(0).get("message").asText()).contains("attributes.type");
        assertThat(reply.body().get(1).get("errors").get(0).get("message").asText())
                .isEqualTo("Foreign key external ID: L-404 not found for field LeaseWorks_Lease_Id__c in entity Lease__c");
        assertThat(reply.body().get(2).get("errors").get(0).get("statusCode").asText()).isEqualTo("INVALID_TYPE");
        assertThat(reply.body().get(3).get("success").asBoolean()).isTrue();
        assertThat(salesforce.records("Task")).containsOnlyKeys("K-4");
    }

    @Test
    void aTasksOwnerIsRequiredAndMustBeAUserOrAQueue() {
        RestClient.Reply reply = client.upsert("Task", "LeaseBridge_Key__c", """
                {"allOrNone":false,"records":[
                  {"attributes":{"type":"Task"},"LeaseBridge_Key__c":"K-1","Subject":"Call","OwnerId":"jsmith"},
                  {"attributes":{"type":"Task"},"LeaseBridge_Key__c":"K-2","Subject":"Call","OwnerId":"001000000000001AAA"},
                  {"attributes":{"type":"Task"},"LeaseBridge_Key__c":"K-3","Subject":"Call"},
                  {"attributes":{"type":"Task"},"LeaseBridge_Key__c":"K-4","Subject":"Call","OwnerId":"00G000000000001"},
                  {"attributes":{"type":"Task"},"LeaseBridge_Key__c":"K-5","Subject":"Call","OwnerId":"005000000000002AAA"}]}""");
        RestClient.Reply update = client.upsert("Task", "LeaseBridge_Key__c", """
                {"records":[{"attributes":{"type":"Task"},"LeaseBridge_Key__c":"K-5","Subject":"Call back"},
                            {"attributes":{"type":"Task"},"LeaseBridge_Key__c":"K-4","OwnerId":"a01000000000001AAA"}]}""");

        JsonNode notAnId = reply.body().get(0).get("errors").get(0);
        assertThat(notAnId.get("statusCode").asText()).isEqualTo("FIELD_INTEGRITY_EXCEPTION");
        assertThat(notAnId.get("message").asText()).isEqualTo("Assigned To ID: id value of incorrect type: jsmith");
        assertThat(notAnId.get("fields").get(0).asText()).isEqualTo("OwnerId");
        assertThat(reply.body().get(1).get("errors").get(0).get("message").asText())
                .isEqualTo("Assigned To ID: id value of incorrect type: 001000000000001AAA");
        assertThat(reply.body().get(2).get("errors").get(0).get("message").asText()).isEqualTo("Required fields are missing: [OwnerId]");
        assertThat(reply.body().get(3).get("success").asBoolean()).isTrue();
        assertThat(reply.body().get(4).get("success").asBoolean()).isTrue();
        // an update that leaves the owner out keeps it; one that names a record of another object is refused
        assertThat(update.body().get(0).get("success").asBoolean()).isTrue();
        assertThat(update.body().get(1).get("errors").get(0).get("statusCode").asText()).isEqualTo("FIELD_INTEGRITY_EXCEPTION");
        assertThat(salesforce.records("Task")).containsOnlyKeys("K-4", "K-5");
        assertThat(salesforce.records("Task").get("K-5")).containsEntry("OwnerId", "005000000000002AAA").containsEntry("Subject", "Call back");
        assertThat(salesforce.records("Task").get("K-4")).containsEntry("OwnerId", "00G000000000001");
    }

    @Test
    void theKpiFacetUpdatesItsFourFieldsAndKeepsEveryOtherFieldOfTheLease() {
        String leaseId = leaseL1();
        Map<String, Object> before = new java.util.HashMap<>(salesforce.records("Lease__c").get("L-1"));
        // the update stamps the audit fields anew, as Salesforce does
        before.keySet().removeAll(java.util.Set.of("LastModifiedDate", "SystemModstamp"));

        RestClient.Reply kpis = client.upsert("Lease__c", "LeaseWorks_Lease_Id__c", """
                {"allOrNone":false,"records":[
                  {"attributes":{"type":"Lease__c"},"LeaseWorks_Lease_Id__c":"L-1","Promises_Made_12M__c":3,
                   "Promises_Kept_12M__c":1,"Promises_Broken_12M__c":2,"Repeat_Breaker__c":true},
                  {"attributes":{"type":"Lease__c"},"LeaseWorks_Lease_Id__c":"L-2","Promises_Made_12M__c":1,
                   "Promises_Kept_12M__c":0,"Promises_Broken_12M__c":1,"Repeat_Breaker__c":false}]}""");

        assertThat(kpis.body().get(0).get("created").asBoolean()).isFalse();
        assertThat(kpis.body().get(0).get("id").asText()).isEqualTo(leaseId);
        assertThat(salesforce.records("Lease__c").get("L-1"))
                .containsAllEntriesOf(before)
                .containsEntry("Promises_Made_12M__c", 3)
                .containsEntry("Promises_Broken_12M__c", 2)
                .containsEntry("Repeat_Breaker__c", true);
        // KPIs of a lease the org does not hold create a lease named by its id: the lease must be delivered first
        String created = kpis.body().get(1).get("id").asText();
        assertThat(salesforce.records("Lease__c").get("L-2")).containsEntry("Name", created);
    }

    /** Account C-1 and its lease L-1, with the fields the lease mapper writes; returns the lease's id. */
    private String leaseL1() {
        client.upsert("Account", "LeaseWorks_Customer_Id__c", """
                {"records":[{"attributes":{"type":"Account"},"LeaseWorks_Customer_Id__c":"C-1","Name":"Ada"}]}""");
        RestClient.Reply lease = client.upsert("Lease__c", "LeaseWorks_Lease_Id__c", """
                {"records":[{"attributes":{"type":"Lease__c"},"LeaseWorks_Lease_Id__c":"L-1","Name":"L-1",
                  "Customer__r":{"LeaseWorks_Customer_Id__c":"C-1"},"Status__c":"Delinquent","Days_Past_Due__c":12,
                  "Past_Due_Amount__c":410.00,"Collector__c":"Renée Dubois","VIN__c":"1HGCM82633A004352"}]}""");
        assertThat(lease.body().get(0).get("success").asBoolean()).isTrue();
        return lease.body().get(0).get("id").asText();
    }

    @Test
    void moreThan200RecordsIsRefusedAsAWhole() {
        String records = IntStream.rangeClosed(1, 201)
                .mapToObj(i -> "{\"attributes\":{\"type\":\"Account\"},\"LeaseWorks_Customer_Id__c\":\"C-" + i + "\",\"Name\":\"N" + i + "\"}")
                .collect(Collectors.joining(","));

        RestClient.Reply reply = client.upsert("Account", "LeaseWorks_Customer_Id__c", "{\"allOrNone\":false,\"records\":[" + records + "]}");

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.body().get(0).get("errorCode").asText()).isEqualTo("EXCEEDED_ID_LIMIT");
        assertThat(reply.body().get(0).get("message").asText())
                .isEqualTo("record limit reached. cannot submit more than 200 records into this call");
        assertThat(salesforce.records("Account")).isEmpty();
    }

    @Test
    void allOrNoneRollsBackEveryRecordWhenOneFails() {
        RestClient.Reply reply = client.upsert("Account", "LeaseWorks_Customer_Id__c", """
                {"allOrNone":true,"records":[
                  {"attributes":{"type":"Account"},"LeaseWorks_Customer_Id__c":"C-1","Name":"Ada"},
                  {"attributes":{"type":"Account"},"LeaseWorks_Customer_Id__c":"C-2"}]}""");

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.body().get(0).get("success").asBoolean()).isFalse();
        assertThat(reply.body().get(0).get("errors").get(0).get("statusCode").asText()).isEqualTo("ALL_OR_NONE_OPERATION_ROLLED_BACK");
        assertThat(reply.body().get(1).get("errors").get(0).get("statusCode").asText()).isEqualTo("REQUIRED_FIELD_MISSING");
        assertThat(salesforce.records("Account")).isEmpty();
        assertThat(salesforce.createdCount("Account", "C-1")).isZero();
    }

    @Test
    void aUniqueFieldRefusesASecondRecordWithTheSameValue() {
        salesforce.uniqueField("Lease__c", "VIN__c");
        client.upsert("Account", "LeaseWorks_Customer_Id__c", """
                {"records":[{"attributes":{"type":"Account"},"LeaseWorks_Customer_Id__c":"C-1","Name":"Ada"}]}""");
        client.upsert("Lease__c", "LeaseWorks_Lease_Id__c", """
                {"records":[{"attributes":{"type":"Lease__c"},"LeaseWorks_Lease_Id__c":"L-1","Name":"L-1","VIN__c":"1HGCM82633A004352"}]}""");
        RestClient.Reply reply = client.upsert("Lease__c", "LeaseWorks_Lease_Id__c", """
                {"records":[
                  {"attributes":{"type":"Lease__c"},"LeaseWorks_Lease_Id__c":"L-2","Name":"L-2","VIN__c":"1hgcm82633a004352"},
                  {"attributes":{"type":"Lease__c"},"LeaseWorks_Lease_Id__c":"L-3","Name":"L-3"},
                  {"attributes":{"type":"Lease__c"},"LeaseWorks_Lease_Id__c":"L-3","Name":"L-3 again"}]}""");

        String firstId = salesforce.records("Lease__c").get("L-1").get("Id").toString();
        assertThat(reply.body().get(0).get("errors").get(0).get("statusCode").asText()).isEqualTo("DUPLICATE_VALUE");
        assertThat(reply.body().get(0).get("errors").get(0).get("message").asText())
                .isEqualTo("duplicate value found: VIN__c duplicates value on record with id: " + firstId.substring(0, 15));
        // the same external id twice in one call fails both records
        assertThat(reply.body().get(1).get("errors").get(0).get("message").asText()).isEqualTo("Duplicate external id specified: L-3");
        assertThat(reply.body().get(2).get("errors").get(0).get("statusCode").asText()).isEqualTo("DUPLICATE_VALUE");
        assertThat(salesforce.records("Lease__c")).containsOnlyKeys("L-1");
    }

    @Test
    void aDataCallWithoutALiveSessionIsRefused() {
        RestClient.Reply missing = client.sendUnauthenticated(HttpRequest.newBuilder(client.dataUri("/query?q=SELECT+Id+FROM+Account")).GET().build());
        RestClient.Reply wrong = client.sendUnauthenticated(HttpRequest.newBuilder(client.dataUri("/query?q=SELECT+Id+FROM+Account"))
                .header("Authorization", "Bearer 00D000000000001!forged").GET().build());

        for (RestClient.Reply reply : List.of(missing, wrong)) {
            assertThat(reply.status()).isEqualTo(401);
            assertThat(reply.body().get(0).get("errorCode").asText()).isEqualTo("INVALID_SESSION_ID");
            assertThat(reply.body().get(0).get("message").asText()).isEqualTo("Session expired or invalid");
        }
        assertThat(salesforce.apiUsage()).isZero();
    }

    @Test
    void anExpiredSessionAnswers401UntilTheClientLogsInAgain() {
        salesforce.expireSessionOnce();

        RestClient.Reply expired = client.query("SELECT COUNT() FROM Account");
        client.login();
        RestClient.Reply again = client.query("SELECT COUNT() FROM Account");

        assertThat(expired.status()).isEqualTo(401);
        assertThat(expired.body().get(0).get("errorCode").asText()).isEqualTo("INVALID_SESSION_ID");
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.body().get("totalSize").asInt()).isZero();
    }

    @Test
    void revokeEndsTheSessionAsCamelDoesAtShutdown() {
        String token = client.token();
        RestClient.Reply revoked = client.get("/services/oauth2/revoke?token=" + token);
        RestClient.Reply after = client.query("SELECT COUNT() FROM Account");
        RestClient.Reply twice = client.get("/services/oauth2/revoke?token=" + token);

        assertThat(revoked.status()).isEqualTo(200);
        assertThat(after.status()).isEqualTo(401);
        assertThat(twice.status()).isEqualTo(400);
        assertThat(twice.body().get("error").asText()).isEqualTo("invalid_token");
    }

    @Test
    void soqlReadsBackWhatWasWrittenOverTwoPages() {
        salesforce.queryPageSize(3);
        String records = IntStream.rangeClosed(1, 5)
                .mapToObj(i -> "{\"attributes\":{\"type\":\"Account\"},\"LeaseWorks_Customer_Id__c\":\"C-" + i
                        + "\",\"Name\":\"Name " + i + "\",\"BillingState\":\"" + (i % 2 == 0 ? "TX" : "IL") + "\"}")
                .collect(Collectors.joining(","));
        client.upsert("Account", "LeaseWorks_Customer_Id__c", "{\"records\":[" + records + "]}");

        RestClient.Reply first = client.query("SELECT Id, Name, LeaseWorks_Customer_Id__c FROM Account");
        String next = first.body().get("nextRecordsUrl").asText();
        RestClient.Reply second = client.get(next);

        assertThat(first.status()).isEqualTo(200);
        assertThat(first.body().get("totalSize").asInt()).isEqualTo(5);
        assertThat(first.body().get("done").asBoolean()).isFalse();
        assertThat(next).matches("/services/data/v62\\.0/query/01g[0-9A-Za-z]{15}-3");
        assertThat(first.body().get("records")).hasSize(3);
        JsonNode record = first.body().get("records").get(0);
        assertThat(record.get("attributes").get("type").asText()).isEqualTo("Account");
        assertThat(record.get("attributes").get("url").asText())
                .isEqualTo("/services/data/v62.0/sobjects/Account/" + record.get("Id").asText());
        assertThat(record.get("Name").asText()).isEqualTo("Name 1");
        assertThat(second.body().get("done").asBoolean()).isTrue();
        assertThat(second.body().has("nextRecordsUrl")).isFalse();
        List<String> ids = new ArrayList<>();
        first.body().get("records").forEach(r -> ids.add(r.get("LeaseWorks_Customer_Id__c").asText()));
        second.body().get("records").forEach(r -> ids.add(r.get("LeaseWorks_Customer_Id__c").asText()));
        assertThat(ids).containsExactly("C-1", "C-2", "C-3", "C-4", "C-5");

        RestClient.Reply filtered = client.query("SELECT Name FROM Account WHERE BillingState = 'tx' ORDER BY Name DESC LIMIT 1");
        assertThat(filtered.body().get("totalSize").asInt()).isEqualTo(1);
        assertThat(filtered.body().get("records").get(0).get("Name").asText()).isEqualTo("Name 4");
        assertThat(client.query("SELECT COUNT() FROM Account WHERE BillingState = 'IL'").body().get("totalSize").asInt()).isEqualTo(3);
    }

    @Test
    void soqlFollowsAParentReference() {
        client.upsert("Account", "LeaseWorks_Customer_Id__c", """
                {"records":[{"attributes":{"type":"Account"},"LeaseWorks_Customer_Id__c":"C-1","Name":"Ada"}]}""");
        client.upsert("Lease__c", "LeaseWorks_Lease_Id__c", """
                {"records":[{"attributes":{"type":"Lease__c"},"LeaseWorks_Lease_Id__c":"L-1","Name":"L-1","Customer__r":{"LeaseWorks_Customer_Id__c":"C-1"}}]}""");

        JsonNode lease = client.query("SELECT Name, Customer__r.LeaseWorks_Customer_Id__c FROM Lease__c WHERE Customer__r.Name = 'Ada'")
                .body().get("records").get(0);

        assertThat(lease.get("Customer__r").get("attributes").get("type").asText()).isEqualTo("Account");
        assertThat(lease.get("Customer__r").get("LeaseWorks_Customer_Id__c").asText()).isEqualTo("C-1");
    }

    @Test
    void aQueryItCannotParseIsMalformed() {
        RestClient.Reply malformed = client.query("SELECT Id FORM Account");
        RestClient.Reply unknown = client.query("SELECT Id FROM Lease");

        assertThat(malformed.status()).isEqualTo(400);
        assertThat(malformed.body().get(0).get("errorCode").asText()).isEqualTo("MALFORMED_QUERY");
        assertThat(malformed.body().get(0).get("message").asText()).contains("ERROR at Row:1:Column:11", "unexpected token: 'FORM'");
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.body().get(0).get("errorCode").asText()).isEqualTo("INVALID_TYPE");
        assertThat(client.get("/services/data/v62.0/query/01g5g0000000009AAA-2000").body().get(0).get("errorCode").asText())
                .isEqualTo("INVALID_QUERY_LOCATOR");
    }

    @Test
    void aDroppedConnectionStoresNothingAndTheNextCallWorks() {
        salesforce.dropConnectionAfterWriteCalls(1);
        String one = """
                {"records":[{"attributes":{"type":"Account"},"LeaseWorks_Customer_Id__c":"C-1","Name":"Ada"}]}""";
        String two = """
                {"records":[{"attributes":{"type":"Account"},"LeaseWorks_Customer_Id__c":"C-2","Name":"Grace"}]}""";

        RestClient.Reply before = client.upsert("Account", "LeaseWorks_Customer_Id__c", one);
        assertThatThrownBy(() -> client.upsert("Account", "LeaseWorks_Customer_Id__c", two))
                .isInstanceOf(UncheckedIOException.class);
        assertThat(salesforce.records("Account")).containsOnlyKeys("C-1");
        RestClient.Reply retried = client.upsert("Account", "LeaseWorks_Customer_Id__c", two);

        assertThat(before.body().get(0).get("created").asBoolean()).isTrue();
        assertThat(retried.body().get(0).get("created").asBoolean()).isTrue();
        assertThat(salesforce.createdCount("Account", "C-2")).isEqualTo(1);
        assertThat(salesforce.writeCalls("Account")).isEqualTo(3);
    }

    @Test
    void aServiceUnavailableWriteStoresNothing() {
        salesforce.failNextWriteWith503();

        RestClient.Reply unavailable = client.upsert("Account", "LeaseWorks_Customer_Id__c", """
                {"records":[{"attributes":{"type":"Account"},"LeaseWorks_Customer_Id__c":"C-1","Name":"Ada"}]}""");

        assertThat(unavailable.status()).isEqualTo(503);
        assertThat(unavailable.body().get(0).get("errorCode").asText()).isEqualTo("SERVER_UNAVAILABLE");
        assertThat(salesforce.records("Account")).isEmpty();
    }

    @Test
    void anyOtherRequestIsNotFound() {
        for (String path : List.of("/services/data/v62.0/sobjects/Account/describe", "/favicon.ico", "/services/data/v62.0/composite/sobjects/Nope/Ext__c")) {
            RestClient.Reply reply = path.contains("composite")
                    ? client.upsert("Nope", "Ext__c", "{\"records\":[]}")
                    : client.get(path);
            assertThat(reply.status()).as(path).isEqualTo(404);
            assertThat(reply.body().get(0).get("errorCode").asText()).isEqualTo("NOT_FOUND");
            assertThat(reply.body().get(0).get("message").asText()).isEqualTo("The requested resource does not exist");
        }
        RestClient.Reply wrongField = client.upsert("Account", "Name", "{\"records\":[]}");
        assertThat(wrongField.body().get(0).get("message").asText())
                .isEqualTo("Provided external ID field does not exist or is not accessible: Name");
    }

    @Test
    void concurrentRetriesOfTheSameRecordsCreateEachOnce() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            String body = "{\"records\":[" + IntStream.rangeClosed(1, 50)
                    .mapToObj(i -> "{\"attributes\":{\"type\":\"Account\"},\"LeaseWorks_Customer_Id__c\":\"C-" + i + "\",\"Name\":\"N\"}")
                    .collect(Collectors.joining(",")) + "]}";
            List<Future<RestClient.Reply>> calls = new ArrayList<>();
            for (int i = 0; i < 16; i++) {
                calls.add(pool.submit(() -> client.upsert("Account", "LeaseWorks_Customer_Id__c", body)));
            }
            int created = 0;
            for (Future<RestClient.Reply> call : calls) {
                for (JsonNode result : call.get().body()) {
                    created += result.get("created").asBoolean() ? 1 : 0;
                }
            }
            assertThat(created).isEqualTo(50);
            assertThat(IntStream.rangeClosed(1, 50).map(i -> salesforce.createdCount("Account", "C-" + i))).containsOnly(1);
            assertThat(salesforce.writeCalls("Account")).isEqualTo(16);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void theLimitsResourceAndHeaderCountApiCalls() {
        salesforce.apiDailyLimit(3);

        RestClient.Reply limits = client.get("/services/data/v62.0/limits");
        client.query("SELECT COUNT() FROM Account");
        client.query("SELECT COUNT() FROM Account");
        RestClient.Reply over = client.query("SELECT COUNT() FROM Account");
        salesforce.apiDailyLimit(15_000);

        assertThat(limits.body().get("DailyApiRequests").get("Max").asLong()).isEqualTo(3);
        assertThat(limits.body().get("DailyApiRequests").get("Remaining").asLong()).isEqualTo(2);
        assertThat(over.status()).isEqualTo(403);
        assertThat(over.body().get(0).get("errorCode").asText()).isEqualTo("REQUEST_LIMIT_EXCEEDED");
        assertThat(over.header("Sforce-Limit-Info")).isEqualTo("api-usage=4/3");
        assertThat(URI.create(salesforce.baseUrl()).getPort()).isEqualTo(salesforce.port());
    }
}
