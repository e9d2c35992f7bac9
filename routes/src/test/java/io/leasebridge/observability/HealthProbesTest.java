package io.leasebridge.observability;

import io.leasebridge.status.SystemStatus;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import io.leasebridge.LeaseBridgeApplication;
import io.leasebridge.salesforce.SalesforceWireMock;
import io.leasebridge.testing.TestProperties;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.nio.file.Files;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The probes a load balancer asks: liveness stays UP while an external system is down (a restart would not bring it
 * back); readiness reports that system DOWN, and is not DOWN for export drops whose first poll is hours away.
 */
@SpringBootTest(classes = LeaseBridgeApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class HealthProbesTest {

    private static final WireMockServer salesforce = SalesforceWireMock.start();
    private static final ObjectMapper json = new ObjectMapper();

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) throws Exception {
        TestProperties.parked(registry, salesforce, "health-probes");
        String inbox = Files.createTempDirectory("health-probes-inbox").toString();
        registry.add("leasebridge.leaseworks.inbox", () -> inbox);
        registry.add("management.endpoint.health.show-details", () -> "always");
    }

    @Autowired
    TestRestTemplate http;
    @Autowired
    SystemStatus status;

    @AfterAll
    static void stopSalesforce() {
        salesforce.stop();
    }

    @Test
    void exportDropsThatHaveNotPolledYetLeaveReadinessUpAndADownSystemFailsReadinessNotLiveness() throws Exception {
        ResponseEntity<String> ready = http.getForEntity("/actuator/health/readiness", String.class);
        assertThat(ready.getStatusCode().value()).as(ready.getBody()).isEqualTo(200);
        assertThat(body(ready).path("components").path("leaseWorksDrop").path("status").asText()).isEqualTo("UP");
        assertThat(body(ready).path("components").path("camelHealth").path("status").asText()).isEqualTo("UP");

        for (int i = 0; i < 3; i++) {
            status.salesforceCallFailed(new java.net.ConnectException("refused"));
        }

        ResponseEntity<String> notReady = http.getForEntity("/actuator/health/readiness", String.class);
        assertThat(notReady.getStatusCode().value()).as(notReady.getBody()).isEqualTo(503);
        assertThat(body(notReady).path("components").path("salesforce").path("status").asText()).isEqualTo("DOWN");
        ResponseEntity<String> live = http.getForEntity("/actuator/health/liveness", String.class);
        assertThat(live.getStatusCode().value()).as(live.getBody()).isEqualTo(200);
        assertThat(body(live).path("status").asText()).isEqualTo("UP");
        assertThat(body(live).path("components").has("salesforce")).isFalse();
    }

    private static JsonNode body(ResponseEntity<String> response) throws Exception {
        return json.readTree(response.getBody());
    }
}
