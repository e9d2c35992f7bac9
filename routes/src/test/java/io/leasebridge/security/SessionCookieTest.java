package io.leasebridge.security;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.leasebridge.LeaseBridgeApplication;
import io.leasebridge.salesforce.SalesforceWireMock;
import io.leasebridge.testing.TestProperties;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The page's session cookie over real HTTP: SameSite=Strict and HttpOnly always, Secure when the request came over
 * TLS, here as a proxy that terminated it says with X-Forwarded-Proto (server.forward-headers-strategy=native).
 */
@SpringBootTest(classes = LeaseBridgeApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class SessionCookieTest {

    private static final WireMockServer salesforce = SalesforceWireMock.start();

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        TestProperties.parked(registry, salesforce, "session-cookie");
        registry.add("server.forward-headers-strategy", () -> "native");
    }

    @LocalServerPort
    int port;

    @AfterAll
    static void stopSalesforce() {
        salesforce.stop();
    }

    @Test
    void theSessionCookieIsSameSiteStrictAndSecureBehindTls() throws Exception {
        HttpResponse<String> behindTls = login("https");
        HttpResponse<String> plain = login(null);

        assertThat(behindTls.headers().firstValue("Set-Cookie")).hasValueSatisfying(cookie -> assertThat(cookie)
                .startsWith("JSESSIONID=").contains("; Secure").contains("; HttpOnly").contains("; SameSite=Strict"));
        assertThat(plain.headers().firstValue("Set-Cookie")).hasValueSatisfying(cookie -> assertThat(cookie)
                .contains("; HttpOnly").contains("; SameSite=Strict").doesNotContain("Secure"));
        assertThat(behindTls.headers().firstValue("Content-Security-Policy")).hasValueSatisfying(csp ->
                assertThat(csp).startsWith("default-src 'self'"));
        assertThat(behindTls.headers().firstValue("Strict-Transport-Security")).isPresent();
    }

    /** The sign-in page, which starts a session for its CSRF token. */
    private HttpResponse<String> login(String forwardedProto) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/login"));
        if (forwardedProto != null) {
            request.header("X-Forwarded-Proto", forwardedProto);
        }
        HttpResponse<String> response = HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        return response;
    }
}
