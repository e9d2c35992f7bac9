package io.leasebridge.ingest;

import io.leasebridge.testing.TestDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

import javax.sql.DataSource;

/** The days-past-due history on PostgreSQL (skipped locally without a server, required on CI). */
class DaysPastDueHistoryPostgresIT extends DaysPastDueHistoryContract {

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
