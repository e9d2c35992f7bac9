package io.leasebridge.hub;

import io.leasebridge.testing.TestDatabase;

/** Dead letters on PostgreSQL, the production hub (skipped locally without a server, required on CI). */
class DeadLettersPostgresIT extends DeadLettersContract {

    DeadLettersPostgresIT() {
        super(TestDatabase.postgres());
    }
}
