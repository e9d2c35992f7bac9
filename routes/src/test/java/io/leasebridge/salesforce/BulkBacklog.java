package io.leasebridge.salesforce;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.leasebridge.ingest.LeaseWorksExportIngest;
import io.leasebridge.testing.HubTables;
import io.leasebridge.testing.LeaseWorksExports;
import org.springframework.jdbc.core.JdbcTemplate;

import static com.github.tomakehurst.wiremock.client.WireMock.patch;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.leasebridge.salesforce.SalesforceWireMock.body;
import static io.leasebridge.salesforce.SalesforceWireMock.json;
import static io.leasebridge.salesforce.SalesforceWireMock.upsertPath;

/**
 * What the Bulk drain tests start from: an empty hub and a WireMock org that takes the parents by sObject Collections,
 * then the backlog they send: two leases, and payments P-1, P-2, ... alternating between them.
 */
final class BulkBacklog {

    private static final String[][] PARENTS = {{"Account", "LeaseWorks_Customer_Id__c"}, {"Lease__c", "LeaseWorks_Lease_Id__c"}};

    private BulkBacklog() {
    }

    /** Empties the hub and its Bulk jobs, and resets the org to a login and collections upserts of the parents and {@code more}. */
    static void emptyHubAndOrg(JdbcTemplate jdbc, WireMockServer salesforce, String[]... more) {
        HubTables.clear(jdbc);
        jdbc.update("delete from sf_bulk_job_row");
        jdbc.update("delete from sf_bulk_job");
        salesforce.resetAll();
        SalesforceWireMock.stubLogin(salesforce);
        for (String[][] objects : new String[][][]{PARENTS, more}) {
            for (String[] object : objects) {
                salesforce.stubFor(patch(urlPathEqualTo(upsertPath(object[0], object[1])))
                        .willReturn(json(200, body("collections-upsert-results.json"))));
            }
        }
    }

    /** The two leases and five payments. */
    static void ingest(LeaseWorksExportIngest ingest) {
        ingest(ingest, 5);
    }

    static void ingest(LeaseWorksExportIngest ingest, int payments) {
        ingest.ingest("accounts", "accounts_20261127.csv", LeaseWorksExports.accounts()
                .lease("C-1", "Ada Lovelace", "L-1", 12)
                .lease("C-2", "Grace Hopper", "L-2", 0)
                .stream());
        LeaseWorksExports paymentFile = LeaseWorksExports.payments();
        for (int i = 1; i <= payments; i++) {
            paymentFile.payment("P-" + i, i % 2 == 0 ? "L-2" : "L-1", "450.00", "10/15/2026");
        }
        ingest.ingest("payments", "payments_20261127.csv", paymentFile.stream());
    }

    /** Job info as Salesforce answers it, for job {@code id} in {@code state}; a finished job has processed {@code rows}. */
    static String jobInfo(String id, String state, int rows) {
        return body("bulk/job-complete-all-written.json").replace("7505f00000BULK1AAA", id)
                .replace("\"state\":\"JobComplete\"", "\"state\":\"" + state + "\"")
                .replace("\"numberRecordsProcessed\":5", "\"numberRecordsProcessed\":" + ("JobComplete".equals(state) ? rows : 0));
    }
}
