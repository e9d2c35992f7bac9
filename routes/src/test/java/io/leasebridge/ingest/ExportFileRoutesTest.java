package io.leasebridge.ingest;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.leasebridge.LeaseBridgeApplication;
import io.leasebridge.salesforce.SalesforceWireMock;
import io.leasebridge.testing.HubTables;
import io.leasebridge.testing.LeaseWorksExports;
import io.leasebridge.testing.TestProperties;
import org.apache.camel.test.spring.junit5.CamelSpringBootTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Export files as the inbox receives them: a file is taken only once it is complete (written under a
 * temporary name, then renamed), an empty one is an empty export, one refused whole goes to .failed/,
 * and a name of any length is fine.
 */
@CamelSpringBootTest
@SpringBootTest(classes = LeaseBridgeApplication.class)
class ExportFileRoutesTest {

    private static final WireMockServer salesforce = SalesforceWireMock.start();
    private static final Path inbox = inbox();

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        TestProperties.salesforceAndHub(registry, salesforce, "export-files");
        TestProperties.schedules(registry, TestProperties.NEVER);
        registry.add("leasebridge.leaseworks.inbox", inbox::toString);
        for (String export : new String[]{"accounts", "payments", "promises", "notes", "gl"}) {
            registry.add("leasebridge.leaseworks.exports." + export, () -> "file:" + inbox
                    + "?move=.done/$simple{file:name}&moveFailed=.failed/$simple{file:name}&sortBy=file:name&delay=200");
        }
    }

    @Autowired
    JdbcTemplate jdbc;

    @AfterAll
    static void stopSalesforce() {
        salesforce.stop();
    }

    @Test
    void aFileBeingWrittenUnderATemporaryNameIsNotReadUntilItIsRenamed() throws Exception {
        Path part = inbox.resolve("payments_20261201.csv.part");
        try (OutputStream out = Files.newOutputStream(part)) {
            out.write((LeaseWorksExports.PAYMENTS_HEADER + "\nP-10,L-1,10.00,11/30/2026,ACH,\n").getBytes(StandardCharsets.UTF_8));
            out.flush();
            Thread.sleep(1_500);
            assertThat(HubTables.count(jdbc, "select count(*) from payment where payment_id like 'P-1_'")).isZero();
            out.write("P-11,L-1,11.00,11/30/2026,ACH,\n".getBytes(StandardCharsets.UTF_8));
            out.flush();
            Thread.sleep(1_500);
            out.write("P-12,L-1,12.00,11/30/2026,ACH,\n".getBytes(StandardCharsets.UTF_8));
        }
        assertThat(HubTables.count(jdbc, "select count(*) from payment where payment_id like 'P-1_'")).isZero();

        Files.move(part, inbox.resolve("payments_20261201.csv"), StandardCopyOption.ATOMIC_MOVE);

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            assertThat(inbox.resolve(".done/payments_20261201.csv")).exists();
            assertThat(HubTables.count(jdbc, "select count(*) from payment where payment_id like 'P-1_'")).isEqualTo(3);
        });
    }

    @Test
    void anEmptyFileIsTakenRecordedAsAnEmptyExportAndMovedToDone() throws IOException {
        Files.write(inbox.resolve("notes_20261201.csv"), new byte[0]);

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            assertThat(inbox.resolve(".done/notes_20261201.csv")).exists();
            assertThat(jdbc.queryForObject("select note from export_file where file_name = 'notes_20261201.csv'", String.class))
                    .isEqualTo("empty export");
        });
    }

    @Test
    void aFileWhoseHeaderLacksARequiredColumnGoesToFailedWithOneDeadLetterNamingTheColumn() throws IOException {
        Files.writeString(inbox.resolve("payments_20261202.csv"), "Payment ID,Amount\nP-20,10.00\n");

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            assertThat(inbox.resolve(".failed/payments_20261202.csv")).exists();
            assertThat(jdbc.queryForList("select reason from dead_letter where record_key = 'payments_20261202.csv'", String.class))
                    .singleElement().asString().contains("'Contract Number'");
        });
        assertThat(inbox.resolve(".done/payments_20261202.csv")).doesNotExist();
    }

    @Test
    void aFileWithALongNameIsReadAndRecorded() throws IOException {
        String name = "payments_20261203_" + "x".repeat(180) + ".csv";
        Files.writeString(inbox.resolve(name), LeaseWorksExports.payments().payment("P-30", "L-1", "30.00", "11/30/2026").text());

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            assertThat(inbox.resolve(".done/" + name)).exists();
            assertThat(HubTables.count(jdbc, "select count(*) from payment where payment_id = 'P-30'")).isEqualTo(1);
            assertThat(HubTables.count(jdbc, "select count(*) from export_file where file_name = ? and status = 'DONE'", name)).isEqualTo(1);
        });
    }

    private static Path inbox() {
        try {
            return Files.createTempDirectory("leaseworks-files");
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
