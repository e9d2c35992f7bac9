package io.leasebridge.promises;

import io.leasebridge.testing.TestDatabase;

/** The promise ledger on PostgreSQL (skipped locally without a server, required on CI). */
class PromiseLedgerStorePostgresIT extends PromiseLedgerStoreContract {

    PromiseLedgerStorePostgresIT() {
        super(TestDatabase::postgres);
    }
}
