package io.leasebridge.calls;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import io.leasebridge.LeaseBridgeApplication;
import io.leasebridge.ingest.LeaseWorksExportIngest;
import io.leasebridge.salesforce.SalesforceOutboxDrainRoute;
import io.leasebridge.salesforce.SalesforceWireMock;
import io.leasebridge.salesforce.metadata.OrgMetadata;
import io.leasebridge.testing.HubTables;
import io.leasebridge.testing.LeaseWorksExports;
import io.leasebridge.testing.TestProperties;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.test.spring.junit5.CamelSpringBootTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.patch;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Call activity read from Salesforce in its wire format (SOQL over Task, then the Lease__c ids), the contact limits
 * worked out per lease and written to Lease__c over sObject Collections only when they change.
 */
@CamelSpringBootTest
@SpringBootTest(classes = LeaseBridgeApplication.class)
class CallActivityRouteTest {

    /** The org has an SMS package installed, whose message object LeaseBridge is configured to read. */
    private static final WireMockServer salesforce = SalesforceWireMock.start(OrgMetadata.shippedWith(smsPackage()));
    private static final ObjectMapper json = new ObjectMapper();
    private static final DateTimeFormatter SALESFORCE = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSXX").withZone(ZoneOffset.UTC);
    private static final String LEASE_1 = "a01D00000L00001AAA";
    private static final String LEASE_2 = "a01D00000L00002AAA";
    private static final String SMS_OBJECT = "acme_sms__Message__c";

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        TestProperties.parked(registry, salesforce, "call-activity");
        registry.add("leasebridge.leaseworks.inbox", () -> System.getProperty("java.io.tmpdir") + "/leasebridge-calls-inbox");
        // an SMS package's message object, as a deployment would name it
        registry.add("leasebridge.contact.sms.object", () -> SMS_OBJECT);
        registry.add("leasebridge.contact.sms.lease-field", () -> "acme_sms__Lease__c");
        registry.add("leasebridge.contact.sms.timestamp-field", () -> "acme_sms__Sent_At__c");
        registry.add("leasebridge.contact.sms.direction-field", () -> "acme_sms__Direction__c");
    }

    @Autowired
    LeaseWorksExportIngest ingest;
    @Autowired
    ProducerTemplate producer;
    @Autowired
    JdbcTemplate jdbc;

    private final Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    private final Instant firstAttempt = now.minus(Duration.ofDays(6));
    private final Instant conversation = now.minus(Duration.ofDays(2));

    private static Path smsPackage() {
        try {
            return Path.of(CallActivityRouteTest.class.getResource("/salesforce/sms-package").toURI());
        } catch (java.net.URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    @AfterAll
    static void stopSalesforce() {
        salesforce.stop();
    }

    @BeforeEach
    void twoLeasesAndTheirCalls() {
        HubTables.clear(jdbc);
        jdbc.update("delete from call_attempt");
        jdbc.update("delete from lease_contact_standing");
        jdbc.update("delete from text_message");
        salesforce.resetAll();
        SalesforceWireMock.stubLogin(salesforce);
        salesforce.stubFor(patch(urlPathMatching("/services/data/v62.0/composite/sobjects/.*"))
                .willReturn(SalesforceWireMock.json(200, SalesforceWireMock.body("collections-upsert-results.json"))));
        StringBuilder tasks = new StringBuilder();
        for (int i = 0; i < 7; i++) {
            // L-1: seven attempts, the first six days ago, none answered; the last one is read with its Completed time
            task(tasks, "00TD00000C000" + i + "AAA", LEASE_1, "Left voicemail", firstAttempt.plus(Duration.ofHours(20L * i)));
        }
        task(tasks, "00TD00000C0010AAA", LEASE_2, "Connected", conversation);
        task(tasks, "00TD00000C0011AAA", "001D00000A00001AAA", "Connected", conversation);
        salesforce.stubFor(get(urlPathMatching("/services/data/v62.0/query/?")).withQueryParam("q", containing("FROM Task"))
                .willReturn(SalesforceWireMock.json(200, "{\"totalSize\":9,\"done\":true,\"records\":[" + tasks + "]}")));
        stubTexts();
        salesforce.stubFor(get(urlPathMatching("/services/data/v62.0/query/?")).withQueryParam("q", containing("FROM Lease__c"))
                .willReturn(SalesforceWireMock.json(200, "{\"totalSize\":2,\"done\":true,\"records\":["
                        + lease(LEASE_1, "L-1") + "," + lease(LEASE_2, "L-2") + "]}")));
        ingest.ingest("accounts", "accounts_20261101.csv", LeaseWorksExports.accounts()
                .lease("C-1", "Customer 1", "L-1", 20).lease("C-2", "Customer 2", "L-2", 20).stream());
    }

    @Test
    void callsOnALeaseSetItsContactLimitsAndReadingThemAgainSendsNothing() throws Exception {
        producer.requestBody(CallActivityRoutes.READ, (Object) null);
        drain();

        JsonNode l1 = single(contactLimits("L-1"));
        assertThat(l1.path("attributes").path("type").asText()).isEqualTo("Lease__c");
        assertThat(l1.path("Call_Attempts_7D__c").asInt()).isEqualTo(7);
        assertThat(l1.path("Contact_Blocked_Reason__c").asText()).startsWith("ATTEMPT_LIMIT: 7 call attempts within 7 days");
        assertThat(Instant.parse(l1.path("Next_Contact_Allowed_At__c").asText())).isAfterOrEqualTo(firstAttempt.plus(Duration.ofDays(7)));
        assertThat(l1.get("Last_Conversation_At__c").isNull()).isTrue();
        assertThat(l1.has("Days_Past_Due__c")).as("the contact-limits facet carries only its own fields").isFalse();

        JsonNode l2 = single(contactLimits("L-2"));
        assertThat(l2.path("Call_Attempts_7D__c").asInt()).isEqualTo(1);
        assertThat(Instant.parse(l2.path("Last_Conversation_At__c").asText())).isEqualTo(conversation);
        assertThat(l2.path("Contact_Blocked_Reason__c").asText()).startsWith("CONVERSATION_PAUSE");
        assertThat(Instant.parse(l2.path("Next_Contact_Allowed_At__c").asText())).isAfterOrEqualTo(conversation.plus(Duration.ofDays(7)));
        assertThat(jdbc.queryForObject("select count(*) from call_attempt", Integer.class))
                .as("the call logged on an Account is not about a lease").isEqualTo(8);

        // the same Tasks again (the reader's overlap): the limits stand as they were, Salesforce gets nothing
        producer.requestBody(CallActivityRoutes.READ, (Object) null);
        drain();

        assertThat(contactLimits("L-1")).hasSize(1);
        assertThat(contactLimits("L-2")).hasSize(1);
    }

    @Test
    void aDoNotCallCustomerAndALeaseWithNoKnownZoneShowTheirStandingWithNoCallEverRead() throws Exception {
        // C-3 asked not to be called; C-4 has neither a time zone nor a state; C-5 may be called and never was
        ingest.ingest("accounts", "accounts_20261102.csv", LeaseWorksExports.accounts()
                .raw("C-3,Customer 3,(312) 555-0103,,,1 Main St,Chicago,IL,60601,America/Chicago,Y,Y,Y,N,,L-3,ACTIVE,12/01/2026,20,100.00,,,12,,,jdoe,")
                .raw("C-4,Customer 4,(312) 555-0104,,,1 Main St,Chicago,,60601,,N,Y,Y,N,,L-4,ACTIVE,12/01/2026,20,100.00,,,12,,,jdoe,")
                .raw("C-5,Customer 5,(312) 555-0105,,,1 Main St,Chicago,IL,60601,America/Chicago,N,Y,Y,N,,L-5,ACTIVE,12/01/2026,20,100.00,,,12,,,jdoe,")
                .stream());
        salesforce.stubFor(get(urlPathMatching("/services/data/v62.0/query/?")).withQueryParam("q", containing("FROM Task"))
                .willReturn(SalesforceWireMock.json(200, "{\"totalSize\":0,\"done\":true,\"records\":[]}")));

        producer.requestBody(CallActivityRoutes.READ, (Object) null);
        drain();

        JsonNode l3 = single(contactLimits("L-3"));
        assertThat(l3.path("Contact_Blocked_Reason__c").asText()).startsWith("DO_NOT_CALL");
        assertThat(l3.get("Next_Contact_Allowed_At__c").isNull()).as("no call is ever allowed").isTrue();
        assertThat(l3.path("Call_Attempts_7D__c").asInt()).isZero();
        JsonNode l4 = single(contactLimits("L-4"));
        assertThat(l4.path("Contact_Blocked_Reason__c").asText()).startsWith("NO_TIME_ZONE");
        assertThat(l4.get("Next_Contact_Allowed_At__c").isNull()).isTrue();
        assertThat(contactLimits("L-5")).as("a callable lease nobody called has nothing to show").isEmpty();

        // read again, nothing changed: nothing is sent; the customer drops do-not-call: the lease is callable again
        producer.requestBody(CallActivityRoutes.READ, (Object) null);
        drain();
        assertThat(contactLimits("L-3")).hasSize(1);
        ingest.ingest("accounts", "accounts_20261103.csv", LeaseWorksExports.accounts()
                .raw("C-3,Customer 3,(312) 555-0103,,,1 Main St,Chicago,IL,60601,America/Chicago,N,Y,Y,N,,L-3,ACTIVE,12/01/2026,20,100.00,,,12,,,jdoe,")
                .stream());
        producer.requestBody(CallActivityRoutes.READ, (Object) null);
        drain();
        List<JsonNode> l3Sent = contactLimits("L-3");
        assertThat(l3Sent).hasSize(2);
        assertThat(l3Sent.get(1).path("Contact_Blocked_Reason__c").asText()).doesNotStartWith("DO_NOT_CALL");
        assertThat(l3Sent.get(1).get("Next_Contact_Allowed_At__c").isNull()).isFalse();
    }

    @Test
    void textsFromTheConfiguredSmsObjectCountTheTextsSentInSevenDaysAndTheCustomersLastReply() throws Exception {
        salesforce.stubFor(get(urlPathMatching("/services/data/v62.0/query/?")).withQueryParam("q", containing("FROM Task"))
                .willReturn(SalesforceWireMock.json(200, "{\"totalSize\":0,\"done\":true,\"records\":[]}")));
        Instant reply = now.minus(Duration.ofHours(3));
        stubTexts(text("a0SD00000T00001AAA", LEASE_1, "Outbound", now.minus(Duration.ofDays(8))),
                text("a0SD00000T00002AAA", LEASE_1, "Outbound", now.minus(Duration.ofDays(1))),
                text("a0SD00000T00003AAA", LEASE_2, "Outbound", now.minus(Duration.ofDays(2))),
                text("a0SD00000T00004AAA", LEASE_2, "inbound", reply));

        producer.requestBody(CallActivityRoutes.READ, (Object) null);
        drain();

        JsonNode l1 = single(contactLimits("L-1"));
        assertThat(l1.path("Texts_Sent_7D__c").asInt()).as("the text of eight days ago is out of the period").isEqualTo(1);
        assertThat(l1.get("Last_Text_Reply_At__c").isNull()).isTrue();
        assertThat(l1.path("Call_Attempts_7D__c").asInt()).as("a text is no call attempt").isZero();
        JsonNode l2 = single(contactLimits("L-2"));
        assertThat(l2.path("Texts_Sent_7D__c").asInt()).isEqualTo(1);
        assertThat(Instant.parse(l2.path("Last_Text_Reply_At__c").asText())).isEqualTo(reply);
        assertThat(jdbc.queryForObject("select count(*) from text_message where inbound", Integer.class)).isEqualTo(1);
        assertThat(salesforce.getAllServeEvents().stream().map(e -> e.getRequest().queryParameter("q"))
                .filter(q -> q.isPresent() && q.firstValue().contains(SMS_OBJECT)).map(q -> q.firstValue()).findFirst().orElseThrow())
                .startsWith("SELECT Id, acme_sms__Lease__c, acme_sms__Sent_At__c, acme_sms__Direction__c, SystemModstamp FROM "
                        + SMS_OBJECT + " WHERE SystemModstamp >= ")
                .endsWith(" AND acme_sms__Lease__c != null ORDER BY SystemModstamp, Id");

        // the same texts again (the reader's overlap): nothing changed, nothing is sent
        producer.requestBody(CallActivityRoutes.READ, (Object) null);
        drain();
        assertThat(contactLimits("L-1")).hasSize(1);
        assertThat(contactLimits("L-2")).hasSize(1);
    }

    private static void stubTexts(String... records) {
        salesforce.stubFor(get(urlPathMatching("/services/data/v62.0/query/?")).withQueryParam("q", containing("FROM " + SMS_OBJECT))
                .willReturn(SalesforceWireMock.json(200, "{\"totalSize\":" + records.length + ",\"done\":true,\"records\":["
                        + String.join(",", records) + "]}")));
    }

    private static String text(String id, String leaseId, String direction, Instant at) {
        return "{\"attributes\":{\"type\":\"" + SMS_OBJECT + "\",\"url\":\"/services/data/v62.0/sobjects/" + SMS_OBJECT + "/" + id
                + "\"},\"Id\":\"" + id + "\",\"acme_sms__Lease__c\":\"" + leaseId + "\",\"acme_sms__Sent_At__c\":\""
                + SALESFORCE.format(at) + "\",\"acme_sms__Direction__c\":\"" + direction + "\",\"SystemModstamp\":\""
                + SALESFORCE.format(at.plusSeconds(5)) + "\"}";
    }

    private static void task(StringBuilder out, String id, String whatId, String disposition, Instant at) {
        if (!out.isEmpty()) {
            out.append(',');
        }
        out.append("{\"attributes\":{\"type\":\"Task\",\"url\":\"/services/data/v62.0/sobjects/Task/").append(id).append("\"},")
                .append("\"Id\":\"").append(id).append("\",\"WhatId\":\"").append(whatId).append("\",")
                .append("\"CallDisposition\":\"").append(disposition).append("\",")
                .append("\"CompletedDateTime\":\"").append(SALESFORCE.format(at)).append("\",")
                .append("\"CreatedDate\":\"").append(SALESFORCE.format(at.plusSeconds(30))).append("\",")
                .append("\"SystemModstamp\":\"").append(SALESFORCE.format(at.plusSeconds(30))).append("\"}");
    }

    private static String lease(String id, String leaseId) {
        return "{\"attributes\":{\"type\":\"Lease__c\",\"url\":\"/services/data/v62.0/sobjects/Lease__c/" + id + "\"},\"Id\":\"" + id
                + "\",\"LeaseWorks_Lease_Id__c\":\"" + leaseId + "\"}";
    }

    private void drain() {
        producer.requestBody(SalesforceOutboxDrainRoute.DRAIN, (Object) null);
    }

    /** Every Lease__c record sent with the contact-limit fields for this lease, in the order sent. */
    private List<JsonNode> contactLimits(String leaseId) throws Exception {
        List<JsonNode> sent = new ArrayList<>();
        List<ServeEvent> calls = salesforce.getAllServeEvents().stream()
                .filter(e -> e.getRequest().getMethod().getName().equals("PATCH")
                        && e.getRequest().getUrl().contains("/composite/sobjects/Lease__c/LeaseWorks_Lease_Id__c"))
                .sorted(Comparator.comparing(e -> e.getRequest().getLoggedDate())).toList();
        for (ServeEvent call : calls) {
            for (JsonNode r : json.readTree(call.getRequest().getBodyAsString()).path("records")) {
                if (r.has("Call_Attempts_7D__c") && leaseId.equals(r.path("LeaseWorks_Lease_Id__c").asText())) {
                    sent.add(r);
                }
            }
        }
        return sent;
    }

    private static JsonNode single(List<JsonNode> records) {
        assertThat(records).hasSize(1);
        return records.get(0);
    }
}
