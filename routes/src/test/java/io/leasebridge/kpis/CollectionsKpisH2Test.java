package io.leasebridge.kpis;

import io.leasebridge.testing.TestDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

import javax.sql.DataSource;

/** The KPI queries on the embedded hub: H2 in PostgreSQL mode, as the default profile runs it. */
class CollectionsKpisH2Test extends CollectionsKpisContract {

    private static TestDatabase database;

    @BeforeAll
    static void start() {
        database = TestDatabase.h2();
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
