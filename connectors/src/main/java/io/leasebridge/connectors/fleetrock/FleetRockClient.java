package io.leasebridge.connectors.fleetrock;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * FleetRock's API: a token from {@code GetToken?username=&key=}, kept until it expires or FleetRock rejects it
 * (then fetched again, once per call), and repair orders from {@code GetRO?event=&start=&end=&token=}.
 *
 * <p>FleetRock answers JSON with {@code "result": "success"} or {@code "result": "error"} and a {@code message};
 * the token comes as {@code token} (with {@code expires_in} seconds when FleetRock gives it), repair orders as
 * the {@code repair_orders} array (or a bare array). Failures are {@link FleetRockException}s that say whether a
 * retry can help.
 */
public class FleetRockClient {

    private final FleetRockTransport transport;
    private final FleetRockSettings settings;
    private final ObjectMapper json;
    private final Clock clock;
    private final Object tokenLock = new Object();
    private FleetRockToken token;
    private int tokensFetched;

    public FleetRockClient(FleetRockTransport transport, FleetRockSettings settings, ObjectMapper json, Clock clock) {
        this.transport = transport;
        this.settings = settings;
        this.json = json;
        this.clock = clock;
    }

    /**
     * The repair orders of one event whose event date lies in {@code [start, end]}, each as {@link RepairOrder#read}
     * reads it: one not in FleetRock's format fails only itself, not the page.
     */
    public List<RepairOrder> repairOrders(String event, Instant start, Instant end) {
        Map<String, String> query = new LinkedHashMap<>();
        query.put("event", event);
        query.put("start", settings.queryDateFormat().withZone(settings.zone()).format(start));
        query.put("end", settings.queryDateFormat().withZone(settings.zone()).format(end));
        JsonNode body = withToken(settings.repairOrdersPath(), query);
        JsonNode list = body.isArray() ? body : body.path("repair_orders");
        if (!list.isArray()) {
            throw new FleetRockException("GetRO answered without a repair_orders array", 200, false, null);
        }
        List<RepairOrder> orders = new ArrayList<>(list.size());
        for (JsonNode node : list) {
            orders.add(RepairOrder.read(node));
        }
        return orders;
    }

    /** How many tokens this client fetched: one per expiry or rejection, not one per call. */
    public int tokensFetched() {
        synchronized (tokenLock) {
            return tokensFetched;
        }
    }

    private JsonNode withToken(String path, Map<String, String> query) {
        FleetRockToken used = currentToken();
        try {
            return call(path, withTokenParameter(query, used));
        } catch (FleetRockException e) {
            if (!e.tokenRejected()) {
                throw e;
            }
            forget(used);
            return call(path, withTokenParameter(query, currentToken()));
        }
    }

    private static Map<String, String> withTokenParameter(Map<String, String> query, FleetRockToken token) {
        Map<String, String> withToken = new LinkedHashMap<>(query);
        withToken.put("token", token.value());
        return withToken;
    }

    private FleetRockToken currentToken() {
        synchronized (tokenLock) {
            Instant now = clock.instant();
            if (token == null || !token.validAt(now)) {
                token = fetchToken(now);
                tokensFetched++;
            }
            return token;
        }
    }

    private void forget(FleetRockToken rejected) {
        synchronized (tokenLock) {
            if (token == rejected) {
                token = null;
            }
        }
    }

    private FleetRockToken fetchToken(Instant now) {
        Map<String, String> query = new LinkedHashMap<>();
        query.put("username", settings.username());
        query.put("key", settings.key());
        JsonNode body = call(settings.tokenPath(), query);
        String value = body.path("token").asText("");
        if (value.isBlank()) {
            throw new FleetRockException("GetToken answered without a token", 200, false, null);
        }
        Duration ttl = settings.tokenTtl();
        if (body.path("expires_in").canConvertToLong() && body.path("expires_in").asLong() > 0) {
            Duration announced = Duration.ofSeconds(body.path("expires_in").asLong());
            ttl = announced.compareTo(ttl) < 0 ? announced : ttl;
        }
        return new FleetRockToken(value, now.plus(ttl));
    }

    private JsonNode call(String path, Map<String, String> query) {
        FleetRockTransport.Response response = transport.get(path, query);
        int status = response.status();
        String what = operation(path);
        if (status == 429 || status >= 500) {
            throw new FleetRockException(what + ": HTTP " + status + message(response.body()), status, true, null);
        }
        if (status == 401) {
            throw new FleetRockException(what + ": HTTP 401, token rejected" + message(response.body()), status, false, null);
        }
        if (status >= 400) {
            throw new FleetRockException(what + ": HTTP " + status + message(response.body()), status, false, null);
        }
        JsonNode body;
        try {
            body = json.readTree(response.body() == null ? "" : response.body());
        } catch (JsonProcessingException e) {
            throw new FleetRockException(what + ": the answer is not JSON", status, false, null);
        }
        if (body == null || body.isMissingNode()) {
            throw new FleetRockException(what + ": empty answer", status, false, null);
        }
        String result = body.path("result").asText("success");
        if (!"success".equalsIgnoreCase(result)) {
            String message = body.path("message").asText("no message");
            boolean tokenProblem = message.toLowerCase().contains("token");
            throw new FleetRockException(what + ": FleetRock says " + result + ": " + message, tokenProblem ? 401 : status, false, null);
        }
        return body;
    }

    private String operation(String path) {
        return path.equals(settings.tokenPath()) ? "FleetRock GetToken" : "FleetRock GetRO";
    }

    private String message(String body) {
        if (body == null || body.isBlank()) {
            return "";
        }
        try {
            JsonNode node = json.readTree(body);
            return node.hasNonNull("message") ? ": " + node.get("message").asText() : "";
        } catch (JsonProcessingException e) {
            return "";
        }
    }
}
