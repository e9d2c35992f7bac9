package io.leasebridge.connectors.gps.passtime;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.leasebridge.connectors.gps.FixTimeWindow;
import io.leasebridge.connectors.gps.GpsProvider;
import io.leasebridge.connectors.gps.GpsVendorException;
import io.leasebridge.connectors.gps.HttpReply;
import io.leasebridge.connectors.gps.LocationFields;
import io.leasebridge.connectors.gps.MalformedLocationException;
import io.leasebridge.connectors.gps.RateLimitedCalls;
import io.leasebridge.connectors.gps.Sleeper;
import io.leasebridge.connectors.gps.TokenCache;
import io.leasebridge.connectors.gps.CamelVendorHttp;
import io.leasebridge.model.GpsFix;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * PassTime: an OAuth 2.0 password grant at {@code /token}, then {@code GET /api/device/GetLastLocate} by
 * dealer and serial number with the bearer token. PassTime has no history or alert API; LeaseBridge polls.
 */
public final class PassTimeClient implements GpsProvider {

    public static final String NAME = "PASSTIME";

    private final PassTimeSettings settings;
    private final CamelVendorHttp http;
    private final ObjectMapper json = new ObjectMapper();
    private final TokenCache tokens;
    private final LocationFields fields;
    private final RateLimitedCalls rateLimited;
    private final Clock clock;

    public PassTimeClient(PassTimeSettings settings, CamelVendorHttp http, Clock clock, Duration clockSkewTolerance, Sleeper sleeper) {
        this.settings = settings;
        this.http = http;
        this.clock = clock;
        this.tokens = new TokenCache(this::login, clock);
        this.fields = new LocationFields(settings.latitudeField(), settings.longitudeField(), settings.locatedAtField(), settings.zone(),
                new FixTimeWindow(clock, clockSkewTolerance));
        this.rateLimited = new RateLimitedCalls(NAME, settings.rateLimitedRetries(), settings.maxRetryAfter(), sleeper);
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public GpsFix lastLocation(String vin, String serialNumber) {
        Map<String, String> query = new LinkedHashMap<>();
        query.put(settings.dealerParameter(), settings.dealerNumber());
        query.put(settings.serialParameter(), serialNumber);
        HttpReply reply = rateLimited.call("GetLastLocate", () -> authorised(query));
        return fields.read(parse(reply.body()), reply.body(), vin, NAME, serialNumber);
    }

    /** The call with the current token; a refused token is replaced once. */
    private HttpReply authorised(Map<String, String> query) {
        String token = tokens.token();
        HttpReply reply = http.get(settings.locatePath(), query, Map.of("Authorization", "Bearer " + token, "Accept", "application/json"));
        if (reply.status() == 401) {
            tokens.refused(token);
            reply = http.get(settings.locatePath(), query, Map.of("Authorization", "Bearer " + tokens.token(), "Accept", "application/json"));
        }
        return reply;
    }

    private TokenCache.Token login() {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("grant_type", "password");
        form.put("username", settings.username());
        form.put("password", settings.password());
        if (settings.clientId() != null && !settings.clientId().isBlank()) {
            form.put("client_id", settings.clientId());
        }
        HttpReply reply = http.postForm(settings.tokenPath(), form, Map.of("Accept", "application/json"));
        if (!reply.ok()) {
            boolean retryable = reply.status() == 0 || reply.status() == 429 || reply.status() >= 500;
            // the token endpoint's error body may echo the request: not repeated here
            throw new GpsVendorException(NAME, reply.status(), retryable, "token request answered HTTP " + reply.status(), null);
        }
        JsonNode body = parseToken(reply.body());
        String token = body.path("access_token").asText("");
        if (token.isBlank()) {
            throw GpsVendorException.permanent(NAME, reply.status(), "token response without access_token");
        }
        long expiresIn = body.path("expires_in").asLong(3600);
        return new TokenCache.Token(token, clock.instant().plusSeconds(expiresIn));
    }

    private JsonNode parse(String body) {
        try {
            return json.readTree(body == null ? "" : body);
        } catch (IOException e) {
            throw new MalformedLocationException("body", "not JSON", body);
        }
    }

    private JsonNode parseToken(String body) {
        try {
            return json.readTree(body == null ? "" : body);
        } catch (IOException e) {
            throw GpsVendorException.permanent(NAME, 200, "token response is not JSON");
        }
    }
}
