package io.leasebridge.sftp;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.leasebridge.LeaseBridgeApplication;
import io.leasebridge.run.RunOnceRunner;
import io.leasebridge.salesforce.SalesforceWireMock;
import io.leasebridge.testing.HubTables;
import io.leasebridge.testing.LeaseWorksExports;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The LeaseWorks drop on an SFTP server that takes keys only, as config/application-production.yml reads it
 * ({@code privateKeyFile}): the export is read and moved to {@code .done/} on the server.
 */
// Not @CamelSpringBootTest: that defers Camel's start past the application runners, and run-once is one.
@SpringBootTest(classes = LeaseBridgeApplication.class)
class SftpKeyDropTest {

    private static final String EXPORT = "accounts_20261128.csv";
    private static final Path privateKey = tempFile();
    private static final WireMockServer salesforce = SalesforceWireMock.start();
    private static final EmbeddedSftpServer sftp = EmbeddedSftpServer.withKey(EmbeddedSftpServer.newKey(privateKey));

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) throws IOException {
        sftp.drop(EXPORT, LeaseWorksExports.accounts().lease("C-7", "Katherine Johnson", "L-7", 33), Instant.now().minusSeconds(60));
        sftp.runOnce(registry, salesforce, "sftp-key-drop", "privateKeyFile=" + privateKey);
    }

    @Autowired
    RunOnceRunner runner;
    @Autowired
    JdbcTemplate jdbc;

    @AfterAll
    static void stopServers() throws IOException {
        salesforce.stop();
        sftp.close();
    }

    @Test
    void signsInWithTheKeyReadsTheExportAndMovesItToDoneOnTheServer() {
        assertThat(runner.getExitCode()).isZero();
        assertThat(sftp.exports().resolve(".done").resolve(EXPORT)).exists();
        assertThat(sftp.exports().resolve(EXPORT)).doesNotExist();
        assertThat(HubTables.count(jdbc, "select count(*) from lease_account where lease_id = 'L-7'")).isEqualTo(1);
        assertThat(HubTables.count(jdbc, "select count(*) from sf_outbox where status = 'DELIVERED' and facet = ''")).as("the export's own records").isEqualTo(2);
    }

    private static Path tempFile() {
        try {
            return Files.createTempDirectory("sftp-key").resolve("id_ecdsa");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
