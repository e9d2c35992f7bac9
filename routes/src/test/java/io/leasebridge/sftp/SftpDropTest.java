package io.leasebridge.sftp;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.leasebridge.LeaseBridgeApplication;
import io.leasebridge.ingest.ExportPolls;
import io.leasebridge.ingest.LeaseWorksExportRoutes;
import io.leasebridge.run.RunOnceRunner;
import io.leasebridge.salesforce.SalesforceWireMock;
import io.leasebridge.testing.HubTables;
import io.leasebridge.testing.LeaseWorksExports;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.camel.CamelContext;
import org.apache.camel.component.file.remote.SftpEndpoint;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.actuate.health.HealthEndpoint;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The LeaseWorks drop on an SFTP server, signed in to with a password: run-once reads the accounts export
 * from the server into the hub and moves it to {@code .done/} there; the hub's idempotent repository keeps a
 * second copy of the same file from being read again.
 */
// Not @CamelSpringBootTest: that defers Camel's start past the application runners, and run-once is one.
@SpringBootTest(classes = LeaseBridgeApplication.class)
class SftpDropTest {

    private static final String EXPORT = "accounts_20261127.csv";
    private static final Instant WRITTEN_AT = Instant.now().minusSeconds(60).truncatedTo(ChronoUnit.SECONDS);
    private static final WireMockServer salesforce = SalesforceWireMock.start();
    private static final EmbeddedSftpServer sftp = EmbeddedSftpServer.withPassword();

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) throws IOException {
        sftp.drop(EXPORT, accounts(), WRITTEN_AT);
        sftp.runOnce(registry, salesforce, "sftp-drop", "password=RAW(" + EmbeddedSftpServer.PASSWORD + ")");
    }

    @Autowired
    RunOnceRunner runner;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    CamelContext camel;
    @Autowired
    ExportPolls polls;
    @Autowired
    HealthEndpoint health;
    @Autowired
    MeterRegistry meters;

    @AfterAll
    static void stopServers() throws IOException {
        salesforce.stop();
        sftp.close();
    }

    @Test
    void runOnceReadsTheExportFromTheServerAndMovesItToDoneThere() {
        assertThat(camel.getRoute(LeaseWorksExportRoutes.routeId("accounts")).getEndpoint()).isInstanceOf(SftpEndpoint.class);
        assertThat(runner.getExitCode()).isZero();

        assertThat(sftp.exports().resolve(".done").resolve(EXPORT)).exists();
        assertThat(sftp.exports().resolve(EXPORT)).doesNotExist();
        assertThat(HubTables.count(jdbc, "select count(*) from customer")).isEqualTo(2);
        assertThat(HubTables.count(jdbc, "select count(*) from lease_account")).isEqualTo(3);
        assertThat(HubTables.count(jdbc, "select count(*) from flow_run where flow = 'leaseworks-accounts' and source = ?", EXPORT))
                .isEqualTo(1);
        assertThat(jdbc.queryForList("select sobject from sf_outbox where status = 'DELIVERED' and facet = '' and sobject in ('Account', 'Lease__c')",
                String.class)).as("the export's own records").containsExactlyInAnyOrder("Account", "Account", "Lease__c", "Lease__c", "Lease__c");
        assertThat(jdbc.queryForList("select file_name from export_file where status = 'DONE'", String.class)).containsExactly(EXPORT);

        var drop = health.healthForPath("leaseWorksDrop");
        assertThat(drop.toString()).contains("transport=sftp", "host=localhost", "lastFile=" + EXPORT)
                .doesNotContain(EmbeddedSftpServer.PASSWORD);
        assertThat(meters.getMeters()).allSatisfy(meter -> assertThat(meter.getId().toString())
                .doesNotContain(EmbeddedSftpServer.PASSWORD));
    }

    @Test
    void theSameFileDroppedAgainIsNotReadAgain() throws Exception {
        Path again = sftp.drop(EXPORT, accounts(), WRITTEN_AT);
        sftp.exports().resolve(".done").resolve(EXPORT).toFile().setLastModified(again.toFile().lastModified());
        long runs = HubTables.count(jdbc, "select count(*) from flow_run");

        String route = LeaseWorksExportRoutes.routeId("accounts");
        polls.reset(route);
        camel.getRouteController().startRoute(route);
        try {
            assertThat(polls.awaitEmptyPoll(route, Duration.ofSeconds(30))).isTrue();
        } finally {
            camel.getRouteController().stopRoute(route);
        }

        try {
            assertThat(HubTables.count(jdbc, "select count(*) from flow_run")).as("recognised as read, so not read again").isEqualTo(runs);
            assertThat(again).as("moved to .done/ like the first drop").doesNotExist();
        } finally {
            Files.deleteIfExists(again);
        }
    }

    private static LeaseWorksExports accounts() {
        return LeaseWorksExports.accounts()
                .lease("C-1", "Ada Lovelace", "L-1", 12)
                .lease("C-1", "Ada Lovelace", "L-2", 0)
                .lease("C-2", "Grace Hopper", "L-3", 61);
    }
}
