package io.leasebridge.reconcile;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.leasebridge.LeaseBridgeApplication;
import io.leasebridge.reconcile.Difference.Kind;
import io.leasebridge.reconcile.RepoCaseCheck.Delivery;
import io.leasebridge.salesforce.QueryableOrg;
import io.leasebridge.security.DevelopmentUsers;
import io.leasebridge.testing.HubTables;
import io.leasebridge.testing.TestProperties;
import org.apache.camel.test.spring.junit5.CamelSpringBootTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The reconciliation shows each repossession case's recovery costs with their Bills' state in QuickBooks, its final
 * account review, and whether the resale JournalEntry and the LeaseWorks adjustment went out; a case with something
 * still on its way is listed with the reason.
 */
@CamelSpringBootTest
@SpringBootTest(classes = LeaseBridgeApplication.class)
@AutoConfigureMockMvc
class RepoCaseReconciliationTest {

    private static final QueryableOrg org = new QueryableOrg();
    private static final WireMockServer salesforce = QueryableOrg.start(org);
    private static final LocalDate TODAY = LocalDate.now(ZoneOffset.UTC);

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        TestProperties.parked(registry, salesforce, "repo-reconciliation");
    }

    @Autowired
    SystemsReconciliation reconciliation;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    MockMvc mvc;

    @AfterAll
    static void stopSalesforce() {
        salesforce.stop();
    }

    @BeforeEach
    void twoSoldCases() {
        HubTables.clear(jdbc);
        jdbc.update("delete from sf_outbox");
        org.clear();
        // 00001001: payoff 18000.00 + costs 2000.00 - proceeds 16500.00 = deficiency 3500.00, everything delivered
        repoCase("500A1", "00001001");
        cost("a0C01", "500A1", "TRANSPORT", "450.00", "SALESFORCE");
        cost("AGENT_FEE-500A1", "500A1", "AGENT_FEE", "350.00", "CASE");
        cost("REPAIR-RO-77", "500A1", "REPAIR", "1200.00", "FLEETROCK");
        posting("RECOVERY_COST_BILL", "Bill", "a0C01", "450.00", "CONFIRMED");
        posting("AGENT_FEE_BILL", "Bill", "500A1", "350.00", "CONFIRMED");
        posting("WORK_ORDER_BILL", "Bill", "RO-77", "1200.00", "CONFIRMED");
        review("500A1", "00001001", "18000.00", "2000.00", "16500.00", "3500.00", "0.00");
        posting("RESALE_JOURNAL_ENTRY", "JournalEntry", "500A1", "30000.00", "CONFIRMED");
        adjustment("500A1", "00001001", "DEFICIENCY", "3500.00", true);
        // 00001002: payoff 9000.00 + costs 375.00 - proceeds 10000.00 = surplus 625.00; the storage Bill is not posted yet
        repoCase("500A2", "00001002");
        cost("a0C02", "500A2", "STORAGE", "300.00", "SALESFORCE");
        cost("a0C03", "500A2", "TITLE_FEE", "75.00", "SALESFORCE");
        posting("RECOVERY_COST_BILL", "Bill", "a0C02", "300.00", "PENDING");
        posting("RECOVERY_COST_BILL", "Bill", "a0C03", "75.00", "CONFIRMED");
        review("500A2", "00001002", "9000.00", "375.00", "10000.00", "0.00", "625.00");
        posting("RESALE_JOURNAL_ENTRY", "JournalEntry", "500A2", "18000.00", "CONFIRMED");
        adjustment("500A2", "00001002", "SURPLUS", "625.00", true);
        // a work order on no case is not a repossession's
        posting("WORK_ORDER_BILL", "Bill", "RO-99", "99.00", "PENDING");
    }

    @Test
    void eachCaseShowsItsCostsBillsReviewAndDeliveriesAndACaseWithAPendingBillIsADifference() {
        SystemsReport report = reconciliation.reconcile();

        assertThat(report.repoCases()).extracting(RepoCaseCheck::name, c -> c.costs().count(), c -> c.costs().amount(),
                        RepoCaseCheck::billsPosted, RepoCaseCheck::billsPending, RepoCaseCheck::billsRefused, RepoCaseCheck::deficiency,
                        RepoCaseCheck::surplus, RepoCaseCheck::resaleJournalEntry, RepoCaseCheck::adjustment, RepoCaseCheck::delivered)
                .containsExactly(
                        tuple("00001001", 3L, new BigDecimal("2000.00"), 3L, 0L, 0L, new BigDecimal("3500.00"), new BigDecimal("0.00"),
                                Delivery.DELIVERED, Delivery.DELIVERED, true),
                        tuple("00001002", 2L, new BigDecimal("375.00"), 1L, 1L, 0L, new BigDecimal("0.00"), new BigDecimal("625.00"),
                                Delivery.DELIVERED, Delivery.DELIVERED, false));
        assertThat(report.repoCases().get(1).differences()).extracting(Difference::system, Difference::object, Difference::key,
                Difference::kind, Difference::detail).containsExactly(tuple("QuickBooks", "Bill", "00001002", Kind.PENDING,
                "STORAGE 300.00 (a0C02): its Bill waits to be posted"));
        assertThat(report.unexplained()).as("a Bill on its way explains itself").isZero();

        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        report.print(new PrintStream(printed, true, StandardCharsets.UTF_8));
        assertThat(printed.toString(StandardCharsets.UTF_8))
                .containsPattern("00001001 +3 +2000\\.00 +3/0/0 +deficiency 3500\\.00 +DELIVERED +DELIVERED")
                .containsPattern("00001002 +2 +375\\.00 +1/1/0 +surplus 625\\.00 +DELIVERED +DELIVERED")
                .contains("PENDING case 00001002 Bill: STORAGE 300.00 (a0C02): its Bill waits to be posted");
    }

    @Test
    void aResaleRefusedByQuickBooksAndAnAdjustmentNotWrittenYetAreDifferencesOfTheApiAndThePage() throws Exception {
        jdbc.update("update qb_outbox set status = 'FAILED', error = 'Account is inactive' where request_id = 'rq-RESALE_JOURNAL_ENTRY-500A1'");
        jdbc.update("update repo_adjustment set file_name = 'LW-ADJ-1.csv', written_at = null where case_id = '500A1'");
        reconciliation.reconcile();

        mvc.perform(get("/api/reconciliation/systems").with(DevelopmentUsers.viewer()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.repoCases[0].caseNumber").value("00001001"))
                .andExpect(jsonPath("$.repoCases[0].costs.amount").value(2000.00))
                .andExpect(jsonPath("$.repoCases[0].deficiency").value(3500.00))
                .andExpect(jsonPath("$.repoCases[0].resaleJournalEntry").value("REFUSED"))
                .andExpect(jsonPath("$.repoCases[0].adjustment").value("PENDING"))
                .andExpect(jsonPath("$.repoCases[0].differences[0].kind").value("REFUSED"))
                .andExpect(jsonPath("$.repoCases[0].differences[0].detail")
                        .value("the resale JournalEntry was refused by QuickBooks: Account is inactive"))
                .andExpect(jsonPath("$.repoCases[0].differences[1].system").value("LeaseWorks"))
                .andExpect(jsonPath("$.repoCases[0].differences[1].detail")
                        .value("the lease adjustment is in import file LW-ADJ-1.csv, not written yet"))
                .andExpect(jsonPath("$.repoCases[1].surplus").value(625.00))
                .andExpect(jsonPath("$.repoCases[1].billsPending").value(1));

        mvc.perform(get("/reconciliation").with(user("viewer").roles("VIEWER")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"repo-case-00001001\"")))
                .andExpect(content().string(containsString(
                        "LeaseWorks Lease adjustment: the lease adjustment is in import file LW-ADJ-1.csv, not written yet")));
    }

    private void repoCase(String caseId, String caseNumber) {
        jdbc.update("insert into repo_case (case_id, case_number, status, updated_at) values (?, ?, 'CLOSED', ?)", caseId, caseNumber,
                Timestamp.from(Instant.now()));
    }

    private void cost(String key, String caseId, String type, String amount, String source) {
        jdbc.update("""
                insert into recovery_cost (cost_key, case_id, cost_type, vendor, amount, cost_date, source, updated_at)
                values (?, ?, ?, 'Midwest Recovery', ?, ?, ?, ?)""", key, caseId, type, new BigDecimal(amount),
                Date.valueOf(TODAY.minusDays(3)), source, Timestamp.from(Instant.now()));
    }

    private void posting(String type, String entity, String sourceKey, String amount, String status) {
        Timestamp now = Timestamp.from(Instant.now());
        boolean confirmed = "CONFIRMED".equals(status);
        jdbc.update("""
                insert into qb_outbox (request_id, posting_type, entity, source_key, doc_number, txn_date, amount, payload, payload_hash,
                                       status, qb_id, qb_amount, created_at, updated_at)
                values (?, ?, ?, ?, ?, ?, ?, '{}', 'h', ?, ?, ?, ?, ?)""",
                "rq-" + type + "-" + sourceKey, type, entity, sourceKey, sourceKey, Date.valueOf(TODAY.minusDays(2)), new BigDecimal(amount),
                status, confirmed ? "qb-" + sourceKey : null, confirmed ? new BigDecimal(amount) : null, now, now);
    }

    private void review(String caseId, String caseNumber, String payoff, String costs, String proceeds, String deficiency, String surplus) {
        jdbc.update("""
                insert into repo_review (case_id, case_number, lease_id, payoff_at_recovery, total_costs, net_proceeds, deficiency, surplus,
                                         review, reviewed_at) values (?, ?, ?, ?, ?, ?, ?, ?, 'reviewed', ?)""",
                caseId, caseNumber, "L-" + caseId, new BigDecimal(payoff), new BigDecimal(costs), new BigDecimal(proceeds),
                new BigDecimal(deficiency), new BigDecimal(surplus), Timestamp.from(Instant.now()));
    }

    private void adjustment(String caseId, String caseNumber, String kind, String amount, boolean written) {
        Timestamp now = Timestamp.from(Instant.now());
        jdbc.update("""
                insert into repo_adjustment (case_id, lease_id, case_number, kind, amount, payoff_at_recovery, recovery_costs, net_proceeds,
                                             queued_at, file_name, written_at) values (?, ?, ?, ?, ?, 0, 0, 0, ?, ?, ?)""",
                caseId, "L-" + caseId, caseNumber, kind, new BigDecimal(amount), now, written ? "LW-ADJ-0.csv" : null, written ? now : null);
    }
}
