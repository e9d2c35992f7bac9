package io.leasebridge.connectors.quickbooks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Access tokens for one company, from the refresh-token grant. Intuit rotates refresh tokens, so a refresh
 * stores the new refresh token before the new access token is handed out; refreshes of a company run one at
 * a time. A refresh whose answer was lost is simply tried again with the stored token, which Intuit still
 * accepts. {@code invalid_grant} stops everything until QuickBooks is connected again.
 */
public class QuickBooksTokens {

    private final QuickBooksProperties properties;
    private final QuickBooksHttp http;
    private final RefreshTokenStore store;
    private final Clock clock;
    private final ObjectMapper json = new ObjectMapper();
    private final Map<String, ReentrantLock> refreshLocks = new ConcurrentHashMap<>();
    private volatile AccessToken current;
    private volatile String reconnectReason;

    public QuickBooksTokens(QuickBooksProperties properties, QuickBooksHttp http, RefreshTokenStore store, Clock clock) {
        this.properties = properties;
        this.http = http;
        this.store = store;
        this.clock = clock;
    }

    private record AccessToken(String value, Instant expiresAt) {
    }

    /** A valid access token, refreshed first when it expires within {@code refresh-before}. */
    public String accessToken() {
        AccessToken token = current;
        if (fresh(token)) {
            return token.value();
        }
        ReentrantLock lock = refreshLocks.computeIfAbsent(properties.realmId(), realm -> new ReentrantLock());
        lock.lock();
        try {
            if (fresh(current)) {
                return current.value();
            }
            current = refresh();
            return current.value();
        } finally {
            lock.unlock();
        }
    }

    /** QuickBooks answered 401 to this token: the next call refreshes. */
    public void rejected(String accessToken) {
        AccessToken token = current;
        if (token != null && token.value().equals(accessToken)) {
            current = null;
        }
    }

    /** Why QuickBooks must be connected again, or null while it is connected. */
    public String reconnectReason() {
        return reconnectReason;
    }

    /** After an operator stored a new refresh token (reconnected): try again. */
    public void reconnected() {
        reconnectReason = null;
        current = null;
    }

    private boolean fresh(AccessToken token) {
        if (reconnectReason != null) {
            throw new ReconnectQuickBooksException(properties.realmId(), reconnectReason);
        }
        return token != null && clock.instant().plus(properties.refreshBefore()).isBefore(token.expiresAt());
    }

    private AccessToken refresh() {
        String refreshToken = store.load(properties.realmId())
                .or(() -> java.util.Optional.ofNullable(properties.refreshToken()).filter(t -> !t.isBlank()))
                .orElseThrow(() -> stop("no refresh token stored and leasebridge.quickbooks.refresh-token is not set"));
        String basic = Base64.getEncoder().encodeToString((properties.clientId() + ":" + properties.clientSecret())
                .getBytes(StandardCharsets.UTF_8));
        QuickBooksHttp.Reply reply = http.send(new QuickBooksHttp.Call("POST", properties.tokenUrl(), Map.of(
                "Authorization", "Basic " + basic,
                "Accept", "application/json",
                "Content-Type", "application/x-www-form-urlencoded"),
                "grant_type=refresh_token&refresh_token=" + URLEncoder.encode(refreshToken, StandardCharsets.UTF_8)));
        JsonNode body = parse(reply.body());
        if (reply.ok() && body.hasNonNull("access_token") && body.hasNonNull("refresh_token")) {
            Instant now = clock.instant();
            store.save(properties.realmId(), body.get("refresh_token").asText(),
                    now.plusSeconds(body.path("x_refresh_token_expires_in").asLong(8_726_400)));
            return new AccessToken(body.get("access_token").asText(), now.plusSeconds(body.path("expires_in").asLong(3600)));
        }
        String error = body.path("error").asText("");
        if ("invalid_grant".equals(error)) {
            throw stop("invalid_grant");
        }
        if (reply.status() >= 400 && reply.status() < 500 && !error.isEmpty()) {
            throw stop(error);
        }
        throw new QuickBooksUnavailableException("the QuickBooks token endpoint answered HTTP " + reply.status()
                + (error.isEmpty() ? "" : " " + error), null);
    }

    private ReconnectQuickBooksException stop(String reason) {
        reconnectReason = reason;
        return new ReconnectQuickBooksException(properties.realmId(), reason);
    }

    private JsonNode parse(String body) {
        try {
            return body == null || body.isBlank() ? json.createObjectNode() : json.readTree(body);
        } catch (Exception e) {
            return json.createObjectNode();
        }
    }
}
