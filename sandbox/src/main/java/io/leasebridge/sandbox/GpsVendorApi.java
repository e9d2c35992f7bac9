package io.leasebridge.sandbox;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.Request;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;

/** What the two GPS simulators share: the fleet, the clock, JSON answers and counters of what was asked. */
abstract class GpsVendorApi implements ResponseDefinitionTransformerV2 {

    protected static final ObjectMapper JSON = new ObjectMapper();

    private final Supplier<GpsFleet> fleet;
    protected final Clock clock;
    private final AtomicInteger locates = new AtomicInteger();
    private final java.util.Set<String> tokens = java.util.concurrent.ConcurrentHashMap.newKeySet();

    GpsVendorApi(Supplier<GpsFleet> fleet, Clock clock) {
        this.fleet = fleet;
        this.clock = clock;
    }

    /** The fleet as of the current sandbox run. */
    protected GpsFleet fleet() {
        return fleet.get();
    }

    @Override
    public boolean applyGlobally() {
        return false;
    }

    int locates() {
        return locates.get();
    }

    /** A new access token, good until the simulator stops. */
    protected String issueToken() {
        String token = java.util.UUID.randomUUID().toString();
        tokens.add(token);
        return token;
    }

    /** Whether {@code token} is one this vendor issued; null is not. */
    protected boolean issued(String token) {
        return token != null && tokens.contains(token);
    }

    protected void counted() {
        locates.incrementAndGet();
    }

    @Override
    public ResponseDefinition transform(ServeEvent event) {
        Request request = event.getRequest();
        String url = request.getUrl();
        int q = url.indexOf('?');
        String path = q < 0 ? url : url.substring(0, q);
        return answer(request, path, query(q < 0 ? "" : url.substring(q + 1)));
    }

    protected abstract ResponseDefinition answer(Request request, String path, Map<String, String> query);

    protected static ResponseDefinition json(int status, Object body) {
        try {
            return aResponse().withStatus(status).withHeader("Content-Type", "application/json; charset=utf-8")
                    .withBody(JSON.writeValueAsString(body)).build();
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Map<String, String> query(String query) {
        Map<String, String> values = new HashMap<>();
        for (String pair : query.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                values.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return values;
    }
}
