package io.leasebridge.sandbox;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The sandbox command end to end: 1,000 generated accounts synced once (then again while a manager approves the
 * proposed agency placements and the agency answers), every malformed row in the dead-letter table where the
 * generator put it, Salesforce calls within ceil(records / 200) per object, and a second run with no new export
 * making no Salesforce write call.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SandboxRunTest {

    private static Path home;
    private static Sandbox sandbox;
    private static GeneratedPortfolio portfolio;
    private static int firstExitCode;
    private static String firstRunOutput = "";
    private static String secondRunOutput = "";

    @BeforeAll
    static void syncOnce() throws IOException {
        home = Files.createTempDirectory("sandbox-run");
        sandbox = Sandbox.start(new SandboxOptions(home, 1_000, 20261127L, false));
        portfolio = sandbox.generateExports().orElseThrow();
        PrintStream console = System.out;
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(printed, true, StandardCharsets.UTF_8));
            firstExitCode = sandbox.runOnceThenAnswer(System.out);
        } finally {
            System.setOut(console);
        }
        firstRunOutput = printed.toString(StandardCharsets.UTF_8);
    }

    @AfterAll
    static void stop() {
        sandbox.close();
    }

    @Test
    @Order(1)
    void everyMalformedRowIsInTheDeadLetterTableWithFileLineFieldAndReason() throws SQLException {
        assertThat(firstExitCode).isZero();
        assertThat(portfolio.malformedRows()).hasSizeGreaterThan(100);
        Map<String, String> deadLetters = new HashMap<>();
        query("select source_file, source_line, reason from dead_letter where error_code = 'INVALID_ROW' "
                        + "and source_file not like '%hand-edited%'",
                rs -> deadLetters.put(rs.getString(1) + ":" + rs.getLong(2), rs.getString(3)));
        assertThat(deadLetters).hasSize(portfolio.malformedRows().size());
        for (GeneratedPortfolio.MalformedRow row : portfolio.malformedRows()) {
            assertThat(deadLetters.get(row.file() + ":" + row.line()))
                    .as("dead letter for %s line %d (%s)", row.file(), row.line(), row.defect())
                    .contains("column '" + row.column() + "'");
        }
    }

    @Test
    @Order(2)
    void theHandEditedCutShortFileIsQuarantinedRowByRowAndOnlyTheUnreadableFileIsRefusedWhole() throws SQLException {
        Map<Long, String> codeByLine = new HashMap<>();
        query("select source_line, error_code from dead_letter where source_file like '%hand-edited%'",
                rs -> codeByLine.put(rs.getLong(1), rs.getString(2)));
        // the conflicting pair is one problem of one payment, last seen on line 6
        assertThat(codeByLine).containsEntry(3L, "WRONG_COLUMN_COUNT").containsEntry(4L, "WRONG_COLUMN_COUNT")
                .containsEntry(6L, "CONFLICTING_DUPLICATE").containsEntry(7L, "INVALID_ROW")
                .containsEntry(10L, "TRUNCATED_ROW").hasSize(5);
        List<String> stored = new java.util.ArrayList<>();
        query("select payment_id from payment where payment_id like 'P-HE-%' order by payment_id", rs -> stored.add(rs.getString(1)));
        assertThat(stored).containsExactly("P-HE-000001", "P-HE-000006");
        List<String> held = new java.util.ArrayList<>();
        query("select external_id from sf_held where parent_key = '" + RealWorldExports.UNKNOWN_LEASE + "'", rs -> held.add(rs.getString(1)));
        assertThat(held).containsExactly("P-HE-000006");
        assertThat(sandbox.salesforce().records("Payment__c")).containsKey("P-HE-000001").doesNotContainKey("P-HE-000006");
        try (var failed = Files.list(sandbox.options().inbox().resolve(".failed"))) {
            assertThat(failed.map(f -> f.getFileName().toString())).singleElement().asString().endsWith("_unreadable.csv");
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    @Order(2)
    void salesforceHoldsEveryValidRecordAfterAtMostOneCallPer200() {
        SalesforceSimulator salesforce = sandbox.salesforce();
        assertThat(salesforce.records("Account").keySet()).isEqualTo(portfolio.customerIds());
        assertThat(salesforce.records("Lease__c").keySet()).isEqualTo(portfolio.leaseIds());
        Map<String, Integer> calls = Map.of(
                "Account", perCall(portfolio.customerIds().size()),
                // the leases, then the promise KPIs of those with promises, the recovery risk of those at risk and the contact
                // limits of those the limits block with no call made (do not call), in calls of their own
                "Lease__c", perCall(portfolio.leaseIds().size()) + perCall(leasesWithPromises()) + perCall(portfolio.leaseIds().size())
                        + perCall(contactStandings()),
                "Payment__c", perCall(portfolio.paymentIds().size()),
                "Collector_Note__c", perCall(portfolio.noteIds().size()),
                "Promise_To_Pay__c", perCall(portfolio.promises().size()));
        calls.forEach((sObject, most) -> assertThat(salesforce.writeCalls(sObject))
                .as(sObject + " calls").isLessThanOrEqualTo(most));
        assertThat(salesforce.records("Promise_To_Pay__c")).hasSize(
                (int) (portfolio.promiseOutcomes().total() - portfolio.promiseOutcomes().onMalformedLease()));
    }

    @Test
    @Order(2)
    void theLedgerJudgedEveryPromiseAsThePortfolioPlannedIt() throws SQLException {
        Map<String, Long> byStatus = new HashMap<>();
        query("select status, count(*) from promise group by status", rs -> byStatus.put(rs.getString(1), rs.getLong(2)));
        GeneratedPortfolio.PromiseOutcomes planned = portfolio.promiseOutcomes();

        assertThat(byStatus).containsEntry("KEPT", planned.kept())
                .containsEntry("PARTIALLY_KEPT", planned.partiallyKept())
                .containsEntry("BROKEN", planned.broken())
                .containsEntry("CANCELLED", planned.cancelled())
                .doesNotContainKey("OPEN");
        // one task per broken promise: queued, or held while the promise's lease was quarantined
        List<Long> tasks = new java.util.ArrayList<>();
        query("select (select count(*) from sf_outbox where sobject = 'Task' and external_id like 'BROKEN-%')"
                + " + (select count(*) from sf_held where sobject = 'Task' and external_id like 'BROKEN-%')", rs -> tasks.add(rs.getLong(1)));
        assertThat(tasks).containsExactly(planned.broken());
        List<Long> heldTasksOfHubLeases = new java.util.ArrayList<>();
        query("select count(*) from sf_held h join lease_account l on l.lease_id = h.parent_key", rs -> heldTasksOfHubLeases.add(rs.getLong(1)));
        assertThat(heldTasksOfHubLeases).as("nothing waits for a lease the hub holds").containsExactly(0L);
    }

    @Test
    @Order(2)
    void theManagerApprovesTheProposedPlacementsTheAgencyAnswersTheirFileAndTheLastRunPrintsTheRecoveryRate() throws IOException {
        Map<String, Map<String, Object>> placements = sandbox.salesforce().records("Agency_Placement__c");
        long placed = placements.values().stream().filter(p -> !"REJECTED".equals(p.get("Status__c"))).count();
        assertThat(placed).as("the portfolio has leases 60 days past due or more").isGreaterThanOrEqualTo(2);
        assertThat(firstRunOutput).contains("A collections manager approved " + placed + " proposed agency placements")
                .contains(CollectionAgency.NAME + " answered with LSRS_RETURN_");

        List<Path> placementFiles = sandbox.agency().received().stream()
                .filter(file -> file.getFileName().toString().startsWith("LSRS_PLACE_")).toList();
        assertThat(placementFiles).hasSize(1);
        assertThat(Files.readAllLines(placementFiles.get(0))).hasSize(1 + (int) placed);
        assertThat(placements.values()).filteredOn(p -> "CLOSED".equals(p.get("Status__c"))).singleElement()
                .satisfies(p -> assertThat(p.get("Agency_Status__c")).isEqualTo("PAID IN FULL"));
        String lastRun = firstRunOutput.substring(firstRunOutput.lastIndexOf("Agency placements: "));
        assertThat(lastRun).containsPattern("^Agency placements: proposed 0, approved 0, rejected \\d+, sent \\d+, recalled \\d+, closed 1")
                .containsPattern(CollectionAgency.NAME + " +placed [0-9.]+ in " + placed
                        + " placements, collected [0-9.]+, recovery rate [0-9.]+%");
        try (CollectionAgency relaunched = CollectionAgency.start(home.resolve("agency"))) {
            assertThat(relaunched.work(java.time.LocalDate.now())).as("the agency started again answers no file twice").isNull();
        }
    }

    private static int perCall(long records) {
        return (int) ((records + 199) / 200);
    }

    @Test
    @Order(2)
    void theRepoDesksCasesAreAppliedTheIllegalJumpRefusedAndEachOrderMailedOnce() throws Exception {
        Map<String, String> statusByCase = new HashMap<>();
        query("select case_id, status from repo_case", rs -> statusByCase.put(rs.getString(1), rs.getString(2)));
        Map<String, String> cases = sandbox.walkedCases();
        assertThat(cases).hasSize(RepoDesk.WALKS.size());
        assertThat(statusByCase).containsEntry(cases.get("through to the sale"), "CLOSED")
                .containsEntry(cases.get("voluntary return, nothing to repair"), "INVENTORY")
                .containsEntry(cases.get("never found"), "UNRECOVERABLE")
                .containsEntry(cases.get("sold before it was ordered"), "PENDING")
                .containsEntry(cases.get("paid up before the order"), "CANCELLED")
                .containsEntry(cases.get("another chance after recovery"), "REINSTATED")
                .containsEntry(cases.get("returned and sold for more than was owed"), "CLOSED");
        assertThat(sandbox.salesforce().records("Case").get(cases.get("another chance after recovery"))
                .get("Reinstatement_Charges__c").toString()).contains("Repo agent fee (Lone Star Recovery LLC): 425");

        String refused = cases.get("sold before it was ordered");
        assertThat(sandbox.salesforce().records("Case").get(refused).get("Integration_Error__c").toString())
                .contains("PENDING -> SOLD is not a step");
        List<String> illegal = new java.util.ArrayList<>();
        query("select record_key from dead_letter where error_code = 'ILLEGAL_TRANSITION'", rs -> illegal.add(rs.getString(1)));
        assertThat(illegal).containsExactly(refused);
        List<String> sales = new java.util.ArrayList<>();
        query("select case_id || ' ' || sale_price from repo_sale", rs -> sales.add(rs.getString(1)));
        assertThat(sales).containsExactlyInAnyOrder(cases.get("through to the sale") + " 2900.00",
                cases.get("returned and sold for more than was owed") + " 52500.00");

        jakarta.mail.internet.MimeMessage[] orders = sandbox.agentMail().getReceivedMessages();
        // the desk reinstates its "another chance" case before LeaseBridge first reads it: that order is never mailed
        assertThat(orders).as("one order per case that reached ORDERED and was not reinstated; a voluntary return has none")
                .hasSize(2);
        List<String> withdrawn = new java.util.ArrayList<>();
        query("select case_id from repo_order where status = 'WITHDRAWN'", rs -> withdrawn.add(rs.getString(1)));
        assertThat(withdrawn).containsExactly(cases.get("another chance after recovery"));
        Map<String, Integer> dpdByVin = new HashMap<>();
        sandbox.fleet().forEach(v -> dpdByVin.put(v.vin(), v.daysPastDue()));
        for (jakarta.mail.internet.MimeMessage order : orders) {
            String body = com.icegreen.greenmail.util.GreenMailUtil.getBody(order);
            String vin = body.replaceAll("(?s).*VIN ([A-HJ-NPR-Z0-9]{17}).*", "$1");
            assertThat(body).contains("Repo type: ", "Order date: ", "Payments made: ", "GPS status: ",
                    "Days past due: " + dpdByVin.get(vin));
        }
        try (java.util.stream.Stream<Path> files = Files.list(home.resolve("leaseworks-outbox"))) {
            List<Path> imports = files.sorted().toList();
            assertThat(imports).extracting(f -> f.getFileName().toString().replaceAll("-\\d{8}-\\d{6}", ""))
                    .containsExactly("repo-adjustments.csv", "vehicles.csv");
            assertThat(Files.readAllLines(imports.get(1))).hasSize(1 + sandbox.fleet().size());
            assertThat(Files.readAllLines(imports.get(0))).hasSize(1 + 2).anyMatch(row -> row.contains(",DEFICIENCY,"))
                    .anyMatch(row -> row.contains(",SURPLUS,"));
        }
    }

    @Test
    @Order(4)
    void eachSoldCaseIsReviewedToADeficiencyOrASurplusAndItsLeaseSettledInQuickBooksOnce() throws SQLException {
        Map<String, String> cases = sandbox.walkedCases();
        Map<String, java.math.BigDecimal[]> reviews = new HashMap<>();
        query("select case_id, payoff_at_recovery, total_costs, net_proceeds, deficiency, surplus from repo_review", rs -> reviews.put(
                rs.getString(1), new java.math.BigDecimal[]{rs.getBigDecimal(2), rs.getBigDecimal(3), rs.getBigDecimal(4),
                        rs.getBigDecimal(5), rs.getBigDecimal(6)}));
        assertThat(reviews).containsOnlyKeys(cases.get("through to the sale"), cases.get("returned and sold for more than was owed"));
        reviews.values().forEach(r -> assertThat(r[0].add(r[1]).subtract(r[2])).as("payoff + costs - proceeds")
                .isEqualByComparingTo(r[3].subtract(r[4])));
        assertThat(reviews.get(cases.get("through to the sale"))[3]).isPositive();
        assertThat(reviews.get(cases.get("returned and sold for more than was owed"))[4]).isPositive();
        List<String> resales = new java.util.ArrayList<>();
        query("select source_key || ' ' || status from qb_outbox where posting_type = 'RESALE_JOURNAL_ENTRY'", rs -> resales.add(rs.getString(1)));
        assertThat(resales).containsExactlyInAnyOrder(cases.get("through to the sale") + " CONFIRMED",
                cases.get("returned and sold for more than was owed") + " CONFIRMED");
        assertThat(secondRunOutput).contains("Recovery costs: ", "Final account reviews: 2", "Deficiency (the lessee owes): ",
                "Surplus (owed to the lessee): ");
    }

    private static long contactStandings() {
        List<Long> standings = new java.util.ArrayList<>();
        try {
            query("select count(*) from lease_contact_standing", rs -> standings.add(rs.getLong(1)));
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return standings.get(0);
    }

    private static long leasesWithPromises() {
        return portfolio.promises().stream().map(GeneratedPortfolio.PlannedPromise::leaseId).distinct().count();
    }

    @Test
    @Order(3)
    void aSecondRunWithNoNewExportMakesNoSalesforceWriteCall() {
        int writeCallsBefore = writeCallsButGps();

        PrintStream console = System.out;
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        int exitCode;
        try {
            System.setOut(new PrintStream(printed, true, StandardCharsets.UTF_8));
            exitCode = sandbox.runOnce();
        } finally {
            System.setOut(console);
        }
        secondRunOutput = printed.toString(StandardCharsets.UTF_8);
        console.print(secondRunOutput);

        assertThat(exitCode).isZero();
        assertThat(sandbox.generateExports()).as("exports are generated once").isEmpty();
        assertThat(writeCallsButGps()).isEqualTo(writeCallsBefore);
    }

    @Test
    @Order(4)
    void theSecondRunFindsSalesforceHoldingWhatTheHubDeliveredAndWritesTheChartsBesideTheKpis() throws IOException {
        assertThat(secondRunOutput).contains("Salesforce reconciliation (delivered by the hub / held by Salesforce now)")
                .contains("unexplained differences: 0 (Salesforce API calls: ");
        String table = secondRunOutput.substring(secondRunOutput.indexOf("Salesforce reconciliation (delivered"),
                secondRunOutput.indexOf("unexplained differences: 0"));
        assertThat(table).as("every system's figures, to the cent").contains("Payment__c", "QuickBooks documents since")
                .containsPattern("Bill +\\d+ +\\d+\\.\\d\\d +\\d+ +\\d+\\.\\d\\d ").doesNotContainPattern(" \\d+\\.\\d\\s");
        Path charts = home.resolve("reports").resolve("charts.html").toAbsolutePath();
        assertThat(secondRunOutput).contains("Charts: " + charts);
        assertThat(Files.readString(charts)).contains("id=\"chart-dpd-buckets\"", "<svg", "id=\"chart-delivery\"");
    }

    /**
     * The vehicles move between runs, so GPS writes (Vehicle__c locations, alerts and their tasks) are expected, and so
     * are the recovery risks the alerts change (and the days their reasons count).
     */
    private static int writeCallsButGps() {
        SalesforceSimulator salesforce = sandbox.salesforce();
        return salesforce.totalWriteCalls() - salesforce.writeCalls("GPS_Alert__c") - salesforce.writeCalls("Vehicle__c")
                - salesforce.writeCalls("Task") - salesforce.upsertCallsWith("Lease__c", "Recovery_Risk__c");
    }

    @Test
    @Order(4)
    void theGpsPollRaisesTheAlertsOfTheVehiclesThatLeftStoppedOrWentSilentAndPrintsWhomItSkipped() throws SQLException {
        Map<GpsFleet.Behaviour, String> vinOf = new HashMap<>();
        sandbox.gpsFleet().devices().forEach(d -> vinOf.putIfAbsent(d.behaviour(), d.vin()));
        Map<String, List<String>> openAlerts = new HashMap<>();
        query("select vin, alert_type from gps_alert where status = 'OPEN'",
                rs -> openAlerts.computeIfAbsent(rs.getString(1), k -> new java.util.ArrayList<>()).add(rs.getString(2)));

        assertThat(vinOf).containsKeys(GpsFleet.Behaviour.LEAVES_STATE, GpsFleet.Behaviour.STOPS, GpsFleet.Behaviour.GOES_SILENT);
        assertThat(openAlerts.get(vinOf.get(GpsFleet.Behaviour.LEAVES_STATE))).contains("OUT_OF_STATE");
        assertThat(openAlerts.get(vinOf.get(GpsFleet.Behaviour.STOPS))).containsExactly("NOT_MOVING");
        assertThat(openAlerts.get(vinOf.get(GpsFleet.Behaviour.GOES_SILENT))).containsExactly("SILENT");
        assertThat(sandbox.salesforce().records("GPS_Alert__c")).isNotEmpty();
        assertThat(secondRunOutput).contains("GPS: ", "alerts raised: ", "OUT_OF_STATE", "NOT_MOVING",
                "skipped (below 10 days past due): ", "skipped (no GPS disclosure on file): ",
                "rule not applied (no garaging coordinates in the export): ");
    }

    @Test
    @Order(4)
    void theLeaseOfTheVehicleThatLeftItsStateCarriesTheRiskAndTheRunPrintsTheLeasesByLevel() throws SQLException {
        String vin = sandbox.gpsFleet().devices().stream().filter(d -> d.behaviour() == GpsFleet.Behaviour.LEAVES_STATE)
                .findFirst().orElseThrow().vin();
        List<String> leases = new java.util.ArrayList<>();
        query("select lease_id from lease_account where vin = '" + vin + "'", rs -> leases.add(rs.getString(1)));
        Map<String, Object> lease = sandbox.salesforce().records("Lease__c").get(leases.get(0));

        assertThat(((Number) lease.get("Recovery_Risk_Score__c")).intValue()).as("out of state: 25 points at least")
                .isGreaterThanOrEqualTo(25);
        assertThat(lease.get("Recovery_Risk__c")).isIn("MEDIUM", "HIGH");
        assertThat(secondRunOutput).containsPattern("Recovery risk: \\d+ HIGH, \\d+ MEDIUM, \\d+ LOW; \\d+ changed");
        List<Long> highWithoutTask = new java.util.ArrayList<>();
        query("select count(*) from lease_risk r where r.risk_level = 'HIGH' and not exists (select 1 from sf_outbox o"
                + " where o.sobject = 'Task' and o.external_id like 'RISK-HIGH-' || r.lease_id || '%')", rs -> highWithoutTask.add(rs.getLong(1)));
        assertThat(highWithoutTask).as("every HIGH lease has its Task").containsExactly(0L);
    }

    @Test
    @Order(5)
    void theSameExportsDroppedAgainChangeNothingAndMakeNoWriteCall() throws SQLException {
        int writeCallsBefore = writeCallsButGps();
        Sandbox again = Sandbox.around(sandbox.salesforce(), new SandboxOptions(home, 1_000, 20261127L, true));
        again.generateExports().orElseThrow();

        assertThat(again.runOnce()).isZero();
        again.closeGps();

        assertThat(writeCallsButGps()).isEqualTo(writeCallsBefore);
        List<Long> changed = new java.util.ArrayList<>();
        query("select rows_changed from flow_run where flow like 'leaseworks-%' order by id desc limit 3", rs -> changed.add(rs.getLong(1)));
        assertThat(changed).containsExactly(0L, 0L, 0L);
    }

    private interface Row {
        void read(ResultSet rs) throws SQLException;
    }

    private static void query(String sql, Row row) throws SQLException {
        try (Connection hub = DriverManager.getConnection(sandbox.options().hubUrl(), "sa", "");
             ResultSet rs = hub.createStatement().executeQuery(sql)) {
            while (rs.next()) {
                row.read(rs);
            }
        }
    }
}
