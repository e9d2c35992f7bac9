package io.leasebridge.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The simulated company answers QuickBooks Online's query endpoint by TxnDate, a page at a time, and refuses a journal
 * line on accounts receivable or payable that names no customer or vendor, as QuickBooks does.
 */
class QuickBooksCompanyQueryTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http = HttpClient.newHttpClient();
    private QuickBooksSimulator quickBooks;
    private String accessToken;

    @BeforeEach
    void start() throws Exception {
        quickBooks = QuickBooksSimulator.start(0);
        String basic = Base64.getEncoder().encodeToString((QuickBooksSimulator.CLIENT_ID + ":" + QuickBooksSimulator.CLIENT_SECRET)
                .getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> token = http.send(HttpRequest.newBuilder(URI.create(quickBooks.tokenUrl()))
                .header("Authorization", "Basic " + basic).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=refresh_token&refresh_token=" + QuickBooksSimulator.FIRST_REFRESH_TOKEN))
                .build(), HttpResponse.BodyHandlers.ofString());
        accessToken = JSON.readTree(token.body()).get("access_token").asText();
    }

    @AfterEach
    void stop() {
        quickBooks.stop();
    }

    @Test
    void aTxnDateQueryAnswersTheDocumentsFromThatDayOnAPageAtATime() throws Exception {
        for (String day : List.of("2026-11-20", "2026-11-26", "2026-11-27", "2026-12-01")) {
            post("journalentry", """
                    {"TxnDate":"%s","DocNumber":"GL-%s","Line":[
                      {"Amount":10.50,"DetailType":"JournalEntryLineDetail","JournalEntryLineDetail":{"PostingType":"Debit","AccountRef":{"value":"1"}}},
                      {"Amount":10.50,"DetailType":"JournalEntryLineDetail","JournalEntryLineDetail":{"PostingType":"Credit","AccountRef":{"value":"2"}}}]}"""
                    .formatted(day, day));
        }

        JsonNode first = query("select * from JournalEntry where TxnDate >= '2026-11-26' STARTPOSITION 1 MAXRESULTS 2");
        JsonNode second = query("select * from JournalEntry where TxnDate >= '2026-11-26' STARTPOSITION 3 MAXRESULTS 2");
        JsonNode byDocNumber = query("select * from JournalEntry where DocNumber = 'GL-2026-11-20'");

        List<String> days = new ArrayList<>();
        first.path("QueryResponse").path("JournalEntry").forEach(d -> days.add(d.path("TxnDate").asText()));
        assertThat(days).containsExactly("2026-11-26", "2026-11-27");
        assertThat(first.path("QueryResponse").path("startPosition").asInt()).isEqualTo(1);
        assertThat(first.path("QueryResponse").path("maxResults").asInt()).isEqualTo(2);
        assertThat(second.path("QueryResponse").path("JournalEntry")).hasSize(1);
        assertThat(second.path("QueryResponse").path("JournalEntry").get(0).path("TxnDate").asText()).isEqualTo("2026-12-01");
        assertThat(second.path("QueryResponse").path("startPosition").asInt()).isEqualTo(3);
        assertThat(byDocNumber.path("QueryResponse").path("JournalEntry").get(0).path("TotalAmt").decimalValue()).isEqualByComparingTo("10.50");
        assertThat(query("select * from JournalEntry where TxnDate >= '2027-01-01' STARTPOSITION 1 MAXRESULTS 1000")
                .path("QueryResponse").isEmpty()).as("no document answers an empty QueryResponse").isTrue();
    }

    @Test
    void aJournalLineOnReceivablesOrPayablesWithoutItsCustomerOrVendorIsRefusedAsQuickBooksRefusesIt() throws Exception {
        String entry = """
                {"TxnDate":"2026-11-20","DocNumber":"%s","Line":[
                  {"Amount":75.00,"DetailType":"JournalEntryLineDetail","JournalEntryLineDetail":{"PostingType":"Debit","AccountRef":{"value":"35"}}},
                  {"Amount":75.00,"DetailType":"JournalEntryLineDetail","JournalEntryLineDetail":{"PostingType":"Credit","AccountRef":{"value":"%s"}%s}}]}""";

        HttpResponse<String> receivable = send("journalentry", entry.formatted("AR-1", "84", ""));
        HttpResponse<String> payable = send("journalentry", entry.formatted("AP-1", "86", ",\"Entity\":{\"Type\":\"Customer\",\"EntityRef\":{\"value\":\"58\"}}"));

        assertThat(receivable.statusCode()).isEqualTo(400);
        JsonNode error = JSON.readTree(receivable.body()).path("Fault").path("Error").get(0);
        assertThat(JSON.readTree(receivable.body()).path("Fault").path("type").asText()).isEqualTo("ValidationFault");
        assertThat(error.path("code").asText()).isEqualTo("6000");
        assertThat(error.path("Detail").asText()).contains("Accounts Receivable, you must choose a customer");
        assertThat(payable.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(payable.body()).path("Fault").path("Error").get(0).path("Detail").asText())
                .contains("Accounts Payable, you must select a vendor");
        post("journalentry", entry.formatted("AP-2", "86", ",\"Entity\":{\"Type\":\"Vendor\",\"EntityRef\":{\"value\":\"41\"}}"));
        assertThat(query("select * from JournalEntry where DocNumber = 'AR-1'").path("QueryResponse").isEmpty()).isTrue();
    }

    private void post(String resource, String body) throws Exception {
        HttpResponse<String> reply = send(resource, body);
        assertThat(reply.statusCode()).as(reply.body()).isEqualTo(200);
    }

    private HttpResponse<String> send(String resource, String body) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(quickBooks.baseUrl() + "/v3/company/"
                        + QuickBooksSimulator.REALM_ID + "/" + resource + "?minorversion=75"))
                .header("Authorization", "Bearer " + accessToken).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private JsonNode query(String query) throws Exception {
        HttpResponse<String> reply = http.send(HttpRequest.newBuilder(URI.create(quickBooks.baseUrl() + "/v3/company/"
                        + QuickBooksSimulator.REALM_ID + "/query?query=" + URLEncoder.encode(query, StandardCharsets.UTF_8) + "&minorversion=75"))
                .header("Authorization", "Bearer " + accessToken).header("Accept", "application/json").GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(reply.statusCode()).as(reply.body()).isEqualTo(200);
        return JSON.readTree(reply.body());
    }
}
