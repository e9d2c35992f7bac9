package io.leasebridge.run;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.leasebridge.LeaseBridgeApplication;
import io.leasebridge.salesforce.SalesforceWireMock;
import io.leasebridge.testing.HubTables;
import io.leasebridge.testing.LeaseWorksExports;
import io.leasebridge.testing.TestProperties;
import org.apache.camel.CamelContext;
import org.apache.camel.support.ScheduledPollConsumer;
import org.apache.camel.pollconsumer.quartz.QuartzScheduledPollConsumerScheduler;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import static com.github.tomakehurst.wiremock.client.WireMock.notContaining;
import static com.github.tomakehurst.wiremock.client.WireMock.patch;
import static com.github.tomakehurst.wiremock.client.WireMock.patchRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Serving: each flow runs on its Quartz cron; a file dropped in the inbox reaches Salesforce unaided. */
@SpringBootTest(classes = LeaseBridgeApplication.class)
class ServeModeTest {

    private static final WireMockServer salesforce = SalesforceWireMock.start();
    private static final Path inbox = tempDir();

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        salesforce.stubFor(patch(urlPathMatching("/services/data/v62.0/composite/sobjects/.*"))
                .willReturn(SalesforceWireMock.json(200, SalesforceWireMock.body("collections-upsert-results.json"))));
        TestProperties.salesforceAndHub(registry, salesforce, "serve-mode");
        registry.add("leasebridge.leaseworks.inbox", inbox::toString);
        // only the two flows under test fire often: every other flow firing each 2 s starves Quartz's ten workers
        TestProperties.schedules(registry, TestProperties.NEVER);
        registry.add("leasebridge.schedules.leaseworks-accounts", () -> "0/2 * * * * ?");
        registry.add("leasebridge.schedules.salesforce-outbox-drain", () -> "0/2 * * * * ?");
    }

    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    CamelContext camel;

    @AfterAll
    static void stopSalesforce() {
        salesforce.stop();
    }

    @Test
    void exportFilesArePolledOnTheirCronAndTheOutboxDrainsOnItsOwn() throws Exception {
        ScheduledPollConsumer accounts = (ScheduledPollConsumer) camel.getRoute("leaseworks-accounts-ingest").getConsumer();
        assertThat(accounts.getScheduler()).isInstanceOfSatisfying(QuartzScheduledPollConsumerScheduler.class,
                quartz -> assertThat(quartz.getCron()).isEqualTo("0/2 * * * * ?"));

        Path file = Files.writeString(inbox.resolve("accounts_20261128.csv"),
                LeaseWorksExports.accounts().lease("C-7", "Katherine Johnson", "L-7", 33).text());
        file.toFile().setLastModified(System.currentTimeMillis() - 60_000);

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            assertThat(inbox.resolve(".done/accounts_20261128.csv")).exists();
            assertThat(HubTables.count(jdbc, "select count(*) from sf_outbox where status = 'DELIVERED' and facet = ''"))
                    .as("the export's own records (the recovery-risk review adds its facet too)").isEqualTo(2);
        });
        assertThat(salesforce.findAll(patchRequestedFor(urlPathMatching(".*/Lease__c/LeaseWorks_Lease_Id__c"))
                .withRequestBody(notContaining("Recovery_Risk__c")))).hasSize(1);
    }

    private static Path tempDir() {
        try {
            return Files.createTempDirectory("serve-inbox");
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
