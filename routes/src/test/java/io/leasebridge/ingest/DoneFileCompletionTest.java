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
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The done-file protocol: a file is read only once its {@code .done} marker is beside it. */
@CamelSpringBootTest
@SpringBootTest(classes = LeaseBridgeApplication.class)
class DoneFileCompletionTest {

    private static final WireMockServer salesforce = SalesforceWireMock.start();
    private static final Path inbox = inbox();

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        TestProperties.salesforceAndHub(registry, salesforce, "done-file");
        TestProperties.schedules(registry, TestProperties.NEVER);
        registry.add("leasebridge.leaseworks.completion", () -> "done-file");
        registry.add("leasebridge.leaseworks.inbox", inbox::toString);
        registry.add("leasebridge.leaseworks.exports.payments", () -> "file:" + inbox
                + "?move=.done/$simple{file:name}&moveFailed=.failed/$simple{file:name}&delay=200");
    }

    @Autowired
    JdbcTemplate jdbc;

    @AfterAll
    static void stopSalesforce() {
        salesforce.stop();
    }

    @Test
    void aFileWithoutItsDoneMarkerIsLeftAloneAndReadOnceTheMarkerIsWritten() throws Exception {
        Files.writeString(inbox.resolve("payments_20261201.csv"),
                LeaseWorksExports.payments().payment("P-1", "L-1", "10.00", "11/30/2026").text());
        Thread.sleep(2_000);
        assertThat(HubTables.count(jdbc, "select count(*) from payment")).isZero();
        assertThat(inbox.resolve("payments_20261201.csv")).exists();

        Files.write(inbox.resolve("payments_20261201.csv.done"), new byte[0]);

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            assertThat(HubTables.count(jdbc, "select count(*) from payment where payment_id = 'P-1'")).isEqualTo(1);
            assertThat(inbox.resolve(".done/payments_20261201.csv")).exists();
            assertThat(inbox.resolve("payments_20261201.csv.done")).doesNotExist();
        });
    }

    private static Path inbox() {
        try {
            return Files.createTempDirectory("leaseworks-done-files");
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
