package io.leasebridge.sandbox;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * LeaseBridge killed (SIGKILL) in the middle of reading the accounts export, then again in the middle of the
 * payments export, then started once more: the hub ends exactly as after a run nobody interrupted, and no
 * export file is left in the inbox.
 */
class CrashMidIngestTest {

    private static final int ACCOUNTS = 800;
    private static final long SEED = 11L;
    /** What a run must have stored, compared without the moments it was stored at. */
    private static final Map<String, String> CONTENT = contentQueries();

    @TempDir
    Path interrupted;
    @TempDir
    Path clean;

    private final SalesforceSimulator salesforce = SalesforceSimulator.start(0);

    @AfterEach
    void stopSalesforce() {
        salesforce.stop();
    }

    @Test
    void anIngestKilledInTheMiddleOfEachExportEndsAsARunWithoutTheKill() throws Exception {
        Sandbox crashing = Sandbox.around(salesforce, new SandboxOptions(interrupted, ACCOUNTS, SEED, false));
        crashing.generateExports().orElseThrow();

        killWhenCommitting(crashing, "accounts_", "kill-in-accounts.log");
        assertThat(exportFileStatuses(crashing)).as("the accounts file was being read").containsValue("READING");
        killWhenCommitting(crashing, "payments_", "kill-in-payments.log");
        Process last = launch(crashing, "after-the-kills.log");
        assertThat(last.waitFor(10, TimeUnit.MINUTES)).as("the run after the kills finished").isTrue();
        assertThat(Files.readString(interrupted.resolve("after-the-kills.log")))
                .contains("did not finish; it is read again when its export is next polled");

        Sandbox uninterrupted = Sandbox.around(salesforce, new SandboxOptions(clean, ACCOUNTS, SEED, false));
        uninterrupted.generateExports().orElseThrow();
        Process reference = launch(uninterrupted, "reference.log");
        assertThat(reference.waitFor(10, TimeUnit.MINUTES)).as("the reference run finished").isTrue();

        assertThat(exportFileStatuses(crashing)).doesNotContainValue("READING");
        try (var inbox = Files.list(crashing.options().inbox())) {
            assertThat(inbox.filter(f -> f.getFileName().toString().endsWith(".csv"))).as("export files left in the inbox").isEmpty();
        }
        for (Map.Entry<String, String> table : CONTENT.entrySet()) {
            List<String> after = rows(crashing, table.getValue());
            assertThat(after).as(table.getKey() + " after the kills").isNotEmpty()
                    .containsExactlyElementsOf(rows(uninterrupted, table.getValue()));
        }
    }

    /**
     * Starts a run and kills it (SIGKILL) once it has committed rows of a file whose name starts so. It writes with two
     * writers side by side, as on PostgreSQL, so the kill can land between their commits.
     */
    private void killWhenCommitting(Sandbox sandbox, String filePrefix, String log) throws Exception {
        Process run = launch(sandbox, log, "--logging.level.io.leasebridge.ingest.LeaseWorksExportIngest=DEBUG",
                "--leasebridge.leaseworks.batch-size=40", "--leasebridge.leaseworks.writers=2");
        Path logFile = sandbox.options().home().resolve(log);
        await().atMost(Duration.ofMinutes(8)).pollInterval(Duration.ofMillis(20))
                .until(() -> !run.isAlive() || committed(logFile, filePrefix) >= 3);
        assertThat(run.isAlive()).as("the run must still be reading " + filePrefix + " when it is killed, see " + logFile).isTrue();
        run.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
    }

    private static long committed(Path log, String filePrefix) throws IOException {
        if (!Files.exists(log)) {
            return 0;
        }
        try (var lines = Files.lines(log)) {
            return lines.filter(l -> l.contains(": " + filePrefix) && l.contains("committed a batch")).count();
        }
    }

    private Process launch(Sandbox sandbox, String log, String... extra) throws IOException {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx384m",
                "-cp", System.getProperty("surefire.test.class.path", System.getProperty("java.class.path")),
                "io.leasebridge.LeaseBridgeApplication"));
        command.addAll(sandbox.runOnceArguments());
        command.add("--leasebridge.config.dir=" + System.getProperty("leasebridge.config.dir", "../config"));
        command.addAll(List.of(extra));
        File logFile = sandbox.options().home().resolve(log).toFile();
        return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(logFile).start();
    }

    private static Map<String, String> exportFileStatuses(Sandbox sandbox) throws SQLException {
        Map<String, String> statuses = new LinkedHashMap<>();
        try (Connection hub = DriverManager.getConnection(sandbox.options().hubUrl(), "sa", "");
             ResultSet rs = hub.createStatement().executeQuery("select file_name, status from export_file order by file_name")) {
            while (rs.next()) {
                statuses.put(rs.getString(1), rs.getString(2));
            }
        }
        return statuses;
    }

    private static List<String> rows(Sandbox sandbox, String query) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (Connection hub = DriverManager.getConnection(sandbox.options().hubUrl(), "sa", "");
             Statement sql = hub.createStatement();
             ResultSet rs = sql.executeQuery(query)) {
            int columns = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                StringBuilder row = new StringBuilder();
                for (int i = 1; i <= columns; i++) {
                    row.append(rs.getString(i)).append('|');
                }
                rows.add(row.toString());
            }
        }
        return rows;
    }

    private static Map<String, String> contentQueries() {
        Map<String, String> queries = new LinkedHashMap<>();
        queries.put("customers", "select customer_id, content_hash from customer order by customer_id");
        queries.put("leases", "select lease_id, content_hash from lease_account order by lease_id");
        queries.put("payments", "select payment_id, content_hash from payment order by payment_id");
        queries.put("notes", "select note_id, content_hash from collector_note order by note_id");
        queries.put("promises", "select promise_id, status, amount, amount_applied from promise order by promise_id");
        queries.put("promise events", "select promise_id, type, amount, payment_id, count(*) from promise_event "
                + "group by promise_id, type, amount, payment_id order by promise_id, type, amount, payment_id");
        queries.put("dead letters", "select flow, source_file, source_line, error_code, field from dead_letter "
                + "where flow like 'leaseworks-%' order by flow, source_file, source_line");
        queries.put("Salesforce outbox", "select sobject, facet, external_id, status from sf_outbox order by sobject, facet, external_id");
        queries.put("held for parent", "select sobject, facet, external_id, parent_key from sf_held order by sobject, facet, external_id");
        return queries;
    }
}
