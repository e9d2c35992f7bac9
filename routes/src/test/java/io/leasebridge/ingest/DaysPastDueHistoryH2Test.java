package io.leasebridge.ingest;

import io.leasebridge.testing.TestDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

import javax.sql.DataSource;

/** The days-past-due history on the embedded hub (H2 in PostgreSQL mode). */
class DaysPastDueHistoryH2Test extends DaysPastDueHistoryContract {

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
