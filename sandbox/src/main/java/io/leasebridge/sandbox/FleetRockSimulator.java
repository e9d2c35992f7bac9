package io.leasebridge.sandbox;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.common.Slf4jNotifier;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.QueryParameter;
import com.github.tomakehurst.wiremock.http.Request;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;

/**
 * A FleetRock account on a local port, in FleetRock's wire format: {@code GET /API/GetToken?username=&key=}
 * hands out tokens that live {@link #TOKEN_LIFETIME}; {@code GET /API/GetRO?event=&start=&end=&token=} lists
 * the repair orders whose {@code date_<event>} lies in the window ({@code yyyy-MM-dd HH:mm:ss}, UTC). Answers are
 * JSON with {@code "result": "success"} or {@code "result": "error"} and a {@code message}; a missing, unknown
 * or expired token is 401. It also plays FleetRock's webhook sender: {@link #push} posts an RO update to
 * LeaseBridge's endpoint with the shared secret.
 */
public final class FleetRockSimulator implements AutoCloseable {

    public static final String USERNAME = "sandbox-api";
    public static final String KEY = "sandbox-fleetrock-key";
    public static final Duration TOKEN_LIFETIME = Duration.ofHours(1);
    static final Set<String> EVENTS = Set.of("created", "finished", "invoiced");
    private static final DateTimeFormatter WIRE_DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private final WireMockServer server;
    private final Clock clock;
    private final ObjectMapper json = new ObjectMapper();
    private final Map<String, ObjectNode> repairOrders = new ConcurrentHashMap<>();
    private final Map<String, Instant> tokens = new ConcurrentHashMap<>();
    private final AtomicInteger tokenCalls = new AtomicInteger();
    private final AtomicInteger repairOrderCalls = new AtomicInteger();

    private FleetRockSimulator(Clock clock) {
        this.clock = clock;
        this.server = new WireMockServer(WireMockConfiguration.options().dynamicPort().disableRequestJournal()
                .extensions(new Api()).notifier(new Slf4jNotifier(false)));
        server.stubFor(any(anyUrl()).willReturn(aResponse().withTransformers(Api.NAME)));
    }

    public static FleetRockSimulator start(Clock clock) {
        FleetRockSimulator simulator = new FleetRockSimulator(clock);
        simulator.server.start();
        return simulator;
    }

    public String baseUrl() {
        return server.baseUrl();
    }

    /** Adds or replaces repair orders (FleetRock's JSON, with {@code id} and the {@code date_*} fields). */
    public void put(List<ObjectNode> orders) {
        orders.forEach(ro -> repairOrders.put(ro.path("id").asText(), ro.deepCopy()));
    }

    public ObjectNode repairOrder(String id) {
        ObjectNode ro = repairOrders.get(id);
        return ro == null ? null : ro.deepCopy();
    }

    public int repairOrderCount() {
        return repairOrders.size();
    }

    public int tokenCalls() {
        return tokenCalls.get();
    }

    public int repairOrderCalls() {
        return repairOrderCalls.get();
    }

    /** Every token stops working now, as when FleetRock revokes them; LeaseBridge must fetch a new one. */
    public void revokeTokens() {
        tokens.clear();
    }

    /**
     * FleetRock's webhook sender: posts {@code {"event": event, "repair_order": <the RO>}} to LeaseBridge with the
     * shared secret in {@code secretHeader}; returns LeaseBridge's answer.
     */
    public HttpResponse<String> push(URI webhook, String secretHeader, String secret, String event, String roId) {
        ObjectNode body = json.createObjectNode();
        body.put("event", event);
        body.set("repair_order", repairOrders.get(roId));
        try {
            HttpRequest request = HttpRequest.newBuilder(webhook).header("Content-Type", "application/json")
                    .header(secretHeader, secret).POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body))).build();
            return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot push " + roId + " to " + webhook, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted pushing " + roId, e);
        }
    }

    @Override
    public void close() {
        server.stop();
    }

    private ResponseDefinition token(Map<String, String> query) {
        if (!USERNAME.equals(query.get("username")) || !KEY.equals(query.get("key"))) {
            return answer(401, error("Invalid username or key"));
        }
        tokenCalls.incrementAndGet();
        String token = UUID.randomUUID().toString().replace("-", "");
        tokens.put(token, clock.instant().plus(TOKEN_LIFETIME));
        return answer(200, Map.of("result", "success", "token", token, "expires_in", TOKEN_LIFETIME.toSeconds()));
    }

    private ResponseDefinition repairOrders(Map<String, String> query) {
        Instant expires = query.get("token") == null ? null : tokens.get(query.get("token"));
        if (expires == null || !clock.instant().isBefore(expires)) {
            return answer(401, error("Invalid or expired token"));
        }
        repairOrderCalls.incrementAndGet();
        String event = query.getOrDefault("event", "");
        if (!EVENTS.contains(event)) {
            return answer(400, error("Unknown event '" + event + "'"));
        }
        Instant start;
        Instant end;
        try {
            start = LocalDateTime.parse(query.getOrDefault("start", ""), WIRE_DATE).toInstant(ZoneOffset.UTC);
            end = LocalDateTime.parse(query.getOrDefault("end", ""), WIRE_DATE).toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            return answer(400, error("start and end must be yyyy-MM-dd HH:mm:ss"));
        }
        List<ObjectNode> found = new ArrayList<>();
        for (ObjectNode ro : repairOrders.values()) {
            String date = ro.path("date_" + event).asText("");
            if (date.isEmpty()) {
                continue;
            }
            Instant at = LocalDateTime.parse(date, WIRE_DATE).toInstant(ZoneOffset.UTC);
            if (!at.isBefore(start) && !at.isAfter(end)) {
                found.add(ro);
            }
        }
        found.sort((a, b) -> a.path("id").asText().compareTo(b.path("id").asText()));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("result", "success");
        body.put("repair_orders", found);
        return answer(200, body);
    }

    private static Map<String, Object> error(String message) {
        return Map.of("result", "error", "message", message);
    }

    private ResponseDefinition answer(int status, Object body) {
        try {
            return aResponse().withStatus(status).withHeader("Content-Type", "application/json; charset=utf-8")
                    .withBody(json.writeValueAsString(body)).build();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private final class Api implements ResponseDefinitionTransformerV2 {

        static final String NAME = "leasebridge-fleetrock-simulator";

        @Override
        public String getName() {
            return NAME;
        }

        @Override
        public boolean applyGlobally() {
            return false;
        }

        @Override
        public ResponseDefinition transform(ServeEvent event) {
            Request request = event.getRequest();
            String url = request.getUrl();
            String path = url.contains("?") ? url.substring(0, url.indexOf('?')) : url;
            if (!request.getMethod().getName().equals("GET")) {
                return answer(405, error("Method not allowed"));
            }
            Map<String, String> query = new LinkedHashMap<>();
            for (String name : List.of("username", "key", "token", "event", "start", "end")) {
                QueryParameter parameter = request.queryParameter(name);
                if (parameter.isPresent()) {
                    query.put(name, parameter.firstValue());
                }
            }
            return switch (path) {
                case "/API/GetToken" -> token(query);
                case "/API/GetRO" -> repairOrders(query);
                default -> answer(404, error("Not found"));
            };
        }
    }
}
