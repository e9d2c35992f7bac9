package io.leasebridge.connectors.gps.spireon;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import io.leasebridge.connectors.gps.GpsVendorException;
import io.leasebridge.connectors.gps.MalformedLocationException;
import io.leasebridge.connectors.gps.MutableClock;
import io.leasebridge.connectors.gps.Sleeper;
import io.leasebridge.connectors.gps.CamelVendorHttp;
import io.leasebridge.model.GpsFix;
import org.apache.camel.CamelContext;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static io.leasebridge.connectors.gps.VendorStubs.body;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Spireon NSpire's identity token and asset API on a WireMock server speaking its JSON. */
class SpireonClientTest {

    private static final String VIN = "2T1BURHE0JC000002";
    private static final String APP_TOKEN = "eyJzeXN0ZW1JZCI6NDIsImJyYW5kSWQiOjd9";

    private WireMockServer spireon;
    private CamelContext camel;
    private MutableClock clock;
    private SpireonClient client;

    @BeforeEach
    void start() throws Exception {
        spireon = new WireMockServer(options().dynamicPort());
        spireon.start();
        camel = new DefaultCamelContext();
        camel.start();
        clock = new MutableClock(Instant.parse("2026-11-20T12:00:00Z"));
        client = client(1);
    }

    private SpireonClient client(int rateLimitedRetries) {
        URI base = URI.create(spireon.baseUrl());
        SpireonSettings settings = new SpireonSettings(base, null, "/identity/token", APP_TOKEN, "fleet@lessor.example", "pa55",
                "/assets/{id}", "/assets/{id}/events", "/lastLocation/lat", "/lastLocation/lng", "/lastLocation/date", "/content",
                "/location/lat", "/location/lng", "/date", ZoneOffset.UTC, 5, 2, rateLimitedRetries, Duration.ofSeconds(5));
        CamelVendorHttp http = new CamelVendorHttp("SPIREON", camel, base);
        return new SpireonClient(settings, http, http, clock, Duration.ofMinutes(10), Sleeper.THREAD);
    }

    @AfterEach
    void stop() {
        camel.stop();
        spireon.stop();
    }

    private void identityIs(String token, int expiresIn) {
        spireon.stubFor(get("/identity/token").willReturn(okJson("{\"token\":\"" + token + "\",\"expiresIn\":" + expiresIn + "}")));
    }

    @Test
    void getsAUserTokenWithBasicAndTheAppTokenThenReadsTheAssetsLastLocation() {
        spireon.stubFor(get("/identity/token").willReturn(okJson(body("spireon/identity-token.json"))));
        spireon.stubFor(get("/assets/A-0002").withHeader("X-Nspire-UserToken", equalTo("eyJhbGciOiJIUzI1NiJ9.eyJucyI6InUtMSJ9.c2ln"))
                .withHeader("X-Nspire-AppToken", equalTo(APP_TOKEN)).willReturn(okJson(body("spireon/asset.json"))));

        GpsFix fix = client.lastLocation(VIN, "A-0002");

        assertThat(fix).isEqualTo(new GpsFix(VIN, "SPIREON", "A-0002", new BigDecimal("33.431104"), new BigDecimal("-94.058211"),
                Instant.parse("2026-11-20T09:14:32.753Z")));
        String basic = Base64.getEncoder().encodeToString("fleet@lessor.example:pa55".getBytes());
        spireon.verify(getRequestedFor(urlPathEqualTo("/identity/token")).withHeader("Authorization", equalTo("Basic " + basic))
                .withHeader("X-Nspire-AppToken", equalTo(APP_TOKEN)));
        spireon.verify(getRequestedFor(urlPathEqualTo("/assets/A-0002"))
                .withHeader("X-Nspire-CorrelationId", matching("[0-9a-f-]{36}")));
    }

    @Test
    void anExpiredUserTokenIsRefreshedBeforeTheCallAndARefusedOneAfterIt() {
        spireon.stubFor(get("/identity/token").inScenario("tokens").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(okJson("{\"token\":\"u-1\",\"expiresIn\":300}")).willSetStateTo("two"));
        spireon.stubFor(get("/identity/token").inScenario("tokens").whenScenarioStateIs("two")
                .willReturn(okJson("{\"token\":\"u-2\",\"expiresIn\":300}")).willSetStateTo("three"));
        spireon.stubFor(get("/identity/token").inScenario("tokens").whenScenarioStateIs("three")
                .willReturn(okJson("{\"token\":\"u-3\",\"expiresIn\":300}")));
        spireon.stubFor(get("/assets/A-0002").willReturn(okJson(body("spireon/asset.json"))));
        spireon.stubFor(get("/assets/A-0002").withHeader("X-Nspire-UserToken", equalTo("u-2"))
                .willReturn(aResponse().withStatus(401).withHeader("Content-Type", "application/json")
                        .withBody("{\"error\":\"invalid_token\",\"message\":\"Token has been revoked\"}")));

        client.lastLocation(VIN, "A-0002");
        clock.advance(Duration.ofSeconds(241));
        client.lastLocation(VIN, "A-0002");

        spireon.verify(3, getRequestedFor(urlPathEqualTo("/identity/token")));
        spireon.verify(1, getRequestedFor(urlPathEqualTo("/assets/A-0002")).withHeader("X-Nspire-UserToken", equalTo("u-1")));
        spireon.verify(1, getRequestedFor(urlPathEqualTo("/assets/A-0002")).withHeader("X-Nspire-UserToken", equalTo("u-3")));
    }

    @Test
    void a429IsRetriedAfterItsRetryAfterAndServerErrorsAreRetryable() {
        identityIs("u-1", 3600);
        spireon.stubFor(get("/assets/A-0002").inScenario("limit").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(429).withHeader("Retry-After", "1")).willSetStateTo("ok"));
        spireon.stubFor(get("/assets/A-0002").inScenario("limit").whenScenarioStateIs("ok").willReturn(okJson(body("spireon/asset.json"))));
        spireon.stubFor(get("/assets/A-0003").willReturn(aResponse().withStatus(502).withBody("<html>Bad Gateway</html>")));

        assertThat(client.lastLocation(VIN, "A-0002").deviceId()).isEqualTo("A-0002");
        spireon.verify(2, getRequestedFor(urlPathEqualTo("/assets/A-0002")));
        assertThatThrownBy(() -> client.lastLocation(VIN, "A-0003"))
                .isInstanceOfSatisfying(GpsVendorException.class, e -> {
                    assertThat(e.retryable()).isTrue();
                    assertThat(e.status()).isEqualTo(502);
                });
    }

    @Test
    void aLastLocationWithoutLatitudeOrWithLatitude91IsMalformed() {
        identityIs("u-1", 3600);
        spireon.stubFor(get("/assets/A-0002").willReturn(okJson(body("spireon/asset.json").replace("\"lat\": 33.431104,", ""))));
        spireon.stubFor(get("/assets/A-0003").willReturn(okJson(body("spireon/asset.json").replace("33.431104", "91"))));

        assertThatThrownBy(() -> client.lastLocation(VIN, "A-0002"))
                .isInstanceOfSatisfying(MalformedLocationException.class, e -> assertThat(e.getMessage())
                        .isEqualTo("latitude: missing (/lastLocation/lat)"));
        assertThatThrownBy(() -> client.lastLocation(VIN, "A-0003"))
                .isInstanceOfSatisfying(MalformedLocationException.class, e -> assertThat(e.getMessage())
                        .isEqualTo("latitude: 91 is outside -90..90"));
    }

    @Test
    void historyComesFromTheAssetsEventsBetweenTwoInstantsOldestFirst() {
        identityIs("u-1", 3600);
        spireon.stubFor(get(urlPathEqualTo("/assets/A-0002/events")).withQueryParam("startDate", equalTo("2026-11-19T00:00:00Z"))
                .withQueryParam("endDate", equalTo("2026-11-20T00:00:00Z")).willReturn(okJson(body("spireon/asset-events.json"))));

        var fixes = client.history(VIN, "A-0002", Instant.parse("2026-11-19T00:00:00Z"), Instant.parse("2026-11-20T00:00:00Z"));

        assertThat(fixes).extracting(GpsFix::locatedAt)
                .containsExactly(Instant.parse("2026-11-19T08:00:00Z"), Instant.parse("2026-11-19T18:00:00Z"));
        assertThat(fixes.get(1).latitude()).isEqualByComparingTo("33.440001");
    }
}
