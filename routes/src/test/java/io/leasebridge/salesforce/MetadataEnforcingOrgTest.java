package io.leasebridge.salesforce;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import io.leasebridge.mapping.salesforce.SalesforceVehicles;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

import static com.github.tomakehurst.wiremock.client.WireMock.patch;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

/** The route tests' org refuses what the shipped metadata does not define, whatever a test stubbed. */
class MetadataEnforcingOrgTest {

    private static WireMockServer salesforce;
    private final HttpClient http = HttpClient.newHttpClient();
    private final ObjectMapper json = new ObjectMapper();

    @BeforeAll
    static void start() {
        salesforce = SalesforceWireMock.start();
        salesforce.stubFor(patch(urlPathEqualTo(SalesforceWireMock.upsertPath("Lease__c", "LeaseWorks_Lease_Id__c")))
                .willReturn(SalesforceWireMock.json(200, SalesforceWireMock.body("all-succeed-results.json"))));
    }

    @AfterAll
    static void stop() {
        salesforce.stop();
    }

    @Test
    void aStubbedUpsertOfAFieldTheMetadataLacksIsRefusedAsAWhole() throws Exception {
        HttpResponse<String> reply = upsert("""
                {"records":[{"attributes":{"type":"Lease__c"},"LeaseWorks_Lease_Id__c":"L-1","Balance__c":12.5}]}""");

        assertThat(reply.statusCode()).isEqualTo(400);
        JsonNode error = json.readTree(reply.body()).get(0);
        assertThat(error.get("errorCode").asText()).isEqualTo("INVALID_FIELD");
        assertThat(error.get("message").asText()).isEqualTo("No such column 'Balance__c' on sobject of type Lease__c");
    }

    @Test
    void aStubbedUpsertKeepsItsResultsForGoodRecordsAndFailsTheRecordAFieldRefuses() throws Exception {
        HttpResponse<String> reply = upsert("""
                {"records":[{"attributes":{"type":"Lease__c"},"LeaseWorks_Lease_Id__c":"L-1","Collector__c":"Renée"},
                            {"attributes":{"type":"Lease__c"},"LeaseWorks_Lease_Id__c":"L-2","Collector__c":"%s"}]}"""
                .formatted("x".repeat(300)));

        JsonNode results = json.readTree(reply.body());
        assertThat(reply.statusCode()).isEqualTo(200);
        assertThat(results.get(0).get("success").asBoolean()).isTrue();
        JsonNode error = results.get(1).get("errors").get(0);
        assertThat(error.get("statusCode").asText()).isEqualTo("STRING_TOO_LONG");
        assertThat(error.get("message").asText()).startsWith("Collector: data value too large: xxx").endsWith("(max length=255)");
        assertThat(error.get("fields").get(0).asText()).isEqualTo("Collector__c");
    }

    @Test
    void aQueryOfAFieldTheMetadataLacksIsAnInvalidFieldAndTheVehicleReadersQueryIsNot() throws Exception {
        HttpResponse<String> bad = query("SELECT Id, Colour__c FROM Vehicle__c WHERE SystemModstamp >= 2026-03-01T00:00:00Z");
        HttpResponse<String> good = query("SELECT " + String.join(", ", SalesforceVehicles.FIELDS) + " FROM Vehicle__c"
                + " WHERE SystemModstamp >= 2026-03-01T00:00:00Z ORDER BY SystemModstamp, Id");

        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(json.readTree(bad.body()).get(0).get("message").asText()).startsWith("No such column 'Colour__c' on entity 'Vehicle__c'");
        assertThat(good.statusCode()).isEqualTo(200);
    }

    private HttpResponse<String> upsert(String body) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(salesforce.baseUrl()
                        + SalesforceWireMock.upsertPath("Lease__c", "LeaseWorks_Lease_Id__c")))
                .header("Content-Type", "application/json").method("PATCH", HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> query(String soql) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(salesforce.baseUrl() + "/services/data/v" + SalesforceWireMock.API_VERSION
                + "/query?q=" + URLEncoder.encode(soql, StandardCharsets.UTF_8))).GET().build(), HttpResponse.BodyHandlers.ofString());
    }
}
