package io.leasebridge.sandbox;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.http.Request;
import com.github.tomakehurst.wiremock.http.RequestMethod;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Salesforce's HTTP surface as a WireMock transformer: the OAuth token and revoke endpoints, session
 * checks, the API-usage header and limit, sObject Collections upsert, Bulk API 2.0 ingest jobs
 * ({@link BulkIngestJobs}), SOQL query with query-more paging and the limits resource. The data itself lives in {@link SalesforceOrg}; injected faults in
 * {@link WriteFaults}.
 */
final class SalesforceApi implements ResponseDefinitionTransformerV2 {

    static final String NAME = "leasebridge-salesforce-simulator";

    private static final Logger LOG = LoggerFactory.getLogger(SalesforceApi.class);
    private static final Pattern DATA = Pattern.compile("/services/data/v(\\d{2,3}\\.\\d)(/.*)?");
    private static final Pattern UPSERT = Pattern.compile("/composite/sobjects/([^/]+)/([^/]+)/?");
    private static final Pattern UPDATE = Pattern.compile("/composite/sobjects/?");
    private static final Pattern QUERY = Pattern.compile("/query/?");
    private static final Pattern QUERY_MORE = Pattern.compile("/query/([0-9A-Za-z]{15,18})-(\\d+)/?");
    private static final Pattern LIMITS = Pattern.compile("/limits/?");
    private static final Pattern JOBS = Pattern.compile("/jobs/ingest/?");
    private static final Pattern JOB = Pattern.compile("/jobs/ingest/([0-9A-Za-z]{15,18})/?");
    private static final Pattern UPLOAD = Pattern.compile("/jobs/ingest/([0-9A-Za-z]{15,18})/batches/?");
    private static final Pattern RESULTS = Pattern.compile("/jobs/ingest/([0-9A-Za-z]{15,18})/(successfulResults|failedResults|unprocessedrecords)/?");
    private static final Pattern BATCH_SIZE = Pattern.compile("(?i)batchSize\\s*=\\s*(\\d+)");
    private static final String JSON = "application/json;charset=UTF-8";

    private final SalesforceOrg org;
    private final BulkIngestJobs bulk;
    private final WriteFaults faults;
    private final Clock clock;
    private final ObjectMapper json = new ObjectMapper()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN);

    private final String orgId = SalesforceIds.id("00D", 1);
    private final String userId = SalesforceIds.id("005", 1);
    private final Set<String> liveTokens = ConcurrentHashMap.newKeySet();
    private final Set<String> issuedTokens = ConcurrentHashMap.newKeySet();
    private final AtomicInteger loginCalls = new AtomicInteger();
    private final AtomicLong apiUsage = new AtomicLong();
    private volatile long apiLimit = 15_000;
    private volatile String baseUrl = "http://localhost";

    SalesforceApi(SalesforceOrg org, BulkIngestJobs bulk, WriteFaults faults, Clock clock) {
        this.org = org;
        this.bulk = bulk;
        this.faults = faults;
        this.clock = clock;
    }

    @Override
    public String getName() {
        return NAME;
    }

    @Override
    public boolean applyGlobally() {
        return false;
    }

    void baseUrl(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    int loginCalls() {
        return loginCalls.get();
    }

    long apiUsage() {
        return apiUsage.get();
    }

    void apiLimit(long limit) {
        this.apiLimit = limit;
    }

    /** Every session ends, as when Salesforce times one out; the client must log in again. */
    void expireSessions() {
        liveTokens.clear();
    }

    void resetCounters() {
        loginCalls.set(0);
        apiUsage.set(0);
    }

    @Override
    public ResponseDefinition transform(ServeEvent event) {
        Request request = event.getRequest();
        String url = request.getUrl();
        int q = url.indexOf('?');
        String path = q < 0 ? url : url.substring(0, q);
        String query = q < 0 ? "" : url.substring(q + 1);
        try {
            if (path.equals("/services/oauth2/token") && request.getMethod().getName().equals("POST")) {
                return token(form(request.getBodyAsString()));
            }
            if (path.equals("/services/oauth2/revoke")
                    && (request.getMethod().getName().equals("GET") || request.getMethod().getName().equals("POST"))) {
                Map<String, String> params = form(query);
                params.putAll(form(request.getMethod().getName().equals("POST") ? request.getBodyAsString() : ""));
                return revoke(params.get("token"));
            }
            Matcher data = DATA.matcher(path);
            if (data.matches()) {
                return data(request, data.group(1), data.group(2) == null ? "" : data.group(2), query);
            }
            throw notFound();
        } catch (SalesforceApiException e) {
            return errors(e.status(), e.errorCode(), e.getMessage(), null);
        } catch (RuntimeException e) {
            String errorId = UUID.randomUUID().toString();
            LOG.error("Salesforce simulator failed on {} {} (ErrorId {})", request.getMethod(), url, errorId, e);
            return errors(500, "UNKNOWN_EXCEPTION",
                    "An unexpected error occurred. Please include this ErrorId if you contact support: " + errorId, null);
        }
    }

    // ---------------------------------------------------------------- OAuth

    private ResponseDefinition token(Map<String, String> form) {
        if (form.get("grant_type") == null || form.get("grant_type").isBlank()) {
            return jsonResponse(400, Map.of("error", "unsupported_grant_type", "error_description", "grant type not supported"), null);
        }
        loginCalls.incrementAndGet();
        String token = SalesforceIds.shortForm(orgId) + "!AQ" + UUID.randomUUID().toString().replace("-", "");
        issuedTokens.add(token);
        liveTokens.add(token);
        String id = baseUrl + "/id/" + orgId + "/" + userId;
        String issuedAt = Long.toString(clock.millis());
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("access_token", token);
        body.put("instance_url", baseUrl);
        body.put("id", id);
        body.put("token_type", "Bearer");
        body.put("issued_at", issuedAt);
        body.put("signature", signature(id + issuedAt, form.getOrDefault("client_secret", "")));
        return jsonResponse(200, body, null);
    }

    /** Salesforce signs {@code id + issued_at} with HMAC-SHA256 keyed by the connected app's secret. */
    private static String signature(String content, String secret) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec((secret.isEmpty() ? "sandbox" : secret).getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return Base64.getEncoder().encodeToString(mac.doFinal(content.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private ResponseDefinition revoke(String token) {
        if (token == null || !liveTokens.remove(token)) {
            return jsonResponse(400, Map.of("error", "invalid_token"), null);
        }
        return ResponseDefinitionBuilder.responseDefinition().withStatus(200).build();
    }

    // ---------------------------------------------------------------- data API

    private ResponseDefinition data(Request request, String version, String resource, String query) {
        if (!authenticated(request)) {
            return errors(401, "INVALID_SESSION_ID", "Session expired or invalid", null);
        }
        long usage = apiUsage.incrementAndGet();
        String limitInfo = "api-usage=" + usage + "/" + apiLimit;
        if (usage > apiLimit) {
            return errors(403, "REQUEST_LIMIT_EXCEEDED", "TotalRequests Limit exceeded.", limitInfo);
        }
        try {
            RequestMethod method = request.getMethod();
            Matcher m;
            if ((m = UPSERT.matcher(resource)).matches() && method.getName().equals("PATCH")) {
                return upsert(m.group(1), m.group(2), request.getBodyAsString(), limitInfo);
            }
            if (UPDATE.matcher(resource).matches() && method.getName().equals("PATCH")) {
                return update(request.getBodyAsString(), limitInfo);
            }
            if (QUERY.matcher(resource).matches() && method.getName().equals("GET")) {
                String soql = form(query).get("q");
                if (soql == null || soql.isBlank()) {
                    throw new SalesforceApiException(400, "MALFORMED_QUERY", "A query string has to be specified");
                }
                return page(org.query(SoqlQuery.parse(soql), version, batchSize(request)), limitInfo);
            }
            if ((m = QUERY_MORE.matcher(resource)).matches() && method.getName().equals("GET")) {
                return page(org.queryMore(m.group(1), Integer.parseInt(m.group(2))), limitInfo);
            }
            ResponseDefinition bulkAnswer = bulk(request, version, resource, limitInfo);
            if (bulkAnswer != null) {
                return bulkAnswer;
            }
            if (LIMITS.matcher(resource).matches() && method.getName().equals("GET")) {
                return jsonResponse(200, Map.of("DailyApiRequests", Map.of("Max", apiLimit, "Remaining", Math.max(0, apiLimit - usage))), limitInfo);
            }
            throw notFound();
        } catch (SalesforceApiException e) {
            return errors(e.status(), e.errorCode(), e.getMessage(), limitInfo);
        }
    }

    /** A Bulk API 2.0 ingest resource's answer, or null when the request is for another resource. */
    private ResponseDefinition bulk(Request request, String version, String resource, String limitInfo) {
        String method = request.getMethod().getName();
        Matcher m;
        if (JOBS.matcher(resource).matches() && method.equals("POST")) {
            return jsonResponse(200, bulk.create(version, collection(request.getBodyAsString())), limitInfo);
        }
        if ((m = UPLOAD.matcher(resource)).matches() && method.equals("PUT")) {
            bulk.upload(m.group(1), request.getHeader("Content-Type"), request.getBodyAsString());
            return ResponseDefinitionBuilder.responseDefinition().withStatus(201).withHeader("Sforce-Limit-Info", limitInfo).build();
        }
        if ((m = JOB.matcher(resource)).matches()) {
            switch (method) {
                case "GET":
                    return jsonResponse(200, bulk.info(m.group(1)), limitInfo);
                case "PATCH":
                    return jsonResponse(200, bulk.changeState(m.group(1), collection(request.getBodyAsString())), limitInfo);
                case "DELETE":
                    bulk.delete(m.group(1));
                    return ResponseDefinitionBuilder.responseDefinition().withStatus(204).withHeader("Sforce-Limit-Info", limitInfo).build();
                default:
                    return null;
            }
        }
        if ((m = RESULTS.matcher(resource)).matches() && method.equals("GET")) {
            String csv = switch (m.group(2)) {
                case "successfulResults" -> bulk.successfulResults(m.group(1));
                case "failedResults" -> bulk.failedResults(m.group(1));
                default -> bulk.unprocessedRecords(m.group(1));
            };
            return ResponseDefinitionBuilder.responseDefinition().withStatus(200).withHeader("Content-Type", "text/csv")
                    .withHeader("Sforce-Limit-Info", limitInfo).withBody(csv).build();
        }
        return null;
    }

    private boolean authenticated(Request request) {
        String header = request.getHeader("Authorization");
        if (header == null) {
            return false;
        }
        String h = header.strip();
        String token = h.regionMatches(true, 0, "Bearer ", 0, 7) ? h.substring(7).strip()
                : h.regionMatches(true, 0, "OAuth ", 0, 6) ? h.substring(6).strip() : null;
        return token != null && liveTokens.contains(token);
    }

    private ResponseDefinition update(String body, String limitInfo) {
        Map<?, ?> request = collection(body);
        List<Map<String, Object>> records = records(request);
        records.stream().map(r -> r.get("attributes") instanceof Map<?, ?> a ? String.valueOf(a.get("type")) : "")
                .distinct().forEach(org::countWriteCall);
        ResponseDefinition fault = injectedFault(limitInfo);
        if (fault != null) {
            return fault;
        }
        List<SalesforceOrg.UpsertResult> results = org.update(Boolean.TRUE.equals(request.get("allOrNone")), records);
        faults.writeSucceeded();
        faults.awaitWriteLatency();
        List<Map<String, Object>> out = new ArrayList<>(results.size());
        for (SalesforceOrg.UpsertResult r : results) {
            out.add(result(r, false));
        }
        return jsonResponse(200, out, limitInfo);
    }

    private ResponseDefinition injectedFault(String limitInfo) {
        switch (faults.nextWriteCall()) {
            case DROP_CONNECTION:
                return ResponseDefinitionBuilder.responseDefinition().withFault(Fault.CONNECTION_RESET_BY_PEER).build();
            case SERVICE_UNAVAILABLE:
                return errors(503, "SERVER_UNAVAILABLE", "Server Unavailable", limitInfo);
            default:
                return null;
        }
    }

    private Map<?, ?> collection(String body) {
        try {
            return json.readValue(body, Map.class);
        } catch (JsonProcessingException e) {
            throw new SalesforceApiException(400, "JSON_PARSER_ERROR", e.getOriginalMessage());
        }
    }

    private static List<Map<String, Object>> records(Map<?, ?> request) {
        if (!(request.get("records") instanceof List<?> list)) {
            throw new SalesforceApiException(400, "JSON_PARSER_ERROR", "records: a list of sObjects is required");
        }
        if (list.size() > SalesforceOrg.COLLECTION_LIMIT) {
            throw new SalesforceApiException(400, "EXCEEDED_ID_LIMIT",
                    "record limit reached. cannot submit more than " + SalesforceOrg.COLLECTION_LIMIT + " records into this call");
        }
        List<Map<String, Object>> records = new ArrayList<>(list.size());
        for (Object item : list) {
            if (!(item instanceof Map<?, ?> record)) {
                throw new SalesforceApiException(400, "JSON_PARSER_ERROR", "records: every item must be an sObject");
            }
            Map<String, Object> fields = new LinkedHashMap<>();
            record.forEach((k, v) -> fields.put(String.valueOf(k), v));
            records.add(fields);
        }
        return records;
    }

    private static Map<String, Object> result(SalesforceOrg.UpsertResult r, boolean withCreated) {
        Map<String, Object> result = new LinkedHashMap<>();
        if (r.success()) {
            result.put("id", r.id());
            result.put("success", true);
            result.put("errors", List.of());
            if (withCreated) {
                result.put("created", r.created());
            }
        } else {
            result.put("success", false);
            result.put("errors", r.errors().stream().map(e -> {
                Map<String, Object> error = new LinkedHashMap<>();
                error.put("statusCode", e.statusCode());
                error.put("message", e.message());
                error.put("fields", e.fields());
                return error;
            }).toList());
        }
        return result;
    }

    private ResponseDefinition upsert(String object, String externalIdField, String body, String limitInfo) {
        org.countWriteCall(object);
        ResponseDefinition fault = injectedFault(limitInfo);
        if (fault != null) {
            return fault;
        }
        Map<?, ?> request = collection(body);
        List<Map<String, Object>> records = records(request);
        boolean allOrNone = Boolean.TRUE.equals(request.get("allOrNone"));
        List<SalesforceOrg.UpsertResult> results = org.upsert(object, externalIdField, allOrNone, records);
        faults.writeSucceeded();
        // after the records are stored: a caller that dies now has written them without knowing it
        faults.awaitWriteLatency();
        List<Map<String, Object>> out = new ArrayList<>(results.size());
        for (SalesforceOrg.UpsertResult r : results) {
            out.add(result(r, true));
        }
        return jsonResponse(200, out, limitInfo);
    }

    private static Integer batchSize(Request request) {
        String options = request.getHeader("Sforce-Query-Options");
        if (options == null) {
            return null;
        }
        Matcher m = BATCH_SIZE.matcher(options);
        return m.find() ? Integer.valueOf(m.group(1)) : null;
    }

    private ResponseDefinition page(SalesforceOrg.QueryPage page, String limitInfo) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("totalSize", page.totalSize());
        body.put("done", page.done());
        if (page.nextRecordsUrl() != null) {
            body.put("nextRecordsUrl", page.nextRecordsUrl());
        }
        body.put("records", page.records());
        return jsonResponse(200, body, limitInfo);
    }

    // ---------------------------------------------------------------- wire helpers

    private static SalesforceApiException notFound() {
        return new SalesforceApiException(404, "NOT_FOUND", "The requested resource does not exist");
    }

    private ResponseDefinition errors(int status, String errorCode, String message, String limitInfo) {
        Map<String, Object> error = new LinkedHashMap<>();
        error.put("message", message);
        error.put("errorCode", errorCode);
        error.put("fields", List.of());
        return jsonResponse(status, List.of(error), limitInfo);
    }

    private ResponseDefinition jsonResponse(int status, Object body, String limitInfo) {
        ResponseDefinitionBuilder response = ResponseDefinitionBuilder.responseDefinition()
                .withStatus(status)
                .withHeader("Content-Type", JSON);
        if (limitInfo != null) {
            response.withHeader("Sforce-Limit-Info", limitInfo);
        }
        try {
            return response.withBody(json.writeValueAsString(body)).build();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Map<String, String> form(String encoded) {
        Map<String, String> params = new LinkedHashMap<>();
        if (encoded == null || encoded.isEmpty()) {
            return params;
        }
        for (String pair : encoded.split("&")) {
            int eq = pair.indexOf('=');
            String key = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            params.putIfAbsent(key, value);
        }
        return params;
    }
}
