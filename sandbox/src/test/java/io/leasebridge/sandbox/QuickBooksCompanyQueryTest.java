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

/** The simulated company answers QuickBooks Online's query endpoint by TxnDate, a page at a time. */
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

    private void post(String resource, String body) throws Exception {
        HttpResponse<String> reply = http.send(HttpRequest.newBuilder(URI.create(quickBooks.baseUrl() + "/v3/company/"
                        + QuickBooksSimulator.REALM_ID + "/" + resource + "?minorversion=75"))
                .header("Authorization", "Bearer " + accessToken).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(reply.statusCode()).as(reply.body()).isEqualTo(200);
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
