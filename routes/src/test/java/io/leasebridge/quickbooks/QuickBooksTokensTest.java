package io.leasebridge.quickbooks;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import io.leasebridge.connectors.quickbooks.CamelQuickBooksHttp;
import io.leasebridge.connectors.quickbooks.QuickBooksProperties;
import io.leasebridge.connectors.quickbooks.QuickBooksTokens;
import io.leasebridge.connectors.quickbooks.ReconnectQuickBooksException;
import io.leasebridge.connectors.quickbooks.RefreshTokenStore;
import io.leasebridge.testing.SettableClock;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.leasebridge.quickbooks.QuickBooksWireMock.TOKEN_PATH;
import static io.leasebridge.quickbooks.QuickBooksWireMock.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The OAuth side alone, against Intuit's token endpoint on WireMock, with a clock the test moves. */
class QuickBooksTokensTest {

    private final WireMockServer intuit = QuickBooksWireMock.start();
    private final DefaultCamelContext camel = new DefaultCamelContext();
    private final SettableClock clock = new SettableClock(Instant.parse("2026-03-31T12:00:00Z"));
    private final Store store = new Store();
    private QuickBooksTokens tokens;

    @BeforeEach
    void start() {
        camel.start();
        QuickBooksProperties properties = new QuickBooksProperties(URI.create(intuit.baseUrl()), URI.create(intuit.baseUrl() + TOKEN_PATH),
                QuickBooksWireMock.REALM, "ABtestClientId", "test-client-secret", "RT-initial", "unused", 75, Duration.ofMinutes(5),
                Duration.ofSeconds(5), Path.of("unused.yml"), new QuickBooksProperties.Limits(500, Duration.ofMinutes(1), 10, Duration.ofMinutes(1)),
                new QuickBooksProperties.Retry(3, Duration.ofMillis(10), 5, Duration.ofMillis(10)), 500, 16, null);
        tokens = new QuickBooksTokens(properties, new CamelQuickBooksHttp(camel, camel.createProducerTemplate(), properties), store, clock);
    }

    @AfterEach
    void stop() {
        camel.stop();
        intuit.stop();
    }

    @Test
    void theTokenIsRefreshedBeforeItExpiresWithTheRotatedRefreshTokenStoredFirst() {
        intuit.stubFor(post(urlPathEqualTo(TOKEN_PATH)).inScenario("rotation").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(json(200, "token.json")).willSetStateTo("rotated"));
        intuit.stubFor(post(urlPathEqualTo(TOKEN_PATH)).inScenario("rotation").whenScenarioStateIs("rotated")
                .willReturn(json(200, "token-second.json")));

        assertThat(tokens.accessToken()).isEqualTo("AT-2");
        assertThat(store.saved).containsExactly("RT-rotated-2");
        clock.advance(Duration.ofMinutes(54));
        assertThat(tokens.accessToken()).as("six minutes left: still good").isEqualTo("AT-2");
        clock.advance(Duration.ofMinutes(1).plusSeconds(1));
        assertThat(tokens.accessToken()).as("under five minutes left: refreshed").isEqualTo("AT-3");

        intuit.verify(2, postRequestedFor(urlPathEqualTo(TOKEN_PATH)));
        intuit.verify(1, postRequestedFor(urlPathEqualTo(TOKEN_PATH)).withRequestBody(equalTo("grant_type=refresh_token&refresh_token=RT-initial")));
        intuit.verify(1, postRequestedFor(urlPathEqualTo(TOKEN_PATH)).withRequestBody(equalTo("grant_type=refresh_token&refresh_token=RT-rotated-2")));
        assertThat(store.saved).containsExactly("RT-rotated-2", "RT-rotated-3");
    }

    @Test
    void manyCallersAtOnceMakeOneRefresh() throws Exception {
        intuit.stubFor(post(urlPathEqualTo(TOKEN_PATH)).willReturn(json(200, "token.json").withFixedDelay(200)));
        ExecutorService callers = Executors.newFixedThreadPool(8);
        try {
            List<Future<String>> answers = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                answers.add(callers.submit(tokens::accessToken));
            }
            for (Future<String> answer : answers) {
                assertThat(answer.get()).isEqualTo("AT-2");
            }
        } finally {
            callers.shutdownNow();
        }
        intuit.verify(1, postRequestedFor(urlPathEqualTo(TOKEN_PATH)));
    }

    @Test
    void invalidGrantSaysReconnectAndIsNotRetried() {
        intuit.stubFor(post(urlPathEqualTo(TOKEN_PATH)).willReturn(json(400, "invalid-grant.json")));

        assertThatThrownBy(tokens::accessToken).isInstanceOf(ReconnectQuickBooksException.class).hasMessageStartingWith("reconnect QuickBooks");
        assertThatThrownBy(tokens::accessToken).isInstanceOf(ReconnectQuickBooksException.class);

        intuit.verify(1, postRequestedFor(urlPathEqualTo(TOKEN_PATH)));
        assertThat(tokens.reconnectReason()).isEqualTo("invalid_grant");
        assertThat(store.saved).isEmpty();
    }

    private static final class Store implements RefreshTokenStore {
        final List<String> saved = new ArrayList<>();
        final Map<String, String> byRealm = new ConcurrentHashMap<>();

        @Override
        public Optional<String> load(String realmId) {
            return Optional.ofNullable(byRealm.get(realmId));
        }

        @Override
        public synchronized void save(String realmId, String refreshToken, Instant expiresAt) {
            saved.add(refreshToken);
            byRealm.put(realmId, refreshToken);
        }
    }
}
