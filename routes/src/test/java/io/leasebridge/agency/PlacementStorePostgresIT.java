package io.leasebridge.agency;

import io.leasebridge.testing.TestDatabase;

/** The placement store on PostgreSQL (skipped locally without a server, required on CI). */
class PlacementStorePostgresIT extends PlacementStoreContract {

    PlacementStorePostgresIT() {
        super(TestDatabase::postgres);
    }
}
