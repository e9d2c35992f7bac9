package io.leasebridge.sandbox;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The collections rules at their edges in the sandbox: the portfolio synced once, then the three days of the rule
 * scenarios, each run as of its day; what the ledger, the contact limits and the GPS poll decided, in the hub, in the
 * simulated org and in the run's printout.
 */
class SandboxRulesTest {

    private static Sandbox sandbox;
    /** Each scenario promise's status after each scenario day, by lease. */
    private static final List<Map<String, String>> statusAfterDay = new ArrayList<>();
    private static final List<String> printedOnDay = new ArrayList<>();
    private static String described;

    @BeforeAll
    static void portfolioThenEveryScenarioDay() throws Exception {
        sandbox = Sandbox.start(new SandboxOptions(Files.createTempDirectory("sandbox-rules"), 200, 20261127L, false));
        sandbox.generateExports().orElseThrow();
        assertThat(sandbox.runOnce()).isZero();
        for (LocalDate day : RuleScenarios.DAYS) {
            assertThat(sandbox.nextScenarioDay()).contains(day);
            PrintStream console = System.out;
            ByteArrayOutputStream printed = new ByteArrayOutputStream();
            int exitCode;
            try {
                System.setOut(new PrintStream(printed, true, StandardCharsets.UTF_8));
                exitCode = sandbox.runOnce("--leasebridge.judge-as-of=" + day);
            } finally {
                System.setOut(console);
            }
            assertThat(exitCode).as("run of " + day).isZero();
            printedOnDay.add(printed.toString(StandardCharsets.UTF_8));
            Map<String, String> statuses = new HashMap<>();
            query("select lease_id, status from promise where lease_id like 'L-R%'", rs -> statuses.put(rs.getString(1), rs.getString(2)));
            statusAfterDay.add(statuses);
        }
        assertThat(sandbox.nextScenarioDay()).as("three days, each delivered once").isEmpty();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        sandbox.describeRuleScenarios(new PrintStream(out, true, StandardCharsets.UTF_8));
        described = out.toString(StandardCharsets.UTF_8);
        System.out.print(described);
    }

    @AfterAll
    static void stop() {
        if (sandbox != null) {
            sandbox.close();
        }
    }

    @Test
    void anEveningPaymentOnTheDeadlineDaySeenTheNextMorningRevisesTheBrokenVerdictToKeptAndClosesItsTask() throws SQLException {
        assertThat(statusAfterDay.get(0)).containsEntry(RuleScenarios.EVENING, "BROKEN");
        assertThat(printedOnDay.get(0)).contains("Promises judged at judge-after, no payments export covering their deadline day")
                .contains("PTP-" + RuleScenarios.EVENING);
        assertThat(statusAfterDay.get(1)).containsEntry(RuleScenarios.EVENING, "KEPT");
        assertThat(events(RuleScenarios.EVENING)).containsSubsequence("BROKEN", "REVISED", "KEPT");
        assertThat(printedOnDay.get(1)).containsPattern("PTP-" + RuleScenarios.EVENING + "\\S* +lease " + RuleScenarios.EVENING
                + " +BROKEN -> KEPT \\(400\\.00 applied");

        Map<String, Object> task = taskOf(RuleScenarios.EVENING, "BROKEN-PTP-" + RuleScenarios.EVENING);
        assertThat(task.get("Status")).isEqualTo("Completed");
        assertThat(task.get("Closed_By_LeaseBridge_Because__c").toString()).contains("revised to KEPT");
        assertThat(promiseInOrg(RuleScenarios.EVENING).get("Status__c")).isEqualTo("KEPT");
    }

    @Test
    void anNsfReturnThreeDaysAfterJudgementRevisesTheKeptVerdictToBrokenAndOpensATask() throws SQLException {
        assertThat(statusAfterDay.get(0)).containsEntry(RuleScenarios.NSF, "KEPT");
        assertThat(statusAfterDay.get(1)).containsEntry(RuleScenarios.NSF, "BROKEN");
        assertThat(events(RuleScenarios.NSF)).containsSubsequence("KEPT", "PAYMENT_REVERSED", "REVISED", "BROKEN");
        assertThat(printedOnDay.get(1)).containsPattern("lease " + RuleScenarios.NSF + " +KEPT -> BROKEN");

        Map<String, Object> task = taskOf(RuleScenarios.NSF, "BROKEN-PTP-" + RuleScenarios.NSF);
        assertThat(task.get("Status")).as("a new Task, open").isNotEqualTo("Completed");
        assertThat(promiseInOrg(RuleScenarios.NSF).get("Status__c")).isEqualTo("BROKEN");
    }

    @Test
    void aQuarantinedPromiseRowLeavesThePromiseUnconfirmedUntilTheNextValidRowSettlesIt() throws SQLException {
        assertThat(statusAfterDay).extracting(s -> s.get(RuleScenarios.QUARANTINED)).containsExactly("OPEN", "UNCONFIRMED", "OPEN");
        List<String> reasons = new ArrayList<>();
        query("select reason from dead_letter where source_file = 'promises_20260121.csv' and source_line = 2",
                rs -> reasons.add(rs.getString(1)));
        assertThat(reasons).singleElement().asString().contains("column 'Promise Amount'");
    }

    @Test
    void aBlankDoNotCallMeansNoCallAndSalesforceShowsWhyWithNoCallEverLogged() throws SQLException {
        List<String> customer = new ArrayList<>();
        query("select c.do_not_call, c.preference_source from customer c where c.customer_id = 'R-00004'",
                rs -> customer.add(rs.getBoolean(1) + " " + rs.getString(2)));
        assertThat(customer).singleElement().asString().startsWith("true LeaseWorks; not allowed for want of a value: ")
                .contains("Do Not Call");
        Map<String, Object> lease = sandbox.salesforce().records("Lease__c").get(RuleScenarios.BLANK_DO_NOT_CALL);
        assertThat(lease.get("Contact_Blocked_Reason__c").toString()).startsWith("DO_NOT_CALL");
        assertThat(lease.get("Next_Contact_Allowed_At__c")).isNull();
    }

    @Test
    void callTasksLoggedInTheOrgBlockTheNextCallAtTheAttemptLimitAndAfterAConversation() {
        Map<String, Object> calledOut = sandbox.salesforce().records("Lease__c").get(RuleScenarios.CALLED_OUT);
        assertThat(((Number) calledOut.get("Call_Attempts_7D__c")).intValue()).isEqualTo(RuleScenarios.UNANSWERED_CALLS);
        assertThat(calledOut.get("Contact_Blocked_Reason__c").toString()).startsWith("ATTEMPT_LIMIT: 7 call attempts within 7 days");
        assertThat(calledOut.get("Next_Contact_Allowed_At__c")).isNotNull();
        Map<String, Object> spokenTo = sandbox.salesforce().records("Lease__c").get(RuleScenarios.SPOKEN_TO);
        assertThat(spokenTo.get("Last_Conversation_At__c")).isNotNull();
        assertThat(spokenTo.get("Contact_Blocked_Reason__c").toString()).startsWith("CONVERSATION_PAUSE");
    }

    @Test
    void textsInTheOrgsSmsObjectAreCountedWithoutCountingAsCalls() {
        Map<String, Object> calledOut = sandbox.salesforce().records("Lease__c").get(RuleScenarios.CALLED_OUT);
        assertThat(((Number) calledOut.get("Texts_Sent_7D__c")).intValue()).isEqualTo(RuleScenarios.TEXTS_SENT);
        assertThat(((Number) calledOut.get("Call_Attempts_7D__c")).intValue()).isEqualTo(RuleScenarios.UNANSWERED_CALLS);
        Map<String, Object> spokenTo = sandbox.salesforce().records("Lease__c").get(RuleScenarios.SPOKEN_TO);
        assertThat(spokenTo.get("Last_Text_Reply_At__c")).isNotNull();
        assertThat(((Number) spokenTo.get("Texts_Sent_7D__c")).intValue()).isZero();
        assertThat(described).containsPattern("texts in the org's SMS object +L-R00005 2 sent, 0 replies read; L-R00006 0 sent, 1 replies read");
    }

    @Test
    void aVehicleSoldBeforeTheLastRunIsNotLocatedAgainAndItsAlertsAreClosed() throws SQLException {
        String vin = RuleScenarios.vehicleSold(sandbox.options().hubUrl()).orElseThrow();
        try (Connection hub = DriverManager.getConnection(sandbox.options().hubUrl(), "sa", "")) {
            assertThat(RuleScenarios.pulls(hub, vin)).as("located while the lessor had a claim").isPositive();
            assertThat(RuleScenarios.pullsOnLastPoll(hub, vin)).as("not located once sold").isZero();
        }
        List<String> alerts = new ArrayList<>();
        query("select status from gps_alert where vin = '" + vin + "'", rs -> alerts.add(rs.getString(1)));
        assertThat(alerts).as("the sold vehicle had an open alert").isNotEmpty().containsOnly("CLOSED");
        assertThat(printedOnDay.get(2)).contains("skipped (vehicle SOLD: the lessor no longer has a claim on it): ");
    }

    @Test
    void theRunPrintsWhatEachRuleDecidedOnTheScenarios() {
        assertThat(described).contains("Collections rules at their edges")
                .containsPattern("evening payment on the deadline day \\(L-R00001\\) +now KEPT \\(.*BROKEN -> REVISED -> KEPT")
                .containsPattern("NSF return after judgement \\(L-R00002\\) +now BROKEN")
                .containsPattern("quarantined promise row \\(L-R00003\\) +now OPEN \\(UNCONFIRMED")
                .containsPattern("blank Do Not Call \\(L-R00004\\) +do not call: yes \\(LeaseWorks; not allowed for want of a value: .*DO_NOT_CALL")
                .containsPattern("7 unanswered calls \\(L-R00005\\) +ATTEMPT_LIMIT.*\\[7 calls read]")
                .containsPattern("a conversation \\(L-R00006\\) +CONVERSATION_PAUSE.*\\[1 calls read]")
                .containsPattern("sold vehicle with a GPS device +[A-HJ-NPR-Z0-9]{17} SOLD: 0 locations requested on the last poll");
    }

    private static List<String> events(String leaseId) throws SQLException {
        try (Connection hub = DriverManager.getConnection(sandbox.options().hubUrl(), "sa", "")) {
            return RuleScenarios.strings(hub, "select type from promise_event where lease_id = ? order by sequence", leaseId);
        }
    }

    private static Map<String, Object> taskOf(String leaseId, String keyPrefix) {
        return sandbox.salesforce().records("Task").entrySet().stream().filter(e -> e.getKey() != null && e.getKey().startsWith(keyPrefix))
                .map(Map.Entry::getValue).findFirst().orElseThrow(() -> new AssertionError("no Task " + keyPrefix + "* of " + leaseId));
    }

    private static Map<String, Object> promiseInOrg(String leaseId) {
        return sandbox.salesforce().records("Promise_To_Pay__c").entrySet().stream().filter(e -> e.getKey().startsWith("PTP-" + leaseId))
                .map(Map.Entry::getValue).findFirst().orElseThrow();
    }

    private interface Row {
        void read(java.sql.ResultSet rs) throws SQLException;
    }

    private static void query(String sql, Row row) throws SQLException {
        try (Connection hub = DriverManager.getConnection(sandbox.options().hubUrl(), "sa", "");
             java.sql.ResultSet rs = hub.createStatement().executeQuery(sql)) {
            while (rs.next()) {
                row.read(rs);
            }
        }
    }
}
