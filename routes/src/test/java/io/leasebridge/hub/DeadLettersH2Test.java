package io.leasebridge.hub;

import io.leasebridge.testing.TestDatabase;

/** Dead letters on the embedded hub: H2 in PostgreSQL mode. */
class DeadLettersH2Test extends DeadLettersContract {

    DeadLettersH2Test() {
        super(TestDatabase.h2());
    }
}
