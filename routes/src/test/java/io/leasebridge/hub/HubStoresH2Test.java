package io.leasebridge.hub;

import io.leasebridge.testing.TestDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

import javax.sql.DataSource;

/** The hub stores on the embedded hub: H2 in PostgreSQL mode, as the default profile runs it. */
class HubStoresH2Test extends HubStoresContract {

    private static TestDatabase database;

    @BeforeAll
    static void startDatabase() {
        database = TestDatabase.h2();
    }

    @AfterAll
    static void stopDatabase() {
        database.close();
    }

    @Override
    DataSource dataSource() {
        return database.dataSource();
    }
}
