package io.leasebridge.privacy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import io.leasebridge.LeaseBridgeApplication;
import io.leasebridge.salesforce.SalesforceWireMock;
import io.leasebridge.testing.TestProperties;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.actuate.env.EnvironmentEndpoint;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/**
 * {@code /actuator/env} exposed over HTTP never shows a secret: not with Spring Boot's default
 * ({@code show-values=NEVER}), and not to a user allowed to see values ({@code WHEN_AUTHORIZED}), where
 * {@link SecretsSanitizer} is what hides them.
 *
 * <p>Whether the admin login lets a caller in is another test's business: here the HTTP answer, whatever its status,
 * must not hold a secret, and the authorized view is asserted on the {@link EnvironmentEndpoint} bean itself (which
 * shows values as to an authorized user), so the test holds whatever users and roles security is configured with.
 */
@SpringBootTest(classes = LeaseBridgeApplication.class, properties = {
        "management.endpoints.web.exposure.include=health,info,env,prometheus",
        "management.endpoint.env.show-values=WHEN_AUTHORIZED"})
@AutoConfigureMockMvc
class ActuatorEnvSecretsTest {

    private static final Map<String, String> SECRETS = Map.of(
            "camel.component.salesforce.password", "Sf-Password-4b1e9",
            "camel.component.salesforce.client-secret", "Sf-Client-Secret-77d0c",
            "camel.component.salesforce.refresh-token", "5Aep861-Refresh-Token-31a",
            "leasebridge.quickbooks.client-secret", "Qbo-Client-Secret-0f2d8",
            "leasebridge.fleetrock.key", "FleetRock-Api-Key-9c3a1",
            "leasebridge.gps.passtime.password", "PassTime-Password-e61b");
    private static final String OPERATOR = "Basic " + Base64.getEncoder().encodeToString("operator:operator-dev".getBytes(StandardCharsets.UTF_8));

    private static final WireMockServer salesforce = SalesforceWireMock.start();

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) throws Exception {
        TestProperties.salesforceAndHub(registry, salesforce, "actuator-env");
        SECRETS.forEach((key, value) -> registry.add(key, () -> value));
        // the rest of a PassTime configuration, which is validated as a whole
        registry.add("leasebridge.gps.passtime.base-url", () -> "http://localhost:9");
        registry.add("leasebridge.gps.passtime.username", () -> "lessor-api");
        registry.add("leasebridge.gps.passtime.dealer-number", () -> "D-100");
        Path inbox = Files.createTempDirectory("actuator-env-inbox");
        registry.add("leasebridge.leaseworks.inbox", inbox::toString);
        TestProperties.schedules(registry, TestProperties.NEVER);
        // a secret inside another value, as on a command line
        registry.add("leasebridge.test.command-line", () -> "java -jar leasebridge.jar --camel.component.salesforce.password=Sf-Password-4b1e9");
    }

    @AfterAll
    static void stopSalesforce() {
        salesforce.stop();
    }

    @Autowired
    MockMvc mvc;
    @Autowired
    EnvironmentEndpoint environmentEndpoint;
    @Autowired
    ObjectMapper json;

    @Test
    void aUserAllowedToSeeValuesSeesEveryValueButTheSecrets() throws Exception {
        String everything = json.writeValueAsString(environmentEndpoint.environment(null));

        assertThat(everything).as("values are shown").contains("3MVG9test", "jdbc:h2:mem:actuator-env");
        assertNoSecretIn(everything);
        for (String key : SECRETS.keySet()) {
            assertThat(environmentEndpoint.environmentEntry(key).getProperty().getValue()).as(key).isEqualTo("******");
        }
        assertThat(environmentEndpoint.environmentEntry("leasebridge.test.command-line").getProperty().getValue())
                .isEqualTo("java -jar leasebridge.jar --camel.component.salesforce.password=****");
    }

    @Test
    void overHttpNoSecretIsShownToAnyone() throws Exception {
        for (MvcResult answer : List.of(
                mvc.perform(get("/actuator/env")).andReturn(),
                mvc.perform(get("/actuator/env").header("Authorization", OPERATOR)).andReturn(),
                mvc.perform(get("/actuator/env/camel.component.salesforce.password").header("Authorization", OPERATOR)).andReturn())) {
            assertThat(answer.getResponse().getStatus()).isIn(200, 401, 403);
            assertNoSecretIn(answer.getResponse().getContentAsString());
        }
        MvcResult password = mvc.perform(get("/actuator/env/camel.component.salesforce.password").header("Authorization", OPERATOR)).andReturn();
        if (password.getResponse().getStatus() == 200) {
            assertThat(password.getResponse().getContentAsString()).contains("\"value\":\"******\"");
        }
    }

    @Nested
    @TestPropertySource(properties = "management.endpoint.env.show-values=NEVER")
    class WithSpringBootsDefault {

        @Autowired
        MockMvc mvc;
        @Autowired
        EnvironmentEndpoint environmentEndpoint;
        @Autowired
        ObjectMapper json;

        @Test
        void noValueIsShownAtAll() throws Exception {
            assertThat(environmentEndpoint.environmentEntry("camel.component.salesforce.user-name").getProperty().getValue())
                    .isEqualTo("******");
            assertNoSecretIn(json.writeValueAsString(environmentEndpoint.environment(null)));
            for (MvcResult answer : List.of(
                    mvc.perform(get("/actuator/env")).andReturn(),
                    mvc.perform(get("/actuator/env").header("Authorization", OPERATOR)).andReturn())) {
                assertThat(answer.getResponse().getStatus()).isIn(200, 401, 403);
                assertNoSecretIn(answer.getResponse().getContentAsString());
            }
        }
    }

    private static void assertNoSecretIn(String text) {
        for (String secret : SECRETS.values()) {
            assertThat(text).doesNotContain(secret);
        }
        assertThat(text).doesNotContain("test-secret", "test-password");
    }
}
