package io.leasebridge.connectors.quickbooks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The QuickBooks Online v3 accounting API of one company: create, sparse update, read and query entities.
 * Every call carries {@code minorversion}, writes carry {@code requestid}; every call passes the company's
 * limits. 401 refreshes the token once, 429 waits and tries again; 5xx and lost answers throw
 * {@link QuickBooksUnavailableException} (outcome unknown), any other fault {@link QuickBooksFaultException}.
 */
public class QuickBooksApi {

    private final QuickBooksProperties properties;
    private final QuickBooksHttp http;
    private final QuickBooksTokens tokens;
    private final QuickBooksLimits limits;
    private final ObjectMapper json = new ObjectMapper();
    private final java.util.concurrent.atomic.AtomicLong calls = new java.util.concurrent.atomic.AtomicLong();

    public QuickBooksApi(QuickBooksProperties properties, QuickBooksHttp http, QuickBooksTokens tokens, QuickBooksLimits limits) {
        this.properties = properties;
        this.http = http;
        this.tokens = tokens;
        this.limits = limits;
    }

    /** Creates an entity ({@code Bill}, {@code Vendor}, ...) and returns it as QuickBooks stored it. */
    public JsonNode create(String entity, ObjectNode body, String requestId) {
        return call("POST", entityPath(entity), Map.of("requestid", requestId), body).path(entity);
    }

    /** A sparse update: {@code body} carries {@code Id}, {@code SyncToken} and the changed fields. */
    public JsonNode update(String entity, ObjectNode body, String requestId) {
        body.put("sparse", true);
        return call("POST", entityPath(entity), Map.of("requestid", requestId), body).path(entity);
    }

    public JsonNode read(String entity, String id) {
        return call("GET", entityPath(entity) + "/" + encode(id), Map.of(), null).path(entity);
    }

    /** {@code select * from <entity> where <field> = '<value>'}: the matching entities, none when there are none. */
    public List<JsonNode> findBy(String entity, String field, String value) {
        String query = "select * from " + entity + " where " + field + " = '" + value.replace("\\", "\\\\").replace("'", "\\'") + "'";
        JsonNode found = call("GET", companyPath() + "/query", Map.of("query", query), null).path("QueryResponse").path(entity);
        List<JsonNode> entities = new ArrayList<>();
        found.forEach(entities::add);
        return entities;
    }

    /**
     * One page of {@code select * from <entity> where <condition> STARTPOSITION <start> MAXRESULTS <max>}: the
     * entities of the page ({@code QueryResponse.<entity>}), none past the last one.
     */
    public List<JsonNode> query(String entity, String condition, int startPosition, int maxResults) {
        String query = "select * from " + entity + " where " + condition + " STARTPOSITION " + startPosition + " MAXRESULTS " + maxResults;
        JsonNode found = call("GET", companyPath() + "/query", Map.of("query", query), null).path("QueryResponse").path(entity);
        List<JsonNode> entities = new ArrayList<>();
        found.forEach(entities::add);
        return entities;
    }

    private JsonNode call(String method, String path, Map<String, String> query, ObjectNode body) {
        Map<String, String> parameters = new LinkedHashMap<>(query);
        parameters.put("minorversion", String.valueOf(properties.minorVersion()));
        URI uri = URI.create(properties.baseUrl().toString().replaceAll("/+$", "") + path + "?" + parameters.entrySet().stream()
                .map(e -> e.getKey() + "=" + encode(e.getValue())).collect(Collectors.joining("&")));
        String payload = body == null ? null : body.toString();
        boolean tokenRetried = false;
        for (int throttled = 0; ; ) {
            String token = tokens.accessToken();
            Map<String, String> headers = new LinkedHashMap<>();
            headers.put("Authorization", "Bearer " + token);
            headers.put("Accept", "application/json");
            if (payload != null) {
                headers.put("Content-Type", "application/json");
            }
            calls.incrementAndGet();
            QuickBooksHttp.Reply reply = limits.call(() -> http.send(new QuickBooksHttp.Call(method, uri, headers, payload)));
            JsonNode answer = parse(reply.body());
            if (reply.ok() && !answer.has("Fault")) {
                return answer;
            }
            if (reply.status() == 401) {
                tokens.rejected(token);
                if (tokenRetried) {
                    throw new QuickBooksUnavailableException("QuickBooks refused a freshly refreshed access token (HTTP 401)", null);
                }
                tokenRetried = true;
                continue;
            }
            QuickBooksFault fault = QuickBooksFault.of(reply.status(), answer);
            if (fault.throttled()) {
                if (++throttled > properties.retry().throttledRetries()) {
                    throw new QuickBooksUnavailableException("QuickBooks kept throttling: " + fault.describe(), null);
                }
                pause(retryAfter(reply));
                continue;
            }
            if (reply.status() >= 500) {
                throw new QuickBooksUnavailableException(method + " " + path + " failed: " + fault.describe(), null);
            }
            throw new QuickBooksFaultException(fault);
        }
    }

    /** Calls made to the accounting API so far (token refreshes not counted). */
    public long calls() {
        return calls.get();
    }

    private Duration retryAfter(QuickBooksHttp.Reply reply) {
        String seconds = reply.header("Retry-After");
        if (seconds != null && seconds.matches("\\d{1,4}")) {
            return Duration.ofSeconds(Long.parseLong(seconds));
        }
        return properties.retry().throttleWait();
    }

    private static void pause(Duration wait) {
        try {
            Thread.sleep(wait.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new QuickBooksUnavailableException("interrupted while QuickBooks was throttling", e);
        }
    }

    private String companyPath() {
        return "/v3/company/" + encode(properties.realmId());
    }

    private String entityPath(String entity) {
        return companyPath() + "/" + entity.toLowerCase(java.util.Locale.ROOT);
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private JsonNode parse(String body) {
        try {
            return body == null || body.isBlank() ? json.createObjectNode() : json.readTree(body);
        } catch (Exception e) {
            return json.createObjectNode();
        }
    }
}
