package io.leasebridge.kpis;

import io.leasebridge.testing.TestDatabase;

/** The KPI queries on the embedded hub: H2 in PostgreSQL mode, as the default profile runs it. */
class CollectionsKpisH2Test extends CollectionsKpisContract {

    CollectionsKpisH2Test() {
        super(TestDatabase::h2);
    }
}
