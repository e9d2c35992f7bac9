package io.leasebridge.quickbooks;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.leasebridge.LeaseBridgeApplication;
import io.leasebridge.reconcile.Difference;
import io.leasebridge.reconcile.Difference.Kind;
import io.leasebridge.reconcile.ObjectCheck;
import io.leasebridge.reconcile.SystemsReconciliation;
import io.leasebridge.reconcile.SystemsReport;
import io.leasebridge.salesforce.SalesforceWireMock;
import io.leasebridge.testing.HubTables;
import io.leasebridge.testing.TestProperties;
import org.apache.camel.test.spring.junit5.CamelSpringBootTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Base64;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.notContaining;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.leasebridge.quickbooks.QuickBooksWireMock.API;
import static io.leasebridge.quickbooks.QuickBooksWireMock.TOKEN_PATH;
import static io.leasebridge.quickbooks.QuickBooksWireMock.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * The reconciliation asks QuickBooks for the documents of the last days, one query per entity and page
 * ({@code QueryResponse} as QuickBooks answers it), and lists each document LeaseBridge posted that is gone, voided
 * or changed there; documents others entered are not LeaseBridge's to count.
 */
@CamelSpringBootTest
@SpringBootTest(classes = LeaseBridgeApplication.class)
class QuickBooksHoldingsReconciliationTest {

    private static final WireMockServer salesforce = SalesforceWireMock.start();
    private static final WireMockServer quickbooks = QuickBooksWireMock.start();
    private static final LocalDate TODAY = LocalDate.now(ZoneOffset.UTC);
    private static final String BILLS_SINCE = "select * from Bill where TxnDate >= '" + TODAY.minusDays(6) + "' STARTPOSITION 1 MAXRESULTS 1000";

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        TestProperties.parked(registry, salesforce, "quickbooks-reconciliation");
        registry.add("leasebridge.quickbooks.base-url", quickbooks::baseUrl);
        registry.add("leasebridge.quickbooks.token-url", () -> quickbooks.baseUrl() + TOKEN_PATH);
        registry.add("leasebridge.quickbooks.realm-id", () -> QuickBooksWireMock.REALM);
        registry.add("leasebridge.quickbooks.client-id", () -> "ABtestClientId");
        registry.add("leasebridge.quickbooks.client-secret", () -> "test-client-secret");
        registry.add("leasebridge.quickbooks.refresh-token", () -> "RT-initial");
        registry.add("leasebridge.quickbooks.token-encryption-key",
                () -> Base64.getEncoder().encodeToString("0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.US_ASCII)));
        registry.add("leasebridge.schedules.quickbooks-postings", () -> TestProperties.NEVER);
    }

    @Autowired
    SystemsReconciliation reconciliation;
    @Autowired
    QuickBooksPostingRun postings;
    @Autowired
    JdbcTemplate jdbc;

    @AfterAll
    static void stop() {
        salesforce.stop();
        quickbooks.stop();
    }

    @BeforeEach
    void emptyHubAndCompany() {
        HubTables.clear(jdbc);
        jdbc.update("delete from qb_outbox");
        jdbc.update("delete from qb_vendor");
        quickbooks.resetAll();
        quickbooks.stubFor(post(urlPathEqualTo(TOKEN_PATH)).willReturn(json(200, "token.json")));
        quickbooks.stubFor(get(urlPathEqualTo(API + "/query")).atPriority(9).willReturn(json(200, "query-empty.json")));
        quickbooks.stubFor(get(urlPathEqualTo(API + "/query")).withQueryParam("query", equalTo(BILLS_SINCE))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json;charset=UTF-8")
                        .withBody(QuickBooksWireMock.body("bill-query-recent.json").replace("{{day}}", TODAY.minusDays(1).toString()))));
    }

    @Test
    void aBillVoidedDeletedOrChangedInQuickBooksIsListedAndAPendingOneExplainsItself() {
        bill("RO-1001", "146", "1250.00", "CONFIRMED");
        bill("RO-1002", "147", "300.00", "CONFIRMED");
        bill("RO-1003", "148", "80.00", "CONFIRMED");
        bill("RO-1004", "149", "99.00", "CONFIRMED");
        bill("RO-1005", null, "10.00", "PENDING");

        SystemsReport report = reconciliation.reconcile();

        ObjectCheck bills = report.quickBooks().stream().filter(c -> c.object().equals("Bill")).findFirst().orElseThrow();
        assertThat(bills.differences()).extracting(Difference::key, Difference::kind).containsExactlyInAnyOrder(
                tuple("RO-1002", Kind.VOIDED_IN_QUICKBOOKS), tuple("RO-1003", Kind.MISSING_IN_QUICKBOOKS),
                tuple("RO-1004", Kind.CHANGED_IN_QUICKBOOKS), tuple("RO-1005", Kind.PENDING));
        assertThat(bills.differences()).filteredOn(d -> d.kind() == Kind.CHANGED_IN_QUICKBOOKS).singleElement()
                .extracting(Difference::detail).isEqualTo("TotalAmt is 120.0 in QuickBooks, 99.00 as posted");
        assertThat(bills.hub().count()).isEqualTo(4);
        assertThat(bills.target().count()).as("LeaseBridge's documents QuickBooks holds, MANUAL-1 not counted").isEqualTo(3);
        assertThat(bills.pending()).isEqualTo(1);
        assertThat(report.unexplained()).isEqualTo(3);
        assertThat(report.quickBooksCalls()).as("one query for every Bill of the days").isEqualTo(1);
        quickbooks.verify(1, getRequestedFor(urlPathEqualTo(API + "/query")).withQueryParam("query", equalTo(BILLS_SINCE))
                .withQueryParam("minorversion", equalTo("75")));
    }

    @Test
    void whenQuickBooksHoldsEveryDocumentAsPostedNothingDiffers() {
        bill("RO-1001", "146", "1250.00", "CONFIRMED");

        SystemsReport report = reconciliation.reconcile();

        assertThat(report.unexplained()).isZero();
        ObjectCheck bills = report.quickBooks().get(0);
        assertThat(bills.differences()).isEmpty();
        assertThat(bills.days()).singleElement().satisfies(day -> {
            assertThat(day.matches()).isTrue();
            assertThat(day.hub().amount()).isEqualByComparingTo("1250.00");
        });
    }

    @Test
    void anOperatorHasABillVoidedOrDeletedInQuickBooksPostedAgainAsANewDocumentUnderARequestIdOfItsOwn() {
        bill("RO-1002", "147", "300.00", "CONFIRMED");
        bill("RO-1003", "148", "80.00", "CONFIRMED");
        jdbc.update("insert into qb_vendor (display_name, qb_id, updated_at) values ('Midwest Truck Repair', '77', ?)",
                Timestamp.from(Instant.now()));
        repostAnswers("rq-RO-1002-r1", "151", "RO-1002", "300.00");
        repostAnswers("rq-RO-1003-r1", "152", "RO-1003", "80.00");

        SystemsReport report = reconciliation.reconcile();
        assertThat(report.quickBooks().get(0).differences()).extracting(Difference::key, Difference::kind, Difference::mendable)
                .containsExactlyInAnyOrder(tuple("RO-1002", Kind.VOIDED_IN_QUICKBOOKS, true), tuple("RO-1003", Kind.MISSING_IN_QUICKBOOKS, true));

        assertThat(reconciliation.resend("QuickBooks", "Bill", "RO-1002")).isTrue();
        assertThat(reconciliation.resend("QuickBooks", "Bill", "RO-1003")).isTrue();
        assertThat(reconciliation.resend("QuickBooks", "Bill", "RO-1002")).as("already on its way").isFalse();
        assertThat(reconciliation.resend("QuickBooks", "Bill", "RO-9999")).as("never posted").isFalse();
        assertThat(jdbc.queryForList("select status || ' ' || coalesce(qb_id, '-') || ' ' || reposts from qb_outbox order by doc_number",
                String.class)).containsExactly("PENDING - 1", "PENDING - 1");

        QuickBooksRunReport run = postings.run();

        assertThat(run.confirmed()).isEqualTo(2);
        assertThat(jdbc.queryForList("select doc_number || ' ' || status || ' ' || qb_id || ' ' || qb_amount from qb_outbox order by doc_number",
                String.class)).containsExactly("RO-1002 CONFIRMED 151 300.00", "RO-1003 CONFIRMED 152 80.00");
        quickbooks.verify(1, postRequestedFor(urlPathEqualTo(API + "/bill")).withQueryParam("requestid", equalTo("rq-RO-1002-r1"))
                .withQueryParam("minorversion", equalTo("75"))
                .withRequestBody(matchingJsonPath("$.DocNumber", equalTo("RO-1002")))
                .withRequestBody(matchingJsonPath("$.VendorRef.value", equalTo("77")))
                .withRequestBody(notContaining("\"Id\"")));
        quickbooks.verify(0, postRequestedFor(urlPathEqualTo(API + "/bill")).withQueryParam("requestid", equalTo("rq-RO-1002")));
        quickbooks.verify(0, postRequestedFor(urlPathEqualTo(API + "/bill")).withRequestBody(containing("\"sparse\"")));
    }

    /** QuickBooks creates the Bill posted again under this requestid, with a new Id. */
    private void repostAnswers(String requestId, String id, String docNumber, String amount) {
        quickbooks.stubFor(post(urlPathEqualTo(API + "/bill")).withQueryParam("requestid", equalTo(requestId))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json;charset=UTF-8")
                        .withBody(QuickBooksWireMock.body("bill-reposted.json").replace("{{id}}", id).replace("{{doc}}", docNumber)
                                .replace("{{day}}", TODAY.minusDays(1).toString()).replace("{{amount}}", amount))));
    }

    private void bill(String docNumber, String qbId, String amount, String status) {
        Timestamp now = Timestamp.from(Instant.now());
        jdbc.update("""
                insert into qb_outbox (request_id, posting_type, entity, source_key, doc_number, txn_date, amount, vendor_name, payload,
                                       payload_hash, status, qb_id, sync_token, qb_amount, created_at, updated_at)
                values (?, 'WORK_ORDER_BILL', 'Bill', ?, ?, ?, ?, 'Midwest Truck Repair', ?, 'h', ?, ?, '0', ?, ?, ?)""",
                "rq-" + docNumber, docNumber, docNumber, Date.valueOf(TODAY.minusDays(1)), new BigDecimal(amount),
                "{\"DocNumber\":\"" + docNumber + "\",\"TxnDate\":\"" + TODAY.minusDays(1) + "\",\"Line\":[{\"Amount\":" + amount
                        + ",\"DetailType\":\"AccountBasedExpenseLineDetail\",\"AccountBasedExpenseLineDetail\":{\"AccountRef\":{\"value\":\"60\"}}}]}",
                status, qbId,
                qbId == null ? null : new BigDecimal(amount), now, now);
    }
}
