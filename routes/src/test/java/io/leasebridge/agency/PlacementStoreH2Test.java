package io.leasebridge.agency;

import io.leasebridge.testing.TestDatabase;

class PlacementStoreH2Test extends PlacementStoreContract {

    PlacementStoreH2Test() {
        super(TestDatabase::h2);
    }
}
