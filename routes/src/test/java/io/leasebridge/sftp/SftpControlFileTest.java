package io.leasebridge.sftp;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.leasebridge.LeaseBridgeApplication;
import io.leasebridge.run.RunOnceRunner;
import io.leasebridge.salesforce.SalesforceWireMock;
import io.leasebridge.testing.LeaseWorksExports;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An export read from the SFTP drop is checked against the control file LeaseWorks writes beside it on the server,
 * as one in the local drop is: the file its control file agrees with means what it says; the one it disagrees with
 * is stored but means nothing by absence, and its run says why. Both control files go to {@code .done/} with their
 * exports.
 */
// Not @CamelSpringBootTest: that defers Camel's start past the application runners, and run-once is one.
@SpringBootTest(classes = LeaseBridgeApplication.class)
class SftpControlFileTest {

    private static final Instant WRITTEN_AT = Instant.now().minusSeconds(60).truncatedTo(ChronoUnit.SECONDS);
    private static final WireMockServer salesforce = SalesforceWireMock.start();
    private static final EmbeddedSftpServer sftp = EmbeddedSftpServer.withPassword();

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) throws IOException {
        // three leases of $1,234.50 past due each: 3,703.50
        sftp.drop("accounts_20261126.csv", accounts(), WRITTEN_AT);
        Files.writeString(sftp.exports().resolve("accounts_20261126.ctl"), "Record Count,Total Past Due\n3,\"3,703.50\"\n");
        sftp.drop("accounts_20261127.csv", accounts(), WRITTEN_AT);
        Files.writeString(sftp.exports().resolve("accounts_20261127.ctl"), "Record Count,Total Past Due\n4,\"3,703.50\"\n");
        Path localInbox = sftp.runOnce(registry, salesforce, "sftp-control", "password=RAW(" + EmbeddedSftpServer.PASSWORD + ")");
        registry.add("leasebridge.leaseworks.mapping-file", () -> fieldMapWithAccountsControlFile(localInbox));
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
    void eachExportIsCheckedAgainstTheControlFileBesideItOnTheServer() {
        assertThat(runner.getExitCode()).isZero();

        Map<String, Object> agreed = jdbc.queryForMap("select status, note from export_file where file_name = 'accounts_20261126.csv'");
        assertThat(agreed).containsEntry("STATUS", "DONE");
        assertThat(agreed.get("NOTE")).as("its control file was found and agrees").isNull();
        assertThat(jdbc.queryForObject("select note from export_file where file_name = 'accounts_20261127.csv'", String.class))
                .isEqualTo("the control file accounts_20261127.ctl disagrees: 'Record Count' is 4, the file has 3 rows");
        assertThat(sftp.exports().resolve(".done")).isDirectoryContaining(p -> p.getFileName().toString().equals("accounts_20261126.ctl"))
                .isDirectoryContaining(p -> p.getFileName().toString().equals("accounts_20261127.ctl"));
        assertThat(sftp.exports().resolve("accounts_20261127.ctl")).doesNotExist();
    }

    private static LeaseWorksExports accounts() {
        return LeaseWorksExports.accounts()
                .lease("C-1", "Ada Lovelace", "L-1", 12)
                .lease("C-1", "Ada Lovelace", "L-2", 0)
                .lease("C-2", "Grace Hopper", "L-3", 61);
    }

    /** The shipped field map, with a control file for the accounts export. */
    private static String fieldMapWithAccountsControlFile(Path dir) {
        try {
            String shipped = Files.readString(Path.of("../config/mappings/leaseworks.yml"));
            String totals = "totals: [ lease.pastDueAmount, lease.payoffBalance ] }";
            assertThat(shipped).as("the shipped map still has the line this test extends").contains(totals);
            return Files.writeString(dir.resolve("leaseworks.yml"), shipped.replace(totals, totals.replace(" }", ","
                    + " control: { file: \"{base}.ctl\", rows: \"Record Count\", sums: { lease.pastDueAmount: \"Total Past Due\" } } }")))
                    .toString();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
