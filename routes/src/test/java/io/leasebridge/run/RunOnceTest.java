package io.leasebridge.run;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.leasebridge.LeaseBridgeApplication;
import io.leasebridge.salesforce.SalesforceWireMock;
import io.leasebridge.testing.HubTables;
import io.leasebridge.testing.LeaseWorksExports;
import io.leasebridge.testing.TestProperties;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static com.github.tomakehurst.wiremock.client.WireMock.patch;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Run-once mode end to end: export files dropped in the inbox are read by their file routes, the hub
 * fills, malformed rows are quarantined, the outbox drains to Salesforce, and a summary is printed.
 */
// Not @CamelSpringBootTest: that defers Camel's start past the application runners, and run-once is one.
@SpringBootTest(classes = LeaseBridgeApplication.class)
@ExtendWith(OutputCaptureExtension.class)
class RunOnceTest {

    private static final WireMockServer salesforce = SalesforceWireMock.start();
    private static final Path inbox = createInbox();

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        salesforce.stubFor(patch(urlPathMatching("/services/data/v62.0/composite/sobjects/.*"))
                .willReturn(SalesforceWireMock.json(200, SalesforceWireMock.body("collections-upsert-results.json"))));
        registry.add("leasebridge.run-once", () -> "true");
        TestProperties.salesforceAndHub(registry, salesforce, "run-once");
        registry.add("leasebridge.leaseworks.inbox", inbox::toString);
        registry.add("leasebridge.kpis.report-dir", () -> inbox.resolve("reports").toString());
    }

    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    RunOnceRunner runner;

    @AfterAll
    static void stopSalesforce() {
        salesforce.stop();
    }

    @Test
    void readsEveryExportQuarantinesBadRowsDeliversAndPrintsTheSummary(CapturedOutput output) {
        assertThat(runner.getExitCode()).isZero();
        assertThat(inbox.resolve(".done/accounts_20261127.csv")).exists();
        assertThat(inbox.resolve(".done/payments_20261127.csv")).exists();
        assertThat(inbox.resolve(".done/notes_20261127.csv")).exists();
        assertThat(inbox.resolve("accounts_20261127.csv")).doesNotExist();

        assertThat(HubTables.count(jdbc, "select count(*) from customer")).isEqualTo(2);
        assertThat(HubTables.count(jdbc, "select count(*) from lease_account")).isEqualTo(3);
        assertThat(HubTables.count(jdbc, "select count(*) from payment")).isEqualTo(2);
        assertThat(HubTables.count(jdbc, "select count(*) from collector_note")).isEqualTo(1);

        List<Map<String, Object>> deadLetters = jdbc.queryForList(
                "select flow, source_file, source_line, field, reason from dead_letter order by flow, source_line");
        assertThat(deadLetters).hasSize(2);
        assertThat(deadLetters.get(0)).containsEntry("flow", "leaseworks-accounts")
                .containsEntry("source_file", "accounts_20261127.csv")
                .containsEntry("source_line", 4L)
                .containsEntry("field", "nextDueDate, daysPastDue");
        assertThat((String) deadLetters.get(0).get("reason"))
                .contains("column 'Next Due Date' (nextDueDate): not a date in MM/dd/yyyy or M/d/yyyy or yyyy-MM-dd: '13/45/2026'")
                .contains("column 'Days Past Due' (daysPastDue): not a whole number: 'ten'");
        assertThat(deadLetters.get(1)).containsEntry("flow", "leaseworks-payments")
                .containsEntry("source_line", 3L)
                .containsEntry("field", "amount");

        assertThat(jdbc.queryForList("select sobject || '#' || facet from sf_outbox where status = 'DELIVERED' and facet <> 'recovery-risk'", String.class))
                .as("the exports' records, and the placement proposed for the lease 60 days past due or more")
                .containsExactlyInAnyOrder("Account#", "Account#", "Lease__c#", "Lease__c#", "Lease__c#", "Payment__c#", "Payment__c#",
                        "Collector_Note__c#", "Agency_Placement__c#");
        assertThat(HubTables.count(jdbc, "select count(*) from flow_run where status <> 'SUCCEEDED'")).isZero();
        assertThat(inbox.resolve("reports/kpis.json")).exists();
        assertThat(inbox.resolve("reports/kpis.csv")).exists();
        assertThat(output).contains("LeaseBridge run summary")
                .containsPattern("leaseworks-accounts\\s+1\\s+4\\s+5\\s+0\\s+0\\s+1")
                // the export's 8 records, the recovery risk of its 3 leases and L-3's placement, in 6 calls (one per object and facet)
                .containsPattern("salesforce-outbox-drain\\s+1\\s+12\\s+0\\s+12\\s+0\\s+0\\s+6")
                .doesNotContain("123-45-6789");
    }

    private static Path createInbox() {
        try {
            Path dir = Files.createTempDirectory("leaseworks-inbox");
            write(dir, "accounts_20261127.csv", LeaseWorksExports.accounts()
                    .lease("C-1", "Ada Lovelace", "L-1", 12)
                    .lease("C-1", "Ada Lovelace", "L-2", 0)
                    .raw("C-9,Bad Row,,,,,,,,,N,N,N,N,,L-9,ACTIVE,13/45/2026,ten,0,0,0,1,,,jdoe,")
                    .lease("C-2", "Grace Hopper", "L-3", 61));
            write(dir, "payments_20261127.csv", LeaseWorksExports.payments()
                    .payment("P-1", "L-1", "450.00", "10/15/2026")
                    .payment("P-2", "L-1", "12.345", "10/16/2026")
                    .payment("P-3", "L-3", "\"$1,200.00\"", "2026-10-20"));
            write(dir, "notes_20261127.csv", LeaseWorksExports.notes().note("N-1", "L-1", "Called, left voicemail"));
            return dir;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void write(Path dir, String name, LeaseWorksExports export) throws IOException {
        Path file = Files.writeString(dir.resolve(name), export.text(), StandardCharsets.UTF_8);
        // readLock=changed waits for a file to be a second old; an old file is taken at once
        file.toFile().setLastModified(System.currentTimeMillis() - 60_000);
    }
}
