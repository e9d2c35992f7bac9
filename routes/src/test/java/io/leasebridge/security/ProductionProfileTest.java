package io.leasebridge.security;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.leasebridge.LeaseBridgeApplication;
import io.leasebridge.salesforce.SalesforceWireMock;
import io.leasebridge.testing.TestProperties;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Serving needs users configured for it: the default profile and production refuse to start with none, saying how
 * to add one; the development users exist in the dev and sandbox profiles only; production refuses a common password
 * at start-up and a short one at sign-in; with its own users it starts, over real HTTP, and Spring Boot never
 * generates a password. Start-up messages never repeat a password.
 */
@ExtendWith(OutputCaptureExtension.class)
class ProductionProfileTest {

    private static final WireMockServer salesforce = SalesforceWireMock.start();

    @AfterAll
    static void stopSalesforce() {
        salesforce.stop();
    }

    @Test
    void productionWithoutUsersRefusesToStartSayingHowToAddOne() {
        assertThatThrownBy(() -> serve("--spring.profiles.active=production"))
                .hasStackTraceContaining("leasebridge.security.users is empty: LeaseBridge does not serve its admin API and page without admin users")
                .hasStackTraceContaining("LEASEBRIDGE_SECURITY_USERS_0_PASSWORD_HASH");
    }

    @Test
    void theDefaultProfileHasNoDevelopmentUsersAndRefusesToStartWithoutUsers() {
        assertThatThrownBy(() -> serve("--spring.profiles.active="))
                .hasStackTraceContaining("leasebridge.security.users is empty")
                .hasStackTraceContaining("Development users come with the dev profile");
    }

    @Test
    void theDevelopmentUsersAreRefusedWhereverProductionIsActive() {
        assertThatThrownBy(() -> serve("--spring.profiles.active=production,dev"))
                .hasStackTraceContaining("leasebridge.security.users[0] (viewer) has a common password")
                .hasStackTraceContaining("refused by the production profile");
    }

    @Test
    void productionRefusesACommonPasswordAtStartUp(CapturedOutput output) {
        String hash = PasswordEncoderFactories.createDelegatingPasswordEncoder().encode("password");
        assertThatThrownBy(() -> serve("--spring.profiles.active=production", "--leasebridge.security.users[0].name=ops",
                "--leasebridge.security.users[0].password-hash=" + hash, "--leasebridge.security.users[0].roles=OPERATOR"))
                .hasStackTraceContaining("leasebridge.security.users[0] (ops) has a common password")
                .satisfies(e -> assertThat(stackTrace(e)).doesNotContain(hash));
        assertThat(output.getAll()).doesNotContain(hash);
    }

    @Test
    void aPasswordInClearStopsStartUpWithoutBeingRepeated(CapturedOutput output) {
        assertThatThrownBy(() -> serve("--leasebridge.security.users[0].name=ann",
                "--leasebridge.security.users[0].password-hash=Plain-Text-Pa55", "--leasebridge.security.users[0].roles=VIEWER"))
                .hasStackTraceContaining("leasebridge.security.users[0] (ann).password-hash is not {bcrypt}")
                .satisfies(e -> assertThat(stackTrace(e)).doesNotContain("Plain-Text-Pa55"));
        assertThat(output.getAll()).doesNotContain("Plain-Text-Pa55");
    }

    @Test
    void productionWithItsOwnUsersServesThemAndNoGeneratedPassword(CapturedOutput output) throws Exception {
        String hash = PasswordEncoderFactories.createDelegatingPasswordEncoder().encode("a long production passphrase");
        String shortHash = PasswordEncoderFactories.createDelegatingPasswordEncoder().encode("Sh0rt-pass!");
        try (ConfigurableApplicationContext app = serve("--spring.profiles.active=production",
                "--leasebridge.security.users[0].name=ops", "--leasebridge.security.users[0].password-hash=" + hash,
                "--leasebridge.security.users[0].roles=OPERATOR",
                "--leasebridge.security.users[1].name=short", "--leasebridge.security.users[1].password-hash=" + shortHash,
                "--leasebridge.security.users[1].roles=VIEWER")) {
            String base = "http://localhost:" + app.getEnvironment().getProperty("local.server.port");

            HttpResponse<String> health = get(base + "/actuator/health", null);
            assertThat(health.statusCode()).as("open, UP (200) or DOWN (503)").isIn(200, 503);
            assertThat(health.body()).contains("\"status\"");
            assertThat(get(base + "/api/flows", null).statusCode()).isEqualTo(401);
            assertThat(get(base + "/api/flows", "viewer:viewer-dev").statusCode()).isEqualTo(401);
            HttpResponse<String> flows = get(base + "/api/flows", "ops:a long production passphrase");
            assertThat(flows.statusCode()).isEqualTo(200);
            assertThat(flows.body()).contains("\"name\":\"salesforce-outbox-drain\"");
            assertThat(get(base + "/api/flows", "short:Sh0rt-pass!").statusCode()).as("11 characters").isEqualTo(401);
        }
        assertThat(output.getAll()).contains("admin users from leasebridge.security.users: [ops [OPERATOR], short [VIEWER]]")
                .contains("sign-in refused: user 'short' from ")
                .contains("the password of short is shorter than 12 characters, refused by the production profile")
                .doesNotContain("generated security password").doesNotContain("a long production passphrase").doesNotContain(hash);
    }

    private static HttpResponse<String> get(String url, String credentials) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url));
        if (credentials != null) {
            request.header("Authorization", "Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8)));
        }
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** LeaseBridge serving on a free port over a private in-memory hub, every schedule parked. */
    private static ConfigurableApplicationContext serve(String... args) {
        SpringApplication app = new SpringApplication(LeaseBridgeApplication.class);
        app.setWebApplicationType(WebApplicationType.SERVLET);
        List<String> all = new ArrayList<>(List.of(
                "--server.port=0",
                "--spring.datasource.url=jdbc:h2:mem:production-" + System.nanoTime() + ";MODE=PostgreSQL;DB_CLOSE_DELAY=-1",
                "--camel.springboot.main-run-controller=false",
                "--camel.component.salesforce.login-url=" + salesforce.baseUrl(),
                "--camel.component.salesforce.client-id=3MVG9test",
                "--camel.component.salesforce.client-secret=test-secret",
                "--camel.component.salesforce.user-name=integration@lessor.example",
                "--camel.component.salesforce.password=test-password",
                "--leasebridge.leaseworks.inbox=" + System.getProperty("java.io.tmpdir") + "/leasebridge-production-inbox",
                // what the production profile packaged in the jar takes from the environment
                "--LEASEBRIDGE_DB_USER=sa", "--LEASEBRIDGE_DB_PASSWORD=", "--LEASEBRIDGE_COLLECTIONS_QUEUE_ID=00G000000000001AAA",
                "--LEASEWORKS_SFTP_HOST=sftp.lessor.example", "--LEASEWORKS_SFTP_USER=leasebridge",
                "--LEASEWORKS_SFTP_KEY_FILE=/etc/leasebridge/sftp_key", "--LEASEWORKS_SFTP_KNOWN_HOSTS=/etc/leasebridge/known_hosts"));
        for (String flow : List.of("leaseworks-accounts", "leaseworks-payments", "leaseworks-notes", "leaseworks-promises",
                "promise-judgement", "salesforce-outbox-drain")) {
            all.add("--leasebridge.schedules." + flow + "=" + TestProperties.NEVER);
        }
        all.addAll(List.of(args));
        return app.run(all.toArray(String[]::new));
    }

    private static String stackTrace(Throwable e) {
        java.io.StringWriter out = new java.io.StringWriter();
        e.printStackTrace(new java.io.PrintWriter(out));
        return out.toString();
    }
}
