package io.leasebridge.config;

import io.leasebridge.LeaseBridgeApplication;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** FleetRock half configured stops start-up naming what is missing. */
class FleetRockStartupTest {

    @Test
    void aBaseUrlWithoutTheApiKeyStopsStartUpNamingTheProperty() {
        assertThatThrownBy(() -> start("--leasebridge.fleetrock.base-url=https://fleetrock.example.com",
                "--leasebridge.fleetrock.username=lessor-api"))
                .hasStackTraceContaining("leasebridge.fleetrock.key (FLEETROCK_API_KEY) is required");
    }

    @Test
    void aWebhookPathOutsideWebhooksIsRefused() {
        assertThatThrownBy(() -> start("--leasebridge.fleetrock.webhook.path=/api/fleetrock"))
                .hasStackTraceContaining("leasebridge.fleetrock.webhook.path must start with /webhooks/");
    }

    private static void start(String... args) {
        SpringApplication app = new SpringApplication(LeaseBridgeApplication.class);
        app.setWebApplicationType(WebApplicationType.NONE);
        String[] all = new String[args.length + 4];
        all[0] = "--spring.datasource.url=jdbc:h2:mem:startup-" + System.nanoTime() + ";MODE=PostgreSQL";
        all[1] = "--camel.component.salesforce.login-url=http://localhost:1";
        all[2] = "--camel.springboot.main-run-controller=false";
        all[3] = "--camel.component.salesforce.client-id=3MVG9test";
        System.arraycopy(args, 0, all, 4, args.length);
        app.run(all).close();
    }
}
