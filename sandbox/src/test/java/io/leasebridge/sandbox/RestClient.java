package io.leasebridge.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/** A bare Salesforce REST client for simulator tests: what goes over the wire is what the test says. */
final class RestClient {

    static final String VERSION = "62.0";

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final ObjectMapper json = new ObjectMapper();
    private final String baseUrl;
    private String token;

    RestClient(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    record Reply(int status, JsonNode body, HttpResponse<String> raw) {
        String header(String name) {
            return raw.headers().firstValue(name).orElse(null);
        }

        String text() {
            return raw.body();
        }
    }

    Reply login() {
        Reply reply = send(HttpRequest.newBuilder(URI.create(baseUrl + "/services/oauth2/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=password&client_id=lb&client_secret=s3cret"
                        + "&username=" + URLEncoder.encode("sync@leasebridge.test", StandardCharsets.UTF_8) + "&password=pw&format=json"))
                .build());
        if (reply.status() == 200) {
            token = reply.body().get("access_token").asText();
        }
        return reply;
    }

    String token() {
        return token;
    }

    Reply upsert(String sObject, String externalIdField, String body) {
        return send(authorized(HttpRequest.newBuilder(dataUri("/composite/sobjects/" + sObject + "/" + externalIdField)))
                .header("Content-Type", "application/json")
                .method("PATCH", HttpRequest.BodyPublishers.ofString(body))
                .build());
    }

    /** sObject Collections update: each record names its type in attributes and itself by Id. */
    Reply update(String body) {
        return send(authorized(HttpRequest.newBuilder(dataUri("/composite/sobjects")))
                .header("Content-Type", "application/json")
                .method("PATCH", HttpRequest.BodyPublishers.ofString(body))
                .build());
    }

    Reply query(String soql) {
        return get("/services/data/v" + VERSION + "/query?q=" + URLEncoder.encode(soql, StandardCharsets.UTF_8));
    }

    Reply get(String path) {
        return send(authorized(HttpRequest.newBuilder(URI.create(baseUrl + path))).GET().build());
    }

    /** A Bulk API 2.0 ingest request: {@code resource} under {@code /jobs/ingest}, a JSON or CSV body or none. */
    Reply bulk(String method, String resource, String contentType, String body) {
        HttpRequest.Builder request = authorized(HttpRequest.newBuilder(dataUri("/jobs/ingest" + resource)));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        return send(request.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
                .build());
    }

    Reply sendUnauthenticated(HttpRequest request) {
        return send(request);
    }

    URI dataUri(String resource) {
        return URI.create(baseUrl + "/services/data/v" + VERSION + resource);
    }

    private HttpRequest.Builder authorized(HttpRequest.Builder builder) {
        return token == null ? builder : builder.header("Authorization", "Bearer " + token);
    }

    private Reply send(HttpRequest request) {
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            String text = response.body();
            boolean isJson = response.headers().firstValue("Content-Type").map(t -> t.contains("json")).orElse(true);
            return new Reply(response.statusCode(), text.isEmpty() || !isJson ? null : json.readTree(text), response);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
