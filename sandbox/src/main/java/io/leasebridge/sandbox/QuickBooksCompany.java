package io.leasebridge.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.Request;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;

import java.math.BigDecimal;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;

/**
 * The state and rules of one simulated QuickBooks Online company, answering the v3 API and Intuit's
 * token endpoint in their wire formats. Synchronized: LeaseBridge posts with several workers.
 */
final class QuickBooksCompany implements ResponseDefinitionTransformerV2 {

    static final String NAME = "quickbooks-company";
    static final String TOKEN_PATH = "/oauth2/v1/tokens/bearer";
    /**
     * The company's accounts receivable and payable accounts, and the name QuickBooks requires on a journal line on
     * each: it refuses a line on A/R without a customer and one on A/P without a vendor.
     */
    private static final Map<String, String> NAMED_ACCOUNTS = Map.of("84", "Customer", "86", "Vendor");

    /** The refusal QuickBooks gives the first A/R or A/P line of a JournalEntry that names no customer or vendor, or null. */
    private static String unnamedLine(JsonNode document) {
        for (JsonNode line : document.path("Line")) {
            JsonNode detail = line.path("JournalEntryLineDetail");
            String needed = NAMED_ACCOUNTS.get(detail.path("AccountRef").path("value").asText());
            if (needed != null && (!needed.equals(detail.path("Entity").path("Type").asText())
                    || detail.path("Entity").path("EntityRef").path("value").asText().isEmpty())) {
                return needed.equals("Customer")
                        ? "Business Validation Error: When you use Accounts Receivable, you must choose a customer in the Name field."
                        : "Business Validation Error: When you use Accounts Payable, you must select a vendor in the Name field.";
            }
        }
        return null;
    }

    private static final Pattern API = Pattern.compile("/v3/company/([^/]+)/([a-z]+)(?:/([^/]+))?");
    /** {@code select * from Bill where DocNumber = '...'} or {@code where TxnDate >= '...'}, optionally paged. */
    private static final Pattern QUERY = Pattern.compile("select \\* from (\\w+) where (\\w+) (=|>=) '((?:[^'\\\\]|\\\\.)*)'"
            + "(?:\\s+STARTPOSITION\\s+(\\d+))?(?:\\s+MAXRESULTS\\s+(\\d+))?", Pattern.CASE_INSENSITIVE);
    private static final Map<String, String> ENTITIES = Map.of("bill", "Bill", "vendor", "Vendor", "salesreceipt", "SalesReceipt",
            "journalentry", "JournalEntry");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final String realmId;
    private final String clientId;
    private final String clientSecret;
    private final Map<String, Map<String, ObjectNode>> entities = new HashMap<>();
    private final Map<String, String> replies = new HashMap<>();
    private final Map<String, Integer> created = new HashMap<>();
    private final List<String> accessTokens = new ArrayList<>();
    private String refreshToken;
    private String previousRefreshToken;
    private int nextId = 100;
    private int tokenSerial;
    private int writesBeforeOutage = -1;
    private int outageRequests;
    private int faultsServed;
    private int pendingOutage;

    private final java.util.function.Consumer<String> rotated;

    QuickBooksCompany(String realmId, String clientId, String clientSecret, String refreshToken, java.util.function.Consumer<String> rotated) {
        this.realmId = realmId;
        this.clientId = clientId;
        this.clientSecret = clientSecret;
        this.refreshToken = refreshToken;
        this.rotated = rotated;
    }

    @Override
    public String getName() {
        return NAME;
    }

    @Override
    public boolean applyGlobally() {
        return false;
    }

    @Override
    public synchronized ResponseDefinition transform(ServeEvent event) {
        Request request = event.getRequest();
        String url = request.getUrl();
        int q = url.indexOf('?');
        String path = q < 0 ? url : url.substring(0, q);
        Map<String, String> params = form(q < 0 ? "" : url.substring(q + 1));
        if (path.equals(TOKEN_PATH) && request.getMethod().getName().equals("POST")) {
            return token(request);
        }
        Matcher api = API.matcher(path);
        if (!api.matches() || !api.group(1).equals(realmId)) {
            return fault(404, "ValidationFault", "610", null, "Object Not Found", "Something you're trying to use has been made inactive or is not found");
        }
        String auth = request.getHeader("Authorization");
        if (auth == null || !accessTokens.contains(auth.replaceFirst("^Bearer ", ""))) {
            return fault(401, "AUTHENTICATION", "3200", null, "message=AuthenticationFailed; errorCode=003200; statusCode=401", "Token expired");
        }
        if (outageRequests > 0) {
            outageRequests--;
            faultsServed++;
            return fault(503, "SystemFault", "10000", null, "An application error has occurred while processing your request", "Service unavailable");
        }
        String resource = api.group(2);
        if (resource.equals("query") && request.getMethod().getName().equals("GET")) {
            return query(params.get("query"));
        }
        String entity = ENTITIES.get(resource);
        if (entity == null) {
            return fault(400, "ValidationFault", "4000", null, "Unsupported entity", resource);
        }
        if (request.getMethod().getName().equals("GET") && api.group(3) != null) {
            ObjectNode found = table(entity).get(api.group(3));
            return found == null ? fault(400, "ValidationFault", "610", null, "Object Not Found", entity + " " + api.group(3))
                    : ok((ObjectNode) JSON.createObjectNode().set(entity, found));
        }
        if (!request.getMethod().getName().equals("POST")) {
            return fault(405, "ValidationFault", "4000", null, "Method not allowed", request.getMethod().getName());
        }
        return write(entity, params.get("requestid"), request.getBodyAsString());
    }

    private ResponseDefinition write(String entity, String requestId, String body) {
        String key = requestId == null ? null : entity + "|" + requestId;
        if (key != null && replies.containsKey(key)) {
            return okBody(replies.get(key));
        }
        ObjectNode document;
        try {
            document = (ObjectNode) JSON.readTree(body);
        } catch (Exception e) {
            return fault(400, "ValidationFault", "2500", null, "Invalid Request", "the body is not JSON");
        }
        ResponseDefinition answer = document.hasNonNull("Id") ? update(entity, document) : create(entity, document);
        if (key != null && answer.getStatus() == 200) {
            replies.put(key, answer.getBody());
        }
        if (answer.getStatus() == 200 && writesBeforeOutage >= 0 && writesBeforeOutage-- == 0) {
            // the write landed, its answer does not: the worst moment for an outage to start
            faultsServed++;
            outageRequests = pendingOutage;
            return fault(503, "SystemFault", "10000", null, "An application error has occurred while processing your request", "Service unavailable");
        }
        return answer;
    }

    private ResponseDefinition create(String entity, ObjectNode document) {
        if (entity.equals("Vendor")) {
            String name = document.path("DisplayName").asText("");
            if (name.isBlank()) {
                return fault(400, "ValidationFault", "2020", "DisplayName", "Required param missing, need to supply the required value for the API", "Required parameter DisplayName is missing in the request");
            }
            boolean taken = table("Vendor").values().stream().anyMatch(v -> v.path("DisplayName").asText().equalsIgnoreCase(name));
            if (taken) {
                return fault(400, "ValidationFault", "6240", "", "Duplicate Name Exists Error", "The name supplied already exists. : Another customer, vendor or employee is already using this name. Please use a different name.");
            }
        } else {
            if (!document.path("Line").isArray() || document.path("Line").isEmpty()) {
                return fault(400, "ValidationFault", "2020", "Line", "Required param missing, need to supply the required value for the API", "Required parameter Line is missing in the request");
            }
            if (entity.equals("Bill") && !table("Vendor").containsKey(document.path("VendorRef").path("value").asText())) {
                return fault(400, "ValidationFault", "2500", "VendorRef", "Invalid Reference Id", "Invalid Reference Id : Vendor assigned to this transaction has been deleted");
            }
            String unnamed = entity.equals("JournalEntry") ? unnamedLine(document) : null;
            if (unnamed != null) {
                return fault(400, "ValidationFault", "6000", null, "A business validation error has occurred while processing your request",
                        unnamed);
            }
            if (entity.equals("JournalEntry") && total(document, "Debit").compareTo(total(document, "Credit")) != 0) {
                return fault(400, "ValidationFault", "6060", null, "Business Validation Error", "Transaction is not balanced");
            }
            document.put("TotalAmt", entity.equals("JournalEntry") ? total(document, "Debit") : total(document, null));
        }
        String id = String.valueOf(nextId++);
        document.put("Id", id);
        document.put("SyncToken", "0");
        document.put("domain", "QBO");
        document.put("sparse", false);
        table(entity).put(id, document);
        created.merge(entity, 1, Integer::sum);
        return ok((ObjectNode) JSON.createObjectNode().set(entity, document));
    }

    private ResponseDefinition update(String entity, ObjectNode changes) {
        ObjectNode current = table(entity).get(changes.path("Id").asText());
        if (current == null) {
            return fault(400, "ValidationFault", "610", null, "Object Not Found", entity + " " + changes.path("Id").asText());
        }
        if (!current.path("SyncToken").asText().equals(changes.path("SyncToken").asText())) {
            return fault(400, "ValidationFault", "5010", "", "Stale Object Error", "Stale Object Error : You and root were working on this at the same time. root finished before you did, so your work was not saved.");
        }
        changes.fields().forEachRemaining(f -> current.set(f.getKey(), f.getValue()));
        current.put("SyncToken", String.valueOf(Integer.parseInt(changes.path("SyncToken").asText()) + 1));
        current.put("sparse", false);
        if (!entity.equals("Vendor")) {
            current.put("TotalAmt", entity.equals("JournalEntry") ? total(current, "Debit") : total(current, null));
        }
        return ok((ObjectNode) JSON.createObjectNode().set(entity, current));
    }

    private ResponseDefinition query(String query) {
        Matcher m = query == null ? null : QUERY.matcher(query.trim());
        if (m == null || !m.matches()) {
            return fault(400, "ValidationFault", "4000", null, "Error parsing query", "QueryParserError: Encountered an unsupported query");
        }
        String entity = ENTITIES.getOrDefault(m.group(1).toLowerCase(Locale.ROOT), m.group(1));
        String field = m.group(2);
        boolean atLeast = m.group(3).equals(">=");
        String value = m.group(4).replace("\\'", "'").replace("\\\\", "\\");
        int start = m.group(5) == null ? 1 : Integer.parseInt(m.group(5));
        int max = m.group(6) == null ? 100 : Math.min(1000, Integer.parseInt(m.group(6)));
        ArrayNode found = JSON.createArrayNode();
        table(entity).values().stream()
                .filter(d -> atLeast ? d.hasNonNull(field) && d.path(field).asText().compareTo(value) >= 0 : d.path(field).asText().equals(value))
                .skip(Math.max(0, start - 1)).limit(max).forEach(found::add);
        ObjectNode response = JSON.createObjectNode();
        if (!found.isEmpty()) {
            response.with("QueryResponse").set(entity, found);
            response.with("QueryResponse").put("startPosition", start).put("maxResults", found.size());
        } else {
            response.putObject("QueryResponse");
        }
        return ok(response);
    }

    private ResponseDefinition token(Request request) {
        String expected = "Basic " + Base64.getEncoder().encodeToString((clientId + ":" + clientSecret).getBytes(StandardCharsets.UTF_8));
        if (!expected.equals(request.getHeader("Authorization"))) {
            return json(401, "{\"error\":\"invalid_client\"}");
        }
        Map<String, String> form = form(request.getBodyAsString());
        String presented = form.get("refresh_token");
        if (!"refresh_token".equals(form.get("grant_type")) || presented == null) {
            return json(400, "{\"error\":\"unsupported_grant_type\"}");
        }
        // The previous token still works until the rotated one is used: a client whose answer was lost retries with it.
        if (presented.equals(previousRefreshToken)) {
            return issue();
        }
        if (!presented.equals(refreshToken)) {
            return json(400, "{\"error\":\"invalid_grant\"}");
        }
        previousRefreshToken = refreshToken;
        refreshToken = "RT-" + UUID.randomUUID();
        rotated.accept(refreshToken);
        return issue();
    }

    private ResponseDefinition issue() {
        String access = "AT-" + (++tokenSerial) + "-" + UUID.randomUUID();
        accessTokens.add(access);
        ObjectNode body = JSON.createObjectNode().put("token_type", "bearer").put("expires_in", 3600).put("refresh_token", refreshToken)
                .put("x_refresh_token_expires_in", 8_726_400).put("access_token", access);
        return json(200, body.toString());
    }

    private static BigDecimal total(JsonNode document, String postingType) {
        BigDecimal total = BigDecimal.ZERO;
        for (JsonNode line : document.path("Line")) {
            if (postingType == null || postingType.equals(line.path("JournalEntryLineDetail").path("PostingType").asText())) {
                total = total.add(line.path("Amount").decimalValue());
            }
        }
        return total;
    }

    private Map<String, ObjectNode> table(String entity) {
        return entities.computeIfAbsent(entity, e -> new LinkedHashMap<>());
    }

    // -------------------------------------------------------------------------------- test hooks

    synchronized void outageAfterWrites(int writes, int failedRequests) {
        writesBeforeOutage = writes;
        outageRequests = 0;
        pendingOutage = failedRequests;
    }

    synchronized void outage(boolean on) {
        outageRequests = on ? Integer.MAX_VALUE : 0;
    }

    synchronized int faultsServed() {
        return faultsServed;
    }

    synchronized int created(String entity) {
        return created.getOrDefault(entity, 0);
    }

    synchronized List<JsonNode> documents(String entity) {
        return new ArrayList<>(table(entity).values());
    }

    synchronized String refreshToken() {
        return refreshToken;
    }

    private static ResponseDefinition ok(ObjectNode body) {
        return json(200, body.put("time", java.time.OffsetDateTime.now().toString()).toString());
    }

    private static ResponseDefinition okBody(String body) {
        return json(200, body);
    }

    private static ResponseDefinition fault(int status, String type, String code, String element, String message, String detail) {
        ObjectNode error = JSON.createObjectNode().put("Message", message).put("Detail", detail).put("code", code);
        if (element != null) {
            error.put("element", element);
        }
        ObjectNode body = JSON.createObjectNode();
        body.putObject("Fault").put("type", type).putArray("Error").add(error);
        body.put("time", java.time.OffsetDateTime.now().toString());
        return json(status, body.toString());
    }

    private static ResponseDefinition json(int status, String body) {
        return aResponse().withStatus(status).withHeader("Content-Type", "application/json;charset=UTF-8").withBody(body).build();
    }

    private static Map<String, String> form(String encoded) {
        Map<String, String> values = new LinkedHashMap<>();
        if (encoded == null || encoded.isBlank()) {
            return values;
        }
        for (String pair : encoded.split("&")) {
            int eq = pair.indexOf('=');
            String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            values.put(name, eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return values;
    }

}
