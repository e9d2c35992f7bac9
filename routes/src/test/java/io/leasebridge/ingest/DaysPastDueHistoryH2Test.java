package io.leasebridge.ingest;

import io.leasebridge.testing.TestDatabase;

/** The days-past-due history on the embedded hub (H2 in PostgreSQL mode). */
class DaysPastDueHistoryH2Test extends DaysPastDueHistoryContract {

    DaysPastDueHistoryH2Test() {
        super(TestDatabase::h2);
    }
}
