package io.leasebridge.hub;

import io.leasebridge.testing.TestDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

import javax.sql.DataSource;

/** Dead letters on the embedded hub: H2 in PostgreSQL mode. */
class DeadLettersH2Test extends DeadLettersContract {

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
