package io.leasebridge.kpis;

import io.leasebridge.testing.TestDatabase;

/** The KPI queries on PostgreSQL, the production hub (skipped locally without a server, required on CI). */
class CollectionsKpisPostgresIT extends CollectionsKpisContract {

    CollectionsKpisPostgresIT() {
        super(TestDatabase::postgres);
    }
}
