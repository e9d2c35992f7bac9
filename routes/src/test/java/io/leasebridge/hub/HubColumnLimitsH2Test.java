package io.leasebridge.hub;

import io.leasebridge.testing.TestDatabase;

/** The hub's column limits on the embedded hub: H2 in PostgreSQL mode. */
class HubColumnLimitsH2Test extends HubColumnLimitsContract {

    HubColumnLimitsH2Test() {
        super(TestDatabase.h2());
    }
}
