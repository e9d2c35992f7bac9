package io.leasebridge.sftp;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.leasebridge.LeaseBridgeApplication;
import io.leasebridge.salesforce.SalesforceWireMock;
import io.leasebridge.testing.HubTables;
import io.leasebridge.testing.LeaseWorksExports;
import io.leasebridge.testing.TestProperties;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.actuate.health.HealthComponent;
import org.springframework.boot.actuate.health.HealthEndpoint;
import org.springframework.boot.actuate.health.Status;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.io.IOException;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Serving, with an SFTP drop that refuses LeaseBridge's login: with {@code throwExceptionOnConnectFailed=true}
 * each poll fails (rather than passing for an empty drop), and the drop's health turns DOWN.
 */
@SpringBootTest(classes = LeaseBridgeApplication.class)
class SftpUnreachableTest {

    private static final String EXPORT = "accounts_20261129.csv";
    private static final WireMockServer salesforce = SalesforceWireMock.start();
    private static final EmbeddedSftpServer sftp = EmbeddedSftpServer.withPassword();

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) throws IOException {
        sftp.drop(EXPORT, LeaseWorksExports.accounts().lease("C-8", "Dorothy Vaughan", "L-8", 5), Instant.now().minusSeconds(60));
        String localInbox = Files.createTempDirectory("sftp-unreachable-local-inbox").toString();
        TestProperties.salesforceAndHub(registry, salesforce, "sftp-unreachable");
        registry.add("leasebridge.leaseworks.inbox", () -> localInbox);
        registry.add("leasebridge.schedules.leaseworks-accounts", () -> "0/1 * * * * ?");
        for (String flow : new String[]{"leaseworks-payments", "leaseworks-notes", "leaseworks-promises", "salesforce-outbox-drain"}) {
            registry.add("leasebridge.schedules." + flow, () -> TestProperties.NEVER);
        }
        registry.add("leasebridge.leaseworks.exports.accounts", () -> sftp.accountsUri(
                "username=" + EmbeddedSftpServer.USER + "&password=RAW(not-the-password)&maximumReconnectAttempts=0"));
        registry.add("camel.main.shutdown-timeout", () -> "5");
    }

    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    HealthEndpoint health;

    @AfterAll
    static void stopServers() throws IOException {
        salesforce.stop();
        sftp.close();
    }

    @Test
    void aDropThatRefusesTheLoginIsReportedDownAndItsFileStaysThere() {
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(health.healthForPath("leaseWorksDrop").getStatus()).isEqualTo(Status.DOWN));

        HealthComponent drop = health.healthForPath("leaseWorksDrop");
        assertThat(drop.toString()).contains("transport=sftp", "failedPollsInARow=").doesNotContain("not-the-password");
        assertThat(sftp.exports().resolve(EXPORT)).exists();
        assertThat(HubTables.count(jdbc, "select count(*) from lease_account")).isZero();
    }
}
