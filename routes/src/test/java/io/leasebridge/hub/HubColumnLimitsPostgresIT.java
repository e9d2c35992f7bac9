package io.leasebridge.hub;

import io.leasebridge.testing.TestDatabase;

/** The hub's column limits on PostgreSQL, the production hub (skipped locally without a server, required on CI). */
class HubColumnLimitsPostgresIT extends HubColumnLimitsContract {

    HubColumnLimitsPostgresIT() {
        super(TestDatabase.postgres());
    }
}
