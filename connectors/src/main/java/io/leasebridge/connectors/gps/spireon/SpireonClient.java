package io.leasebridge.connectors.gps.spireon;

import com.fasterxml.jackson.core.JsonPointer;
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
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Spireon NSpire / GoldStar: a user token from the identity service ({@code GET /identity/token}, HTTP Basic and
 * {@code X-Nspire-AppToken}), then {@code GET /assets/{id}} for the last location and
 * {@code GET /assets/{id}/events?startDate=&endDate=} for history, with {@code X-Nspire-AppToken},
 * {@code X-Nspire-UserToken} and a fresh {@code X-Nspire-CorrelationId}.
 */
public final class SpireonClient implements GpsProvider {

    public static final String NAME = "SPIREON";
    /** Spireon's identity service answers with the token's lifetime in seconds or its expiry time; an hour otherwise. */
    private static final long DEFAULT_LIFETIME_SECONDS = 3600;

    private final SpireonSettings settings;
    private final CamelVendorHttp api;
    private final CamelVendorHttp identity;
    private final Clock clock;
    private final ObjectMapper json = new ObjectMapper();
    private final TokenCache tokens;
    private final LocationFields lastLocation;
    private final LocationFields eventLocation;
    private final RateLimitedCalls rateLimited;

    public SpireonClient(SpireonSettings settings, CamelVendorHttp api, CamelVendorHttp identity, Clock clock,
                         Duration clockSkewTolerance, Sleeper sleeper) {
        this.settings = settings;
        this.api = api;
        this.identity = identity;
        this.clock = clock;
        this.tokens = new TokenCache(this::login, clock);
        FixTimeWindow window = new FixTimeWindow(clock, clockSkewTolerance);
        this.lastLocation = new LocationFields(settings.latitudeField(), settings.longitudeField(), settings.locatedAtField(), settings.zone(),
                window);
        this.eventLocation = new LocationFields(settings.eventLatitudeField(), settings.eventLongitudeField(),
                settings.eventLocatedAtField(), settings.zone(), window);
        this.rateLimited = new RateLimitedCalls(NAME, settings.rateLimitedRetries(), settings.maxRetryAfter(), sleeper);
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public GpsFix lastLocation(String vin, String assetId) {
        HttpReply reply = rateLimited.call("asset", () -> authorised(assetPath(settings.assetPath(), assetId), Map.of()));
        return lastLocation.read(parse(reply.body()), reply.body(), vin, NAME, assetId);
    }

    /** The asset's located events between two instants, oldest first; an event without a usable location is refused. */
    public List<GpsFix> history(String vin, String assetId, Instant from, Instant to) {
        Map<String, String> query = new LinkedHashMap<>();
        query.put("startDate", from.toString());
        query.put("endDate", to.toString());
        HttpReply reply = rateLimited.call("asset events", () -> authorised(assetPath(settings.eventsPath(), assetId), query));
        JsonNode events = parse(reply.body()).at(JsonPointer.compile(settings.eventsField()));
        if (!events.isArray()) {
            throw new MalformedLocationException("events", "no array at " + settings.eventsField(), reply.body());
        }
        List<GpsFix> fixes = new ArrayList<>();
        for (JsonNode event : events) {
            fixes.add(eventLocation.read(event, reply.body(), vin, NAME, assetId));
        }
        fixes.sort(java.util.Comparator.comparing(GpsFix::locatedAt));
        return fixes;
    }

    private HttpReply authorised(String path, Map<String, String> query) {
        String token = tokens.token();
        HttpReply reply = api.get(path, query, headers(token));
        if (reply.status() == 401) {
            tokens.refused(token);
            reply = api.get(path, query, headers(tokens.token()));
        }
        return reply;
    }

    private Map<String, String> headers(String userToken) {
        return Map.of("X-Nspire-AppToken", settings.appToken(), "X-Nspire-UserToken", userToken,
                "X-Nspire-CorrelationId", UUID.randomUUID().toString(), "Accept", "application/json");
    }

    private TokenCache.Token login() {
        String basic = Base64.getEncoder().encodeToString((settings.username() + ":" + settings.password()).getBytes(StandardCharsets.UTF_8));
        HttpReply reply = identity.get(settings.identityPath(), Map.of(), Map.of("Authorization", "Basic " + basic,
                "X-Nspire-AppToken", settings.appToken(), "X-Nspire-CorrelationId", UUID.randomUUID().toString(),
                "Accept", "application/json"));
        if (!reply.ok()) {
            boolean retryable = reply.status() == 0 || reply.status() == 429 || reply.status() >= 500;
            throw new GpsVendorException(NAME, reply.status(), retryable, "identity token request answered HTTP " + reply.status(), null);
        }
        JsonNode body;
        try {
            body = json.readTree(reply.body());
        } catch (IOException e) {
            throw GpsVendorException.permanent(NAME, reply.status(), "identity response is not JSON");
        }
        String token = body.path("token").asText("");
        if (token.isBlank()) {
            throw GpsVendorException.permanent(NAME, reply.status(), "identity response without token");
        }
        Instant expiresAt;
        if (body.hasNonNull("expiresOn")) {
            expiresAt = OffsetDateTime.parse(body.get("expiresOn").asText()).toInstant();
        } else {
            expiresAt = clock.instant().plusSeconds(body.path("expiresIn").asLong(DEFAULT_LIFETIME_SECONDS));
        }
        return new TokenCache.Token(token, expiresAt);
    }

    private static String assetPath(String template, String assetId) {
        return template.replace("{id}", java.net.URLEncoder.encode(assetId, StandardCharsets.UTF_8));
    }

    private JsonNode parse(String body) {
        try {
            return json.readTree(body == null ? "" : body);
        } catch (IOException e) {
            throw new MalformedLocationException("body", "not JSON", body);
        }
    }
}
