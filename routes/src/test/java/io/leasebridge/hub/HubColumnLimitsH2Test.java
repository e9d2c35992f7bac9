package io.leasebridge.hub;

import io.leasebridge.testing.TestDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

import javax.sql.DataSource;

/** The hub's column limits on the embedded hub: H2 in PostgreSQL mode. */
class HubColumnLimitsH2Test extends HubColumnLimitsContract {

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
