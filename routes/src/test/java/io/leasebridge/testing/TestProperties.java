package io.leasebridge.testing;

import com.github.tomakehurst.wiremock.WireMockServer;
import org.springframework.test.context.DynamicPropertyRegistry;

import java.util.List;

/** Properties every Spring test of LeaseBridge sets: a Salesforce org on WireMock, an in-memory hub. */
public final class TestProperties {

    public static final List<String> FLOWS = List.of("leaseworks-accounts", "leaseworks-payments", "leaseworks-notes",
            "salesforce-outbox-drain", "gps-location-poll", "salesforce-vehicles-read", "salesforce-repo-cases-read",
            "leaseworks-vehicle-import", "leaseworks-gl", "quickbooks-postings", "fleetrock-repair-orders", "work-order-approvals",
            "recovery-risk", "salesforce-calls-read", "systems-reconciliation", "agency-placements", "agency-returns");

    private TestProperties() {
    }

    /** camel-salesforce logs in to {@code salesforce} with test credentials; the hub is a private H2 database. */
    public static void salesforceAndHub(DynamicPropertyRegistry registry, WireMockServer salesforce, String database) {
        registry.add("camel.component.salesforce.login-url", salesforce::baseUrl);
        registry.add("camel.component.salesforce.client-id", () -> "3MVG9test");
        registry.add("camel.component.salesforce.client-secret", () -> "test-secret");
        registry.add("camel.component.salesforce.user-name", () -> "integration@lessor.example");
        registry.add("camel.component.salesforce.password", () -> "test-password");
        registry.add("camel.springboot.main-run-controller", () -> "false");
        // a database of its own per Spring context: two live contexts on one embedded hub would be two processes on
        // one H2 file, which the single-node job store does not allow
        String url = "jdbc:h2:mem:" + database + "-" + java.util.UUID.randomUUID() + ";MODE=PostgreSQL;DB_CLOSE_DELAY=-1";
        registry.add("spring.datasource.url", () -> url);
        // and a Quartz scheduler name of its own: Quartz keeps each scheduler's data source in one JVM-wide registry
        // under its name, so with one name every cached context's scheduler would fire the newest context's triggers
        registry.add("spring.quartz.scheduler-name", () -> "leasebridge-" + database);
        registry.add("leasebridge.salesforce.retry.initial-delay", () -> "10ms");
        // PostgreSQL writes an export with two writers side by side, H2 with one: the tests' H2 takes two, so that
        // every intake test also covers rows split between writers
        registry.add("leasebridge.leaseworks.writers", () -> "2");
    }

    /** {@link #salesforceAndHub} for a test that runs flows itself: every schedule parked, the promise flows' too. */
    public static void parked(DynamicPropertyRegistry registry, WireMockServer salesforce, String database) {
        salesforceAndHub(registry, salesforce, database);
        schedules(registry, NEVER);
        registry.add("leasebridge.schedules.leaseworks-promises", () -> NEVER);
        registry.add("leasebridge.schedules.promise-judgement", () -> NEVER);
    }

    /** Every flow on the same cron; a cron in 2099 keeps the schedules out of a test's way. */
    public static void schedules(DynamicPropertyRegistry registry, String cron) {
        FLOWS.forEach(flow -> registry.add("leasebridge.schedules." + flow, () -> cron));
    }

    public static final String NEVER = "0 0 0 1 1 ? 2099";
}
