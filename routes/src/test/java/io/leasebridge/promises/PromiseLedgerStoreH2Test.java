package io.leasebridge.promises;

import io.leasebridge.testing.TestDatabase;

class PromiseLedgerStoreH2Test extends PromiseLedgerStoreContract {

    PromiseLedgerStoreH2Test() {
        super(TestDatabase::h2);
    }
}
