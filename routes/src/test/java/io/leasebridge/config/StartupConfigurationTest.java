package io.leasebridge.config;

import io.leasebridge.LeaseBridgeApplication;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Missing or invalid configuration stops start-up with a message that names the property. */
class StartupConfigurationTest {

    @Test
    void aMissingSalesforceClientIdStopsStartUpNamingTheProperty() {
        assertThatThrownBy(() -> start("--camel.component.salesforce.client-id="))
                .hasStackTraceContaining("camel.component.salesforce.client-id");
    }

    @Test
    void aBatchSizeAboveSalesforcesLimitIsRefused() {
        assertThatThrownBy(() -> start("--camel.component.salesforce.client-id=3MVG9test", "--leasebridge.salesforce.batch-size=500"))
                .hasStackTraceContaining("leasebridge.salesforce.batchSize")
                .hasStackTraceContaining("must be less than or equal to 200");
    }

    @Test
    void aFieldMapNamingAnUnknownFieldIsRefusedNamingIt() throws Exception {
        java.nio.file.Path map = java.nio.file.Files.createTempFile("leaseworks", ".yml");
        java.nio.file.Files.writeString(map, """
                exports:
                  accounts:
                    customer:
                      customerNumber: { column: "Customer Number" }
                """);
        assertThatThrownBy(() -> start("--camel.component.salesforce.client-id=3MVG9test",
                "--leasebridge.leaseworks.mapping-file=" + map))
                .hasStackTraceContaining("exports.accounts.customer.customerNumber is not a field of Customer");
    }

    private static void start(String... args) {
        SpringApplication app = new SpringApplication(LeaseBridgeApplication.class);
        app.setWebApplicationType(WebApplicationType.NONE);
        String[] all = new String[args.length + 3];
        all[0] = "--spring.datasource.url=jdbc:h2:mem:startup-" + System.nanoTime() + ";MODE=PostgreSQL";
        all[1] = "--camel.component.salesforce.login-url=http://localhost:1";
        all[2] = "--camel.springboot.main-run-controller=false";
        System.arraycopy(args, 0, all, 3, args.length);
        app.run(all).close();
    }
}
