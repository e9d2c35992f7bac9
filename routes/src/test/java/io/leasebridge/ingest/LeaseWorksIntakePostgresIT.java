package io.leasebridge.ingest;

import io.leasebridge.testing.TestDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The intake's tests on PostgreSQL, the way production writes an export: two writers side by side, each with its own
 * customers and leases, and PostgreSQL's own refusals (skipped locally without a server, required on CI).
 */
class LeaseWorksIntakePostgresIT extends LeaseWorksIntakeContract {

    private static TestDatabase database;

    @Autowired
    IngestWriters writers;

    @BeforeAll
    static void freshSchema() {
        database = TestDatabase.postgres();
        database.freshSchema();
    }

    @AfterAll
    static void disconnect() {
        database.close();
    }

    @DynamicPropertySource
    static void postgres(DynamicPropertyRegistry registry) {
        commonProperties(registry);
        TestDatabase.postgresHub(registry);
        // PostgreSQL's own default
        registry.add("leasebridge.leaseworks.writers", () -> "");
    }

    @Test
    void theIntakeRunsOnPostgresqlWithTwoWriters() {
        // H2 in its PostgreSQL mode answers version() with "PostgreSQL 8.2.23 server protocol using H2"
        assertThat(jdbc.queryForObject("select version()", String.class)).startsWith("PostgreSQL").doesNotContain("H2");
        assertThat(writers.count()).isEqualTo(2);
    }
}
