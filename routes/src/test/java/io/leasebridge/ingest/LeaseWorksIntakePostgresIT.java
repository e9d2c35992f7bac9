package io.leasebridge.ingest;

import io.leasebridge.testing.LeaseWorksExports;
import io.leasebridge.testing.TestDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.util.List;

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
        registry.add("leasebridge.leaseworks.statistics-after-rows", () -> "3");
    }

    @Test
    void aFileThatChangedEnoughRowsLeavesThePlannerStatisticsOfTheTablesItWroteUpToDate() {
        LeaseWorksExports payments = LeaseWorksExports.payments();
        for (int i = 1; i <= 5; i++) {
            payments.payment("P-STATS-" + i, "L-STATS", "10.00", "12/01/2026");
        }

        ingest.ingest("payments", "payments_20261201.csv", payments.stream());

        // ANALYZE sets a table's estimate of its rows, which stays -1 until a table is first analyzed
        for (String table : List.of("payment", "sf_outbox")) {
            assertThat(jdbc.queryForObject("select reltuples from pg_class where oid = cast(? as regclass)", Double.class, table))
                    .as(table).isEqualTo(jdbc.queryForObject("select count(*) from " + table, Double.class));
        }
    }

    @Test
    void theIntakeRunsOnPostgresqlWithTwoWriters() {
        // H2 in its PostgreSQL mode answers version() with "PostgreSQL 8.2.23 server protocol using H2"
        assertThat(jdbc.queryForObject("select version()", String.class)).startsWith("PostgreSQL").doesNotContain("H2");
        assertThat(writers.count()).isEqualTo(2);
    }
}
