package io.leasebridge.salesforce;

import io.leasebridge.ingest.LeaseWorksExportIngest;
import io.leasebridge.testing.LeaseWorksExports;

/** The backlog the Bulk drain tests send: two leases, and five payments P-1 to P-5 shared between them. */
final class BulkBacklog {

    private BulkBacklog() {
    }

    static void ingest(LeaseWorksExportIngest ingest) {
        ingest.ingest("accounts", "accounts_20261127.csv", LeaseWorksExports.accounts()
                .lease("C-1", "Ada Lovelace", "L-1", 12)
                .lease("C-2", "Grace Hopper", "L-2", 0)
                .stream());
        LeaseWorksExports paymentFile = LeaseWorksExports.payments();
        for (int i = 1; i <= 5; i++) {
            paymentFile.payment("P-" + i, i % 2 == 0 ? "L-2" : "L-1", "450.00", "10/15/2026");
        }
        ingest.ingest("payments", "payments_20261127.csv", paymentFile.stream());
    }
}
