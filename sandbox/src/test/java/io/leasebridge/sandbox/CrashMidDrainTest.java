package io.leasebridge.sandbox;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.File;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * LeaseBridge killed (SIGKILL) in the middle of delivering to Salesforce, then started again: every record
 * reaches Salesforce, none is created twice, and nothing is left pending.
 */
class CrashMidDrainTest {

    private static final List<String> OBJECTS = List.of("Account", "Lease__c", "Payment__c", "Collector_Note__c");

    @TempDir
    Path home;

    private final SalesforceSimulator salesforce = SalesforceSimulator.start(0);

    @AfterEach
    void stopSalesforce() {
        salesforce.stop();
    }

    @Test
    void aSyncKilledMidDrainResumesWithoutLossOrDuplicates() throws Exception {
        Sandbox sandbox = Sandbox.around(salesforce, new SandboxOptions(home, 150, 99L, false));
        GeneratedPortfolio portfolio = sandbox.generateExports().orElseThrow();
        salesforce.writeLatency(Duration.ofMillis(200));

        Process first = launch(sandbox, "first-run.log");
        await().atMost(Duration.ofMinutes(2)).until(() -> salesforce.totalWriteCalls() >= 5 || !first.isAlive());
        assertThat(first.isAlive()).as("the first run must still be delivering when it is killed").isTrue();
        first.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        int writeCallsBeforeKill = salesforce.totalWriteCalls();

        assertThat(outboxIds(sandbox, "PENDING")).as("records left undelivered by the kill").isNotEmpty();
        assertThat(runStatuses(sandbox)).contains("RUNNING");

        salesforce.writeLatency(Duration.ZERO);
        Process second = launch(sandbox, "second-run.log");
        assertThat(second.waitFor(3, TimeUnit.MINUTES)).as("second run finished").isTrue();
        assertThat(second.exitValue()).as("second run exit code, see " + home.resolve("second-run.log")).isZero();

        assertThat(writeCallsBeforeKill).isLessThan(salesforce.totalWriteCalls());
        assertThat(outboxIds(sandbox, "PENDING")).isEmpty();
        assertThat(runStatuses(sandbox)).doesNotContain("RUNNING").contains("ABORTED");
        for (String sObject : OBJECTS) {
            Set<String> inSalesforce = salesforce.records(sObject).keySet();
            assertThat(inSalesforce).as(sObject + " in Salesforce = delivered in the hub")
                    .isEqualTo(outboxIds(sandbox, "DELIVERED", sObject));
            assertThat(inSalesforce).allSatisfy(id ->
                    assertThat(salesforce.createdCount(sObject, id)).as(sObject + " " + id + " created").isEqualTo(1));
        }
        assertThat(salesforce.records("Account").keySet()).isEqualTo(portfolio.customerIds());
        assertThat(salesforce.records("Lease__c").keySet()).isEqualTo(portfolio.leaseIds());
        assertThat(salesforce.records("Payment__c")).hasSize(portfolio.paymentIds().size() - (int) portfolio.paymentsWithoutValidLease()
                + RealWorldExports.VALID_PAYMENTS);
        assertThat(salesforce.records("Collector_Note__c")).hasSize(portfolio.noteIds().size() - (int) portfolio.notesWithoutValidLease());
    }

    private Process launch(Sandbox sandbox, String log) throws Exception {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx384m",
                "-cp", System.getProperty("surefire.test.class.path", System.getProperty("java.class.path")),
                "io.leasebridge.LeaseBridgeApplication"));
        command.addAll(sandbox.runOnceArguments());
        command.add("--leasebridge.config.dir=" + System.getProperty("leasebridge.config.dir", "../config"));
        File logFile = home.resolve(log).toFile();
        return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(logFile).start();
    }

    private static Set<String> outboxIds(Sandbox sandbox, String status, String... sObject) throws SQLException {
        String sql = "select external_id from sf_outbox where status = ?" + (sObject.length == 1 ? " and sobject = ?" : "");
        try (Connection hub = DriverManager.getConnection(sandbox.options().hubUrl(), "sa", "");
             var statement = hub.prepareStatement(sql)) {
            statement.setString(1, status);
            if (sObject.length == 1) {
                statement.setString(2, sObject[0]);
            }
            Set<String> ids = new HashSet<>();
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    ids.add(rs.getString(1));
                }
            }
            return ids;
        }
    }

    private static List<String> runStatuses(Sandbox sandbox) throws SQLException {
        try (Connection hub = DriverManager.getConnection(sandbox.options().hubUrl(), "sa", "");
             ResultSet rs = hub.createStatement().executeQuery("select status from flow_run order by id")) {
            List<String> statuses = new ArrayList<>();
            while (rs.next()) {
                statuses.add(rs.getString(1));
            }
            return statuses;
        }
    }
}
