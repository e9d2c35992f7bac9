package io.leasebridge.ingest;

import io.leasebridge.testing.TestDatabase;

/** The days-past-due history on PostgreSQL (skipped locally without a server, required on CI). */
class DaysPastDueHistoryPostgresIT extends DaysPastDueHistoryContract {

    DaysPastDueHistoryPostgresIT() {
        super(TestDatabase::postgres);
    }
}
