package io.leasebridge.kpis;

import io.leasebridge.testing.TestDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

import javax.sql.DataSource;

/** The KPI queries on PostgreSQL, the production hub (skipped locally without a server, required on CI). */
class CollectionsKpisPostgresIT extends CollectionsKpisContract {

    private static TestDatabase database;

    @BeforeAll
    static void start() {
        database = TestDatabase.postgres();
    }

    @AfterAll
    static void stop() {
        database.close();
    }

    @Override
    DataSource freshSchema() {
        return database.freshSchema();
    }
}
