package io.leasebridge.replay;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.leasebridge.LeaseBridgeApplication;
import io.leasebridge.flow.ReplayOutcome;
import io.leasebridge.ingest.LeaseWorksExportIngest;
import io.leasebridge.salesforce.DrainReport;
import io.leasebridge.salesforce.SalesforceOutboxDrainRoute;
import io.leasebridge.salesforce.SalesforceWireMock;
import io.leasebridge.testing.HubTables;
import io.leasebridge.testing.LeaseWorksExports;
import io.leasebridge.testing.TestProperties;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.test.spring.junit5.CamelSpringBootTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.util.Map;

import static com.github.tomakehurst.wiremock.client.WireMock.patch;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.leasebridge.salesforce.SalesforceWireMock.body;
import static io.leasebridge.salesforce.SalesforceWireMock.json;
import static io.leasebridge.salesforce.SalesforceWireMock.upsertPath;
import static org.assertj.core.api.Assertions.assertThat;

/** A dead letter replayed through its own flow: delivered when its cause is gone, kept with the new reason when not. */
@CamelSpringBootTest
@SpringBootTest(classes = LeaseBridgeApplication.class)
class DeadLetterReplayTest {

    private static final WireMockServer salesforce = SalesforceWireMock.start();

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        TestProperties.salesforceAndHub(registry, salesforce, "replay");
        registry.add("leasebridge.leaseworks.inbox", () -> System.getProperty("java.io.tmpdir") + "/leasebridge-replay-inbox");
        TestProperties.schedules(registry, TestProperties.NEVER);
    }

    @Autowired
    LeaseWorksExportIngest ingest;
    @Autowired
    DeadLetterReplay replay;
    @Autowired
    ProducerTemplate producer;
    @Autowired
    JdbcTemplate jdbc;

    @AfterAll
    static void stopSalesforce() {
        salesforce.stop();
    }

    @BeforeEach
    void emptyHub() {
        HubTables.clear(jdbc);
        salesforce.resetAll();
        SalesforceWireMock.stubLogin(salesforce);
        salesforce.stubFor(patch(urlPathEqualTo(upsertPath("Account", "LeaseWorks_Customer_Id__c")))
                .willReturn(json(200, body("collections-upsert-results.json"))));
        salesforce.stubFor(patch(urlPathEqualTo(upsertPath("Lease__c", "LeaseWorks_Lease_Id__c")))
                .willReturn(json(200, body("collections-upsert-results.json"))));
    }

    @Test
    void aRecordSalesforceRefusedIsDeliveredOnReplayOnceTheCauseIsFixed() {
        ingest.ingest("accounts", "accounts_1.csv", LeaseWorksExports.accounts().lease("C-3", "DUPLICATE Co", "L-4", 95).stream());
        drain();
        long deadLetterId = jdbc.queryForObject("select id from dead_letter where record_key = 'C-3'", Long.class);

        // the duplicate was merged away in Salesforce: the same record now goes through
        salesforce.stubFor(patch(urlPathEqualTo(upsertPath("Account", "LeaseWorks_Customer_Id__c")))
                .willReturn(json(200, body("all-succeed-results.json"))));
        ReplayOutcome outcome = replay.replay(deadLetterId);
        DrainReport report = drain();

        assertThat(outcome.replayed()).isTrue();
        assertThat(report.bySObject().get("Account").sent()).isEqualTo(1);
        assertThat(jdbc.queryForObject("select status from sf_outbox where external_id = 'C-3'", String.class)).isEqualTo("DELIVERED");
        assertThat(jdbc.queryForMap("select status, replay_outcome from dead_letter where id = ?", deadLetterId))
                .containsEntry("status", "REPLAYED").containsEntry("replay_outcome", "queued for Salesforce again");
    }

    @Test
    void aReplayThatFailsAgainKeepsTheDeadLetterOpenWithTheNewAttempt() {
        ingest.ingest("accounts", "accounts_1.csv", LeaseWorksExports.accounts().lease("C-3", "DUPLICATE Co", "L-4", 95).stream());
        drain();
        long deadLetterId = jdbc.queryForObject("select id from dead_letter where record_key = 'C-3'", Long.class);

        replay.replay(deadLetterId);
        drain();

        Map<String, Object> letter = jdbc.queryForMap("select status, attempts, error_code from dead_letter where id = ?", deadLetterId);
        assertThat(letter).containsEntry("status", "OPEN").containsEntry("attempts", 2).containsEntry("error_code", "DUPLICATE_VALUE");
        assertThat(HubTables.count(jdbc, "select count(*) from dead_letter")).isEqualTo(1);
    }

    @Test
    void aQuarantinedRowIsMappedAgainAndAppliedWhenItsDataWasCorrected() {
        ingest.ingest("accounts", "accounts_1.csv", LeaseWorksExports.accounts().lease("C-1", "Ada Lovelace", "L-1", 12).stream());
        ingest.ingest("payments", "payments_1.csv", LeaseWorksExports.payments().payment("P-1", "L-1", "12.345", "10/16/2026").stream());
        long deadLetterId = jdbc.queryForObject("select id from dead_letter where flow = 'leaseworks-payments'", Long.class);

        ReplayOutcome stillBad = replay.replay(deadLetterId);
        assertThat(stillBad.replayed()).isFalse();
        assertThat(stillBad.detail()).contains("column 'Amount' (amount): more than two decimals");
        assertThat(jdbc.queryForObject("select attempts from dead_letter where id = ?", Integer.class, deadLetterId)).isEqualTo(2);

        jdbc.update("update dead_letter set payload = replace(payload, '12.345', '12.35') where id = ?", deadLetterId);
        ReplayOutcome applied = replay.replay(deadLetterId);

        assertThat(applied.replayed()).isTrue();
        assertThat(jdbc.queryForObject("select amount from payment where payment_id = 'P-1'", java.math.BigDecimal.class))
                .isEqualByComparingTo("12.35");
        assertThat(jdbc.queryForObject("select status from sf_outbox where external_id = 'P-1'", String.class)).isEqualTo("PENDING");
        assertThat(jdbc.queryForObject("select status from dead_letter where id = ?", String.class, deadLetterId)).isEqualTo("REPLAYED");
    }

    private DrainReport drain() {
        return producer.requestBody(SalesforceOutboxDrainRoute.DRAIN, null, DrainReport.class);
    }
}
