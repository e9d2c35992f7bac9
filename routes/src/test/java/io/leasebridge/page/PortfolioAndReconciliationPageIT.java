package io.leasebridge.page;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.leasebridge.LeaseBridgeApplication;
import io.leasebridge.ingest.LeaseWorksExportIngest;
import io.leasebridge.salesforce.QueryableOrg;
import io.leasebridge.security.DevelopmentUsers;
import io.leasebridge.testing.HeadlessChromium;
import io.leasebridge.testing.HubTables;
import io.leasebridge.testing.LeaseWorksExports;
import io.leasebridge.testing.TestProperties;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The portfolio and reconciliation pages in headless Chromium: a viewer reads the charts (drawn on the server as SVG,
 * under the page's {@code default-src 'self'} policy) and their numbers; an operator reconciles now against an org
 * that lost a payment, sees it listed as missing in Salesforce, and sends it again from the page.
 */
@SpringBootTest(classes = LeaseBridgeApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class PortfolioAndReconciliationPageIT {

    private static final Path SCREENSHOT = Path.of("target", "reconciliation-page.png");
    private static final Path CHARTS_SCREENSHOT = Path.of("target", "portfolio-charts.png");
    private static final QueryableOrg org = new QueryableOrg();
    private static final WireMockServer salesforce = QueryableOrg.start(org);

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        TestProperties.parked(registry, salesforce, "reconciliation-page");
    }

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    LeaseWorksExportIngest ingest;

    @RegisterExtension
    final HeadlessChromium chromium = new HeadlessChromium();
    private WebDriver browser;

    @AfterAll
    static void stopSalesforce() {
        salesforce.stop();
    }

    @BeforeEach
    void browser() {
        browser = chromium.browser();
    }

    @Test
    void anOperatorReconcilesNowSeesThePaymentSalesforceLostAndSendsItAgain() throws IOException {
        HubTables.clear(jdbc);
        jdbc.update("delete from sf_outbox");
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        for (int i = 1; i <= 3; i++) {
            String id = "P-" + i;
            Timestamp now = Timestamp.from(Instant.now());
            jdbc.update("""
                    insert into sf_outbox (sobject, facet, external_id, payload, version, status, updated_at, delivered_at)
                    values ('Payment__c', '', ?, ?, 1, 'DELIVERED', ?, ?)""", id,
                    "{\"Amount__c\":" + (100 * i) + ".00,\"Received_Date__c\":\"" + today + "\"}", now, now);
            if (i != 2) {
                org.put("Payment__c", "LeaseWorks_Payment_Id__c", Map.of("LeaseWorks_Payment_Id__c", id,
                        "Amount__c", new BigDecimal(100 * i).setScale(2), "Received_Date__c", today.toString()));
            }
        }

        jdbc.update("delete from export_file_total");
        jdbc.update("""
                insert into export_file_total (file_key, export, run_id, total_day, measure, row_count, amount)
                values ('payments_today', 'payments', 1, ?, 'payment.amount', 3, 600.00)""", today);
        Timestamp quarantinedAt = Timestamp.from(Instant.now());
        jdbc.update("""
                insert into dead_letter (dedup_key, flow, record_type, record_key, reason, status, created_at, updated_at)
                values ('page-test-row', 'leaseworks-payments', 'payments row', 'payments_today.csv:4',
                        'Payment Amount is not a number', 'OPEN', ?, ?)""", quarantinedAt, quarantinedAt);

        chromium.signIn(url(""), "operator", DevelopmentUsers.OPERATOR_PASSWORD);
        chromium.clickThrough(browser.findElement(By.linkText("Reconciliation")));
        assertThat(browser.findElement(By.tagName("main")).getText()).contains("No reconciliation has run yet.");
        chromium.clickThrough(browser.findElement(By.id("reconcile-now")));

        assertThat(browser.findElement(By.id("reconciliation-summary")).getText()).contains("1 unexplained differences");
        assertThat(browser.findElement(By.id("object-Payment__c")).getText()).as("LeaseWorks goes by day, one row quarantined")
                .isEqualTo("Payment__c - - 3 600.00 2 400.00 0 0 0 1");
        assertThat(browser.findElement(By.id("reconciliation-days")).findElements(By.cssSelector("tbody tr")))
                .extracting(WebElement::getText).contains("Payment__c " + today + " 3 600.00 3 600.00 2 400.00 differs");
        WebElement missing = browser.findElement(By.id("difference-Payment__c-P-2"));
        assertThat(missing.getText()).contains("MISSING_IN_SALESFORCE");
        assertThat(missing.findElement(By.cssSelector("button.resend")).getText()).isEqualTo("Send again");
        chromium.clickThrough(missing.findElement(By.cssSelector("button.resend")));

        assertThat(browser.findElement(By.id("mend-outcome")).getText()).isEqualTo("Payment__c P-2 is queued to be sent again");
        assertThat(jdbc.queryForMap("select status, version from sf_outbox where external_id = 'P-2'"))
                .containsEntry("status", "PENDING").containsEntry("version", 2);

        assertThat(chromium.screenshot(SCREENSHOT)).isNotEmptyFile();
    }

    @Test
    void aViewerReadsTheBucketsOfEachWeekRollRatesPromisesRecoveriesAndDeliveriesInChartsWithTheirNumbers() throws IOException {
        HubTables.clear(jdbc);
        jdbc.update("delete from lease_dpd_history");
        jdbc.update("delete from promise");
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        LocalDate first = today.minusDays(41);
        LocalDate second = today.minusDays(6);
        ingest.ingest("accounts", "accounts_" + first.format(DateTimeFormatter.BASIC_ISO_DATE) + ".csv", LeaseWorksExports.accounts()
                .lease("C-1", "Ada Lovelace", "L-1", 0, "jdoe").lease("C-2", "Grace Hopper", "L-2", 45, "asmith").stream());
        ingest.ingest("accounts", "accounts_" + second.format(DateTimeFormatter.BASIC_ISO_DATE) + ".csv", LeaseWorksExports.accounts()
                .lease("C-1", "Ada Lovelace", "L-1", 12, "jdoe").lease("C-2", "Grace Hopper", "L-2", 95, "asmith").stream());
        promise("PR-1", "BROKEN", today);
        promise("PR-2", "KEPT", today.minusDays(8));
        Timestamp now = Timestamp.from(Instant.now());
        jdbc.update("""
                insert into repo_case (case_id, case_number, lease_id, status, agent_fee, sale_price, updated_at)
                values ('500D000000Rp1AAAAZ', '00001027', 'L-2', 'SOLD', 350.00, 9100.00, ?),
                       ('500D000000Rp2AAAAZ', '00001028', 'L-1', 'ORDERED', 400.00, null, ?)""", now, now);

        chromium.signIn(url(""), "viewer", DevelopmentUsers.VIEWER_PASSWORD);
        chromium.clickThrough(browser.findElement(By.linkText("Portfolio")));

        WebElement buckets = browser.findElement(By.id("chart-dpd-buckets"));
        WebElement chart = buckets.findElement(By.cssSelector("svg.chart"));
        assertThat(chart.isDisplayed()).isTrue();
        assertThat(chart.getSize().getHeight()).isGreaterThan(100);
        assertThat(buckets.findElements(By.cssSelector("svg rect.bar"))).as("a bar per bucket and week").hasSize(5 * 12);
        assertThat(rows("chart-dpd-buckets")).hasSize(12).startsWith(today.minusWeeks(11) + " 0 0 0 0 0")
                .contains(today.minusWeeks(5) + " 1 0 1 0 0", today.minusWeeks(1) + " 1 0 1 0 0").endsWith(today + " 0 1 0 0 1");
        assertThat(rows("chart-dpd-balance")).contains(today.minusWeeks(1) + " 18000.00 0.00 18000.00 0.00 0.00",
                today + " 0.00 18000.00 0.00 0.00 18000.00");
        assertThat(rows("chart-roll-rates")).contains(YearMonth.from(second) + " current 1 1 0 0 1.0000 0.0000",
                YearMonth.from(second) + " 31-60 1 1 0 0 1.0000 0.0000");
        assertThat(rows("chart-broken-promises")).endsWith(today.minusWeeks(1) + " 0 0 1", today + " 1 0 0");
        assertThat(rows("chart-recovery-outcomes")).containsExactly("ORDERED 1 400.00 0.00", "SOLD 1 350.00 9100.00");
        assertThat(rows("chart-recovery-costs")).contains("SOLD 1 350.00 9100.00");
        assertThat(rows("chart-delivery")).anySatisfy(row -> assertThat(row).startsWith("leaseworks-accounts 2 4 0 0 0"));
        assertThat(rows("chart-delivery-runs")).filteredOn(row -> row.contains("leaseworks-accounts SUCCEEDED")).hasSize(2)
                .allSatisfy(row -> assertThat(row).endsWith(" 2 0 0 0 0"));
        assertThat(browser.findElement(By.id("chart-delivery-runs")).findElement(By.tagName("caption")).getText())
                .isEqualTo("Records and API calls of the latest 15 runs: the numbers");

        assertThat(chromium.screenshot(CHARTS_SCREENSHOT)).isNotEmptyFile();
    }

    private List<String> rows(String chart) {
        return browser.findElement(By.id(chart)).findElements(By.cssSelector("tbody tr")).stream().map(WebElement::getText).toList();
    }

    private void promise(String id, String status, LocalDate judgedOn) {
        jdbc.update("""
                insert into promise (promise_id, lease_id, amount, promised_date, made_on, made_by, status, amount_applied,
                                     judged_on, amended_count, last_sequence)
                values (?, 'L-1', 100.00, ?, ?, 'jdoe', ?, 0, ?, 0, 1)""", id, judgedOn.minusDays(3), judgedOn.minusDays(10), status, judgedOn);
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }
}
