package io.leasebridge.sandbox;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.File;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Two LeaseBridge processes started together on one PostgreSQL hub, every flow on a 10-second cron: each fire runs on
 * one node; the node draining to Salesforce is killed (SIGKILL) mid-drain and the other takes the next fires, so the
 * simulated org ends with every record once, the simulated QuickBooks company with every GL day's JournalEntry once and
 * the repo agent's mailbox with every repo order once; the killed node, started again, reuses the Quartz triggers instead
 * of adding its own.
 * Skipped without a PostgreSQL server, except on CI ({@code CI=true}), where {@code .ci/run} provides one.
 */
class TwoNodeClusterIT {

    private static final String EVERY_TEN_SECONDS = "0/10 * * * * ?";
    private static final List<String> FLOWS = List.of("leaseworks-accounts", "leaseworks-payments", "leaseworks-notes",
            "leaseworks-promises", "leaseworks-gl", "promise-judgement", "salesforce-outbox-drain", "gps-location-poll",
            "salesforce-vehicles-read", "salesforce-repo-cases-read", "leaseworks-vehicle-import", "quickbooks-postings",
            "fleetrock-repair-orders", "work-order-approvals", "salesforce-calls-read");
    private static final List<String> OBJECTS = List.of("Account", "Lease__c", "Payment__c", "Collector_Note__c");
    private static final Duration STARTUP = Duration.ofMinutes(6);
    /** The days of the sandbox's GL export: one QuickBooks JournalEntry each. */
    private static final int GL_DAYS = 30;
    /** The repo desk's cases that reached ORDERED and were not reinstated before LeaseBridge read them. */
    private static final int REPO_ORDERS = 2;

    @TempDir
    Path home;

    private final SalesforceSimulator salesforce = SalesforceSimulator.start(0);
    private final List<Process> nodes = new ArrayList<>();

    private Sandbox sandbox;

    @AfterEach
    void stopAll() throws InterruptedException {
        for (Process node : nodes) {
            node.destroy();
            if (!node.waitFor(30, TimeUnit.SECONDS)) {
                node.destroyForcibly();
            }
        }
        if (sandbox != null) {
            sandbox.closeGps();
            sandbox.agentMail().stop();
            sandbox.quickBooks().stop();
        }
        salesforce.stop();
    }

    @Test
    void everyFireRunsOnceAcrossTwoNodesAndAKilledNodesWorkIsFinishedByTheOther() throws Exception {
        String url = env("LEASEBRIDGE_TEST_PG_URL", "jdbc:postgresql://localhost:5432/leasebridge_test");
        String user = env("LEASEBRIDGE_TEST_PG_USER", "leasebridge");
        String password = env("LEASEBRIDGE_TEST_PG_PASSWORD", "leasebridge");
        freshSchema(url, user, password);
        sandbox = Sandbox.around(salesforce, new SandboxOptions(home, 150, 99L, false));
        GeneratedPortfolio portfolio = sandbox.generateExports().orElseThrow();
        salesforce.writeLatency(Duration.ofMillis(400));

        // both nodes start at the same instant on the empty job store
        Map<String, Process> byNode = new java.util.HashMap<>();
        byNode.put("node-a", launch(sandbox, "node-a", url, user, password));
        byNode.put("node-b", launch(sandbox, "node-b", url, user, password));
        // The repo desk's cases, whose orders are mailed. Every flow fires at once here, so the cases could be read
        // before the vehicles and leases they concern, and LeaseBridge refuses to order a repo of a vehicle its hub
        // does not know (never mailing, however long one waits): the desk opens them once the hub knows the fleet.
        long knownVins = sandbox.fleet().stream().filter(v -> io.leasebridge.mapping.vin.VinCheck.check(v.vin()).isValid()).count();
        CompletableFuture<Map<String, String>> desk = CompletableFuture.supplyAsync(() -> RepoDesk.seed(salesforce, sandbox.fleet(),
                Map.of(), () -> await().atMost(STARTUP.multipliedBy(2)).pollInterval(Duration.ofSeconds(1)).ignoreExceptions().until(() ->
                        count(url, user, password, "select count(*) from vehicle") >= knownVins
                                && count(url, user, password, """
                                        select count(*) from vehicle v where v.lease_id is not null
                                        and not exists (select 1 from lease_account l where l.lease_id = v.lease_id)""") == 0)));
        // start-up alone (two JVMs on shared cores) may take minutes: the flows' own waits start once both nodes run
        await().atMost(STARTUP).pollInterval(Duration.ofSeconds(1)).until(() ->
                count(url, user, password, "select count(distinct node_id) from flow_run") == 2);

        await().atMost(Duration.ofMinutes(4)).pollInterval(Duration.ofMillis(200)).until(() ->
                salesforce.totalWriteCalls() >= 3 && drainingNode(url, user, password) != null);
        String killed = drainingNode(url, user, password);
        long quartzRows = quartzRows(url, user, password);
        byNode.get(killed).destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        int writeCallsAtKill = salesforce.totalWriteCalls();
        salesforce.writeLatency(Duration.ZERO);

        await().atMost(Duration.ofMinutes(4)).pollInterval(Duration.ofSeconds(1))
                .until(() -> count(url, user, password, "select count(*) from sf_outbox where status = 'PENDING'") == 0
                        && count(url, user, password, "select count(*) from flow_run where status = 'RUNNING' and node_id = '" + killed + "'") == 0
                        && count(url, user, password, "select count(*) from qb_outbox where status = 'CONFIRMED'") >= GL_DAYS
                        && count(url, user, password, "select count(*) from qb_outbox where status <> 'CONFIRMED'") == 0
                        && count(url, user, password, "select count(*) from repo_order where status in ('PENDING', 'SENDING')") == 0
                        && sandbox.agentMail().getReceivedMessages().length >= REPO_ORDERS);
        assertThat(desk.get(1, TimeUnit.SECONDS)).hasSize(RepoDesk.WALKS.size());
        assertThat(salesforce.totalWriteCalls()).as("the other node went on delivering").isGreaterThan(writeCallsAtKill);

        for (String sObject : OBJECTS) {
            // the repo desk created its fleet's leases before LeaseBridge upserted them
            int creates = sObject.equals("Lease__c") ? 0 : 1;
            assertThat(salesforce.records(sObject).keySet()).allSatisfy(id -> assertThat(salesforce.createdCount(sObject, id))
                    .as(sObject + " " + id + " created").isBetween(creates, 1));
        }
        assertThat(salesforce.records("Account").keySet()).isEqualTo(portfolio.customerIds());
        assertThat(salesforce.records("Lease__c").keySet()).isEqualTo(portfolio.leaseIds());
        assertThat(sandbox.quickBooks().documents("JournalEntry")).filteredOn(entry -> entry.path("DocNumber").asText().startsWith("GL-"))
                .as("GL days posted, each once").hasSize(GL_DAYS);
        for (String entity : List.of("JournalEntry", "SalesReceipt", "Bill")) {
            assertThat(sandbox.quickBooks().duplicateDocNumbers(entity)).as(entity + " documents posted twice").isEmpty();
        }
        List<String> messageIds = new ArrayList<>();
        for (jakarta.mail.internet.MimeMessage order : sandbox.agentMail().getReceivedMessages()) {
            messageIds.add(order.getMessageID());
        }
        assertThat(messageIds).as("repo orders mailed, each once").hasSize(REPO_ORDERS).doesNotHaveDuplicates();
        assertThat(count(url, user, password, """
                select count(*) - (floor(extract(epoch from max(started_at)) / 10) - floor(extract(epoch from min(started_at)) / 10) + 1)
                from flow_run where flow = 'salesforce-outbox-drain'""")).as("drain runs beyond one per fire").isLessThanOrEqualTo(0);
        assertThat(count(url, user, password, "select count(distinct node_id) from flow_run where flow = 'salesforce-outbox-drain'"))
                .as("both nodes took fires").isEqualTo(2);

        String restartedAs = killed + "-restarted";
        nodes.add(launch(sandbox, restartedAs, url, user, password));
        await().atMost(STARTUP).pollInterval(Duration.ofSeconds(1)).until(() ->
                count(url, user, password, "select count(*) from flow_run where node_id = '" + restartedAs + "'") > 0);
        assertThat(quartzRows(url, user, password)).as("Quartz triggers and jobs after the restart").isEqualTo(quartzRows);
    }

    private Process launch(Sandbox sandbox, String node, String url, String user, String password) throws Exception {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx384m",
                "-cp", System.getProperty("surefire.test.class.path", System.getProperty("java.class.path")),
                "io.leasebridge.LeaseBridgeApplication"));
        for (String arg : sandbox.runOnceArguments()) {
            if (!arg.startsWith("--leasebridge.run-once=") && !arg.startsWith("--spring.datasource.url=")) {
                command.add(arg);
            }
        }
        command.addAll(List.of("--leasebridge.run-once=false", "--spring.datasource.url=" + url,
                "--spring.datasource.username=" + user, "--spring.datasource.password=" + password, "--server.port=0",
                "--leasebridge.cluster.node-id=" + node, "--leasebridge.cluster.heartbeat-interval=2s",
                "--leasebridge.cluster.node-silent-after=15s", "--leasebridge.cluster.claim-timeout=30s",
                "--leasebridge.config.dir=" + System.getProperty("leasebridge.config.dir", "../config")));
        FLOWS.forEach(flow -> command.add("--leasebridge.schedules." + flow + "=" + EVERY_TEN_SECONDS));
        File log = home.resolve(node + ".log").toFile();
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log).start();
        nodes.add(process);
        return process;
    }

    /** The node whose drain run is under way and has sent something, or null. */
    private static String drainingNode(String url, String user, String password) throws SQLException {
        try (Connection hub = connect(url, user, password); Statement sql = hub.createStatement();
             ResultSet rs = sql.executeQuery("""
                     select r.node_id from flow_run r where r.flow = 'salesforce-outbox-drain' and r.status = 'RUNNING'
                     and exists (select 1 from sf_outbox o where o.status = 'DELIVERED')
                     and exists (select 1 from sf_outbox o where o.status = 'PENDING')""")) {
            return rs.next() ? rs.getString(1) : null;
        }
    }

    private static long quartzRows(String url, String user, String password) throws SQLException {
        return count(url, user, password, "select (select count(*) from qrtz_triggers) + (select count(*) from qrtz_job_details)");
    }

    private static long count(String url, String user, String password, String query) throws SQLException {
        try (Connection hub = connect(url, user, password); Statement sql = hub.createStatement(); ResultSet rs = sql.executeQuery(query)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static void freshSchema(String url, String user, String password) {
        try (Connection ignored = connect(url, user, password)) {
            // reachable
        } catch (SQLException e) {
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                throw new IllegalStateException("CI=true, so PostgreSQL must be there, but " + e.getMessage(), e);
            }
            Assumptions.abort("PostgreSQL at " + url + " is not usable: " + e.getMessage());
        }
        Flyway flyway = Flyway.configure().dataSource(url, user, password).locations("classpath:db/migration").cleanDisabled(false).load();
        flyway.clean();
        flyway.migrate();
    }

    private static Connection connect(String url, String user, String password) throws SQLException {
        Properties properties = new Properties();
        properties.setProperty("user", user);
        properties.setProperty("password", password);
        properties.setProperty("connectTimeout", "5");
        return DriverManager.getConnection(url, properties);
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
