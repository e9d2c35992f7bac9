package io.leasebridge.hub;

import io.leasebridge.testing.TestDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

import javax.sql.DataSource;

/** Dead letters on PostgreSQL, the production hub (skipped locally without a server, required on CI). */
class DeadLettersPostgresIT extends DeadLettersContract {

    private static TestDatabase database;

    @BeforeAll
    static void connect() {
        database = TestDatabase.postgres();
    }

    @AfterAll
    static void disconnect() {
        database.close();
    }

    @Override
    DataSource dataSource() {
        return database.dataSource();
    }
}
