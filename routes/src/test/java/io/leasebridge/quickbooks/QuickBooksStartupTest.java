package io.leasebridge.quickbooks;

import io.leasebridge.LeaseBridgeApplication;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** QuickBooks half configured stops start-up naming what is missing; a minor version below 75 is refused. */
class QuickBooksStartupTest {

    @Test
    void aConfiguredCompanyWithoutItsSecretAndKeyStopsStartUpNamingThem() {
        assertThatThrownBy(() -> start("--leasebridge.quickbooks.base-url=http://localhost:1",
                "--leasebridge.quickbooks.realm-id=9130350000000001", "--leasebridge.quickbooks.client-id=AB1"))
                .hasStackTraceContaining("leasebridge.quickbooks.client-secret")
                .hasStackTraceContaining("leasebridge.quickbooks.token-encryption-key");
    }

    @Test
    void aMinorVersionBelow75IsRefused() {
        assertThatThrownBy(() -> start("--leasebridge.quickbooks.minor-version=65"))
                .hasStackTraceContaining("leasebridge.quickbooks.minorVersion")
                .hasStackTraceContaining("must be greater than or equal to 75");
    }

    private static void start(String... args) {
        SpringApplication app = new SpringApplication(LeaseBridgeApplication.class);
        app.setWebApplicationType(WebApplicationType.NONE);
        String[] all = new String[args.length + 4];
        all[0] = "--spring.datasource.url=jdbc:h2:mem:qb-startup-" + System.nanoTime() + ";MODE=PostgreSQL";
        all[1] = "--camel.component.salesforce.login-url=http://localhost:1";
        all[2] = "--camel.springboot.main-run-controller=false";
        all[3] = "--camel.component.salesforce.client-id=3MVG9test";
        System.arraycopy(args, 0, all, 4, args.length);
        app.run(all).close();
    }
}
