package io.leasebridge.connectors.gps.passtime;

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

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static io.leasebridge.connectors.gps.VendorStubs.body;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** PassTime's OAuth password grant and GetLastLocate, on a WireMock server speaking PassTime's JSON. */
class PassTimeClientTest {

    private static final String VIN = "1HGCM82633A004352";
    private static final String LOCATE = "/api/device/GetLastLocate";

    private WireMockServer passTime;
    private CamelContext camel;
    private MutableClock clock;
    private PassTimeClient client;

    @BeforeEach
    void start() throws Exception {
        passTime = new WireMockServer(options().dynamicPort());
        passTime.start();
        camel = new DefaultCamelContext();
        camel.start();
        clock = new MutableClock(Instant.parse("2026-11-20T12:00:00Z"));
        client = new PassTimeClient(settings(0), new CamelVendorHttp("PASSTIME", camel, URI.create(passTime.baseUrl())), clock,
                Duration.ofMinutes(10), Sleeper.THREAD);
    }

    @AfterEach
    void stop() {
        camel.stop();
        passTime.stop();
    }

    private PassTimeSettings settings(int rateLimitedRetries) {
        return new PassTimeSettings(URI.create(passTime.baseUrl()), "/token", "lessor-api", "s3cret!", null, "D-100", LOCATE,
                "DealerNumber", "SerialNumber", "/Latitude", "/Longitude", "/LocateDate", ZoneOffset.UTC, 5, 2,
                rateLimitedRetries, Duration.ofSeconds(5));
    }

    private void tokenIs(String token, int expiresIn) {
        passTime.stubFor(post("/token").willReturn(okJson(
                "{\"access_token\":\"" + token + "\",\"token_type\":\"bearer\",\"expires_in\":" + expiresIn + "}")));
    }

    @Test
    void logsInWithThePasswordGrantAndReadsTheLastLocate() {
        passTime.stubFor(post("/token").willReturn(okJson(body("passtime/token.json"))));
        passTime.stubFor(get(urlPathEqualTo(LOCATE)).withQueryParam("DealerNumber", equalTo("D-100"))
                .withQueryParam("SerialNumber", equalTo("PT-0001")).withHeader("Authorization", equalTo("Bearer pt-token-1"))
                .willReturn(okJson(body("passtime/last-locate.json"))));

        GpsFix fix = client.lastLocation(VIN, "PT-0001");

        assertThat(fix).isEqualTo(new GpsFix(VIN, "PASSTIME", "PT-0001", new BigDecimal("38.952311"), new BigDecimal("-94.621874"),
                Instant.parse("2026-11-20T11:58:02Z")));
        passTime.verify(postRequestedFor(urlPathEqualTo("/token"))
                .withHeader("Content-Type", containing("application/x-www-form-urlencoded"))
                .withRequestBody(equalTo("grant_type=password&username=lessor-api&password=s3cret%21")));
        client.lastLocation(VIN, "PT-0001");
        passTime.verify(1, postRequestedFor(urlPathEqualTo("/token")));
    }

    @Test
    void aTokenAboutToExpireIsReplacedBeforeTheCall() {
        passTime.stubFor(post("/token").inScenario("tokens").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(okJson("{\"access_token\":\"pt-token-1\",\"token_type\":\"bearer\",\"expires_in\":120}"))
                .willSetStateTo("second"));
        passTime.stubFor(post("/token").inScenario("tokens").whenScenarioStateIs("second")
                .willReturn(okJson("{\"access_token\":\"pt-token-2\",\"token_type\":\"bearer\",\"expires_in\":120}")));
        passTime.stubFor(get(urlPathEqualTo(LOCATE)).willReturn(okJson(body("passtime/last-locate.json"))));

        client.lastLocation(VIN, "PT-0001");
        clock.advance(Duration.ofSeconds(59));
        client.lastLocation(VIN, "PT-0001");
        clock.advance(Duration.ofSeconds(2));
        client.lastLocation(VIN, "PT-0001");

        passTime.verify(2, postRequestedFor(urlPathEqualTo("/token")));
        passTime.verify(2, getRequestedFor(urlPathEqualTo(LOCATE)).withHeader("Authorization", equalTo("Bearer pt-token-1")));
        passTime.verify(1, getRequestedFor(urlPathEqualTo(LOCATE)).withHeader("Authorization", equalTo("Bearer pt-token-2")));
    }

    @Test
    void aTokenPassTimeNoLongerAcceptsIsRefreshedAndTheCallRepeatedOnce() {
        passTime.stubFor(post("/token").inScenario("tokens").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(okJson("{\"access_token\":\"pt-token-1\",\"token_type\":\"bearer\",\"expires_in\":86399}"))
                .willSetStateTo("second"));
        passTime.stubFor(post("/token").inScenario("tokens").whenScenarioStateIs("second")
                .willReturn(okJson("{\"access_token\":\"pt-token-2\",\"token_type\":\"bearer\",\"expires_in\":86399}")));
        passTime.stubFor(get(urlPathEqualTo(LOCATE)).withHeader("Authorization", equalTo("Bearer pt-token-1"))
                .willReturn(aResponse().withStatus(401).withHeader("WWW-Authenticate", "Bearer error=\"invalid_token\"")
                        .withHeader("Content-Type", "application/json").withBody("{\"Message\":\"Authorization has been denied for this request.\"}")));
        passTime.stubFor(get(urlPathEqualTo(LOCATE)).withHeader("Authorization", equalTo("Bearer pt-token-2"))
                .willReturn(okJson(body("passtime/last-locate.json"))));

        assertThat(client.lastLocation(VIN, "PT-0001").latitude()).isEqualByComparingTo("38.952311");
        passTime.verify(2, postRequestedFor(urlPathEqualTo("/token")));
    }

    @Test
    void rejectedCredentialsArePermanentAndNeverEchoThePassword() {
        passTime.stubFor(post("/token").willReturn(aResponse().withStatus(400).withHeader("Content-Type", "application/json")
                .withBody(body("passtime/invalid-grant.json"))));

        assertThatThrownBy(() -> client.lastLocation(VIN, "PT-0001"))
                .isInstanceOfSatisfying(GpsVendorException.class, e -> {
                    assertThat(e.retryable()).isFalse();
                    assertThat(e.status()).isEqualTo(400);
                    assertThat(e.getMessage()).doesNotContain("s3cret");
                });
    }

    @Test
    void a429IsWaitedOutForItsRetryAfterThenRetried() {
        client = new PassTimeClient(settings(2), new CamelVendorHttp("PASSTIME", camel, URI.create(passTime.baseUrl())), clock,
                Duration.ofMinutes(10), Sleeper.THREAD);
        tokenIs("pt-token-1", 86399);
        passTime.stubFor(get(urlPathEqualTo(LOCATE)).inScenario("limit").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(429).withHeader("Retry-After", "1")
                        .withHeader("Content-Type", "application/json").withBody("{\"Message\":\"Too many requests\"}"))
                .willSetStateTo("open"));
        passTime.stubFor(get(urlPathEqualTo(LOCATE)).inScenario("limit").whenScenarioStateIs("open")
                .willReturn(okJson(body("passtime/last-locate.json"))));

        long started = System.nanoTime();
        GpsFix fix = client.lastLocation(VIN, "PT-0001");

        assertThat(fix.deviceId()).isEqualTo("PT-0001");
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofMillis(900));
        passTime.verify(2, getRequestedFor(urlPathEqualTo(LOCATE)));
    }

    @Test
    void a429ThatPersistsIsARetryableFailure() {
        tokenIs("pt-token-1", 86399);
        passTime.stubFor(get(urlPathEqualTo(LOCATE)).willReturn(aResponse().withStatus(429).withHeader("Retry-After", "0")));

        assertThatThrownBy(() -> client.lastLocation(VIN, "PT-0001"))
                .isInstanceOfSatisfying(GpsVendorException.class, e -> {
                    assertThat(e.retryable()).isTrue();
                    assertThat(e.status()).isEqualTo(429);
                });
    }

    @Test
    void serverErrorsAreRetryableAndAnUnknownDeviceIsNot() {
        tokenIs("pt-token-1", 86399);
        passTime.stubFor(get(urlPathEqualTo(LOCATE)).withQueryParam("SerialNumber", equalTo("PT-0001"))
                .willReturn(aResponse().withStatus(503).withBody("Service Unavailable")));
        passTime.stubFor(get(urlPathEqualTo(LOCATE)).withQueryParam("SerialNumber", equalTo("PT-9999"))
                .willReturn(aResponse().withStatus(404).withHeader("Content-Type", "application/json")
                        .withBody("{\"Message\":\"Device not found\"}")));

        assertThatThrownBy(() -> client.lastLocation(VIN, "PT-0001"))
                .isInstanceOfSatisfying(GpsVendorException.class, e -> assertThat(e.retryable()).isTrue());
        // the retry is the circuit breaker's and the next poll's business, not the HTTP client's
        passTime.verify(1, getRequestedFor(urlPathEqualTo(LOCATE)).withQueryParam("SerialNumber", equalTo("PT-0001")));
        assertThatThrownBy(() -> client.lastLocation(VIN, "PT-9999"))
                .isInstanceOfSatisfying(GpsVendorException.class, e -> {
                    assertThat(e.retryable()).isFalse();
                    assertThat(e.getMessage()).contains("HTTP 404").contains("Device not found");
                });
    }

    @Test
    void aLocationWithoutLatitudeOrWithLatitude91IsMalformed() {
        tokenIs("pt-token-1", 86399);
        String missing = body("passtime/last-locate.json").replace("\"Latitude\": 38.952311,", "");
        String ninetyOne = body("passtime/last-locate.json").replace("38.952311", "91.0");
        passTime.stubFor(get(urlPathEqualTo(LOCATE)).withQueryParam("SerialNumber", equalTo("PT-0001")).willReturn(okJson(missing)));
        passTime.stubFor(get(urlPathEqualTo(LOCATE)).withQueryParam("SerialNumber", equalTo("PT-0002")).willReturn(okJson(ninetyOne)));

        assertThatThrownBy(() -> client.lastLocation(VIN, "PT-0001"))
                .isInstanceOfSatisfying(MalformedLocationException.class, e -> {
                    assertThat(e.field()).isEqualTo("latitude");
                    assertThat(e.reason()).isEqualTo("missing (/Latitude)");
                    assertThat(e.payload()).isEqualTo(missing);
                });
        assertThatThrownBy(() -> client.lastLocation(VIN, "PT-0002"))
                .isInstanceOfSatisfying(MalformedLocationException.class, e -> {
                    assertThat(e.field()).isEqualTo("latitude");
                    assertThat(e.reason()).isEqualTo("91.0 is outside -90..90");
                });
    }

    @Test
    void aFixAtZeroZeroIsMalformedAndALongValueIsQuotedByItsBeginning() {
        tokenIs("pt-token-1", 86399);
        String nullIsland = body("passtime/last-locate.json").replace("38.952311", "0.0").replace("-94.621874", "0");
        String pasted = body("passtime/last-locate.json").replace("38.952311", "\"" + "38.95,".repeat(1000) + "\"");
        passTime.stubFor(get(urlPathEqualTo(LOCATE)).withQueryParam("SerialNumber", equalTo("PT-0001")).willReturn(okJson(nullIsland)));
        passTime.stubFor(get(urlPathEqualTo(LOCATE)).withQueryParam("SerialNumber", equalTo("PT-0002")).willReturn(okJson(pasted)));

        assertThatThrownBy(() -> client.lastLocation(VIN, "PT-0001"))
                .isInstanceOfSatisfying(MalformedLocationException.class, e -> {
                    assertThat(e.field()).isEqualTo("latitude");
                    assertThat(e.reason()).startsWith("0, 0 is no fix");
                });
        assertThatThrownBy(() -> client.lastLocation(VIN, "PT-0002"))
                .isInstanceOfSatisfying(MalformedLocationException.class,
                        e -> assertThat(e.reason()).endsWith("(6,000 characters)").hasSizeLessThan(100));
    }
}
