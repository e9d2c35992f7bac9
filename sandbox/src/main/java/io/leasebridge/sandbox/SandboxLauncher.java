package io.leasebridge.sandbox;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * The sandbox command: generates a LeaseWorks portfolio, runs LeaseBridge once against a simulated
 * Salesforce org (and again while a manager and the collection agency answer what it did), and says where to look. Options: {@code --accounts=N --seed=S --home=DIR --regenerate}.
 */
public final class SandboxLauncher {

    private SandboxLauncher() {
    }

    public static void main(String[] args) throws SQLException {
        SandboxOptions options = SandboxOptions.parse(args);
        PrintStream out = System.out;
        int exitCode;
        try (Sandbox sandbox = Sandbox.start(options)) {
            java.util.Optional<GeneratedPortfolio> generated = sandbox.generateExports();
            generated.ifPresent(portfolio -> out.printf("Generated %d accounts (seed %d) into %s: %d malformed rows on purpose%n",
                    options.accounts(), options.seed(), options.inbox(), portfolio.malformedRows().size()));
            java.util.Optional<java.time.LocalDate> scenarioDay = generated.isPresent() ? java.util.Optional.empty() : sandbox.nextScenarioDay();
            if (generated.isEmpty()) {
                out.println(scenarioDay.map(day -> "The collections-rule scenarios' exports of " + day + " arrived; judged as of that day")
                        .orElse("No new exports: " + options.inbox() + " was generated before (--regenerate writes them again)"));
            }
            out.printf("Simulated Salesforce org at %s%n", sandbox.salesforce().baseUrl());
            exitCode = scenarioDay.map(day -> sandbox.runOnceThenAnswer(out, "--leasebridge.judge-as-of=" + day))
                    .orElseGet(() -> sandbox.runOnceThenAnswer(out));
            sandbox.describeRuleScenarios(out);
            if (!sandbox.walkedCases().isEmpty()) {
                out.println("The simulated repo desk walked these repossession Cases in Salesforce before the run:");
                RepoDesk.describe(sandbox.walkedCases()).forEach(out::println);
            }
            out.printf("Repo agent's mailbox (%s): %d repo orders received%n", RepoDesk.AGENT_EMAIL,
                    sandbox.agentMail().getReceivedMessages().length);
            printWhereToLook(out, sandbox);
        }
        System.exit(exitCode);
    }

    private static void printWhereToLook(PrintStream out, Sandbox sandbox) throws SQLException {
        SalesforceSimulator salesforce = sandbox.salesforce();
        out.println("Simulated Salesforce received (this run):");
        for (String sObject : List.of("Account", "Lease__c", "Payment__c", "Collector_Note__c", "Promise_To_Pay__c", "Task",
                "Vehicle__c", "Case")) {
            out.printf("  %-18s %7d records in %d write calls and %d Bulk API 2.0 jobs%n", sObject,
                    salesforce.records(sObject).size(), salesforce.writeCalls(sObject), salesforce.bulkJobs(sObject));
        }
        out.printf("  write calls in all: %d, log-ins: %d%n", salesforce.totalWriteCalls(), salesforce.loginCalls());
        sandbox.describeFleetRock(out);
        try (Connection hub = DriverManager.getConnection(sandbox.options().hubUrl(), "sa", "");
             Statement sql = hub.createStatement()) {
            out.println("Dead letters in the hub (open), by flow:");
            try (ResultSet rs = sql.executeQuery(
                    "select flow, error_code, count(*) from dead_letter where status = 'OPEN' group by flow, error_code order by flow, error_code")) {
                while (rs.next()) {
                    out.printf("  %-26s %-28s %6d%n", rs.getString(1), rs.getString(2), rs.getLong(3));
                }
            }
            out.println("A few of them:");
            try (ResultSet rs = sql.executeQuery(
                    "select coalesce(source_file || ':' || source_line, record_type || ' ' || record_key), field, reason "
                            + "from dead_letter where status = 'OPEN' order by id limit 5")) {
                while (rs.next()) {
                    out.printf("  %s [%s] %s%n", rs.getString(1), rs.getString(2), rs.getString(3));
                }
            }
        }
        printFailedFiles(sandbox, out);
        out.println("Where to look:");
        out.printf("  hub database   %s%n                 tables flow_run, dead_letter, sf_outbox, customer, lease_account, payment,"
                + " collector_note, promise, promise_event, lease_dpd_history, vehicle, repo_case, repo_case_event, repo_order%n", sandbox.options().hubUrl());
        out.printf("  KPI report     %s (kpis.json, kpis.csv, charts.html)%n", sandbox.options().home().resolve("reports"));
        out.println("  open it with  java -cp $(ls ~/.m2/repository/com/h2database/h2/*/h2-*.jar | tail -1) org.h2.tools.Shell -url "
                + "'" + sandbox.options().hubUrl() + "' -user sa");
        out.printf("  exports        %s/.done (processed), %s/.failed (unreadable)%n", sandbox.options().inbox(), sandbox.options().inbox());
        out.printf("  vehicle import %s (the LeaseWorks vehicle import files)%n", sandbox.options().home().resolve("leaseworks-outbox"));
        out.printf("  agency SFTP    %s (placements/ as %s took them, returns/ as it answered)%n",
                sandbox.options().home().resolve("agency"), CollectionAgency.NAME);
        out.println("  run it again: the next of the collections-rule scenarios' three export days arrives; after them, no new"
                + " export, so no Salesforce write call; --regenerate drops the same files again.");
    }

    /** Files refused as a whole: only the deliberately unreadable one, when the intake does its job. */
    private static void printFailedFiles(Sandbox sandbox, PrintStream out) {
        Path failed = sandbox.options().inbox().resolve(".failed");
        try (var files = Files.list(failed)) {
            List<String> names = files.map(f -> f.getFileName().toString()).sorted().toList();
            out.println("Export files refused whole (in .failed/): " + (names.isEmpty() ? "none" : String.join(", ", names)));
        } catch (IOException noFolder) {
            out.println("Export files refused whole (in .failed/): none");
        }
    }
}
