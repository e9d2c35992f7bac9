package io.leasebridge.page;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.leasebridge.LeaseBridgeApplication;
import io.leasebridge.ingest.LeaseWorksExportIngest;
import io.leasebridge.promises.PromiseJudgement;
import io.leasebridge.salesforce.DrainReport;
import io.leasebridge.salesforce.SalesforceOutboxDrainRoute;
import io.leasebridge.salesforce.SalesforceWireMock;
import io.leasebridge.security.DevelopmentUsers;
import io.leasebridge.testing.HeadlessChromium;
import io.leasebridge.testing.HubTables;
import io.leasebridge.testing.LeaseWorksExports;
import io.leasebridge.testing.TestProperties;
import org.apache.camel.ProducerTemplate;
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
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;

import static com.github.tomakehurst.wiremock.client.WireMock.patch;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static io.leasebridge.salesforce.SalesforceWireMock.body;
import static io.leasebridge.salesforce.SalesforceWireMock.json;
import static io.leasebridge.salesforce.SalesforceWireMock.upsertPath;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The admin page in Debian's headless Chromium: an operator signs in with the form, opens the dead-letter queue,
 * replays the record Salesforce refused, and sees it marked REPLAYED. Chromium and its driver come from the
 * {@code chromium} and {@code chromium-driver} packages ({@code .ci/run} installs them); without them the test is
 * skipped on a workstation and fails in CI. Selenium Manager never runs: binary and driver are named.
 */
@SpringBootTest(classes = LeaseBridgeApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class AdminPageIT {

    private static final Path SCREENSHOT = Path.of("target", "admin-page-dead-letters.png");
    private static final WireMockServer salesforce = SalesforceWireMock.start();
    private static final Path inbox = tempDir("admin-page-inbox");

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        TestProperties.parked(registry, salesforce, "admin-page");
        registry.add("leasebridge.leaseworks.inbox", inbox::toString);
    }

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    LeaseWorksExportIngest ingest;
    @Autowired
    ProducerTemplate producer;
    @Autowired
    PromiseJudgement judgement;

    @RegisterExtension
    final HeadlessChromium chromium = new HeadlessChromium();
    private WebDriver browser;

    @BeforeEach
    void browser() {
        browser = chromium.browser();
    }

    @AfterAll
    static void stopSalesforce() {
        salesforce.stop();
    }

    @Test
    void anOperatorSignsInAndReplaysTheRecordSalesforceRefused() throws IOException {
        long id = deadLetterSalesforceRefused();
        // the duplicate was merged away in Salesforce: the same record now goes through
        salesforce.stubFor(patch(urlPathEqualTo(upsertPath("Account", "LeaseWorks_Customer_Id__c")))
                .willReturn(json(200, body("all-succeed-results.json"))));

        signIn("operator", DevelopmentUsers.OPERATOR_PASSWORD);
        assertThat(browser.getCurrentUrl()).isEqualTo(url("/"));
        assertThat(browser.findElement(By.id("flow-salesforce-outbox-drain")).getText()).doesNotContain("never ran");

        chromium.clickThrough(browser.findElement(By.linkText("Dead letters")));
        WebElement entry = browser.findElement(By.id("dead-letter-" + id));
        assertThat(entry.findElement(By.cssSelector(".status")).getText()).isEqualTo("OPEN");
        assertThat(entry.getText()).contains("DUPLICATE_VALUE").contains("Account C-3").doesNotContain("DUPLICATE Co");
        chromium.clickThrough(entry.findElement(By.cssSelector("button.replay")));

        assertThat(browser.getCurrentUrl()).startsWith(url("/dead-letters"));
        assertThat(browser.findElement(By.id("replay-outcome")).getText()).startsWith("Dead letter " + id + ": replayed, now REPLAYED");
        entry = browser.findElement(By.id("dead-letter-" + id));
        assertThat(entry.findElement(By.cssSelector(".status")).getText()).isEqualTo("REPLAYED");
        assertThat(entry.findElements(By.cssSelector("button.replay"))).isEmpty();
        assertThat(jdbc.queryForObject("select status from dead_letter where id = ?", String.class, id)).isEqualTo("REPLAYED");
        producer.requestBody(SalesforceOutboxDrainRoute.DRAIN, null, DrainReport.class);
        assertThat(jdbc.queryForObject("select status from sf_outbox where external_id = 'C-3'", String.class)).isEqualTo("DELIVERED");

        assertThat(chromium.screenshot(SCREENSHOT)).isNotEmptyFile();
    }

    @Test
    void aViewerSeesRunsTheQueueWithoutReplayButtonsAndAnAccountsPromiseTimeline() {
        long id = deadLetterSalesforceRefused();
        ingest.ingest("promises", "promises_20260301.csv",
                LeaseWorksExports.promises().promise("L-4", "300.00", "03/10/2026", "jdoe", "03/01/2026 09:30").stream());
        ingest.ingest("payments", "payments_20260305.csv", LeaseWorksExports.payments().payment("P-1", "L-4", "300.00", "03/05/2026").stream());
        judgement.judge(LocalDate.parse("2026-03-12"));
        java.sql.Timestamp at = java.sql.Timestamp.from(java.time.Instant.parse("2026-03-02T15:00:00Z"));
        jdbc.update("""
                insert into vehicle (vin, lease_id, model_year, make, model, disposition, content_hash, updated_at)
                values ('1FTFW1ET9DFC10312', 'L-4', 2013, 'Ford', 'F-150', 'PENDING', 'h', ?)""", at);
        jdbc.update("insert into repo_case (case_id, case_number, vin, status, updated_at) values ('500D000000Rp1AAAAZ', '00001027', "
                + "'1FTFW1ET9DFC10312', 'PENDING', ?)", at);
        jdbc.update("""
                insert into repo_case_event (case_id, from_status, to_status, changed_at, changed_by, outcome, action, recorded_at)
                values ('500D000000Rp1AAAAZ', null, 'PENDING', ?, 'Rita Alvarez', 'APPLIED', 'vehicle disposition PENDING', ?)""", at, at);

        for (int i = 0; i < 7; i++) {
            jdbc.update("insert into call_attempt (activity_id, lease_id, attempted_at, conversation, read_at) values (?, 'L-4', ?, false, ?)",
                    "00TD00000C000" + i + "AAA", java.sql.Timestamp.from(java.time.Instant.now().minus(java.time.Duration.ofHours(20L * (i + 1)))),
                    java.sql.Timestamp.from(java.time.Instant.now()));
        }

        signIn("viewer", DevelopmentUsers.VIEWER_PASSWORD);
        chromium.clickThrough(browser.findElement(By.linkText("Runs")));
        assertThat(browser.findElement(By.tagName("main")).getText()).contains("salesforce-outbox-drain");

        chromium.clickThrough(browser.findElement(By.linkText("Dead letters")));
        WebElement entry = browser.findElement(By.id("dead-letter-" + id));
        assertThat(entry.findElement(By.cssSelector(".status")).getText()).isEqualTo("OPEN");
        assertThat(browser.findElements(By.cssSelector("button.replay"))).isEmpty();

        browser.get(url("/accounts/L-4"));
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Lease L-4");
        assertThat(browser.findElements(By.cssSelector("#promise-timeline > li")))
                .extracting(WebElement::getText)
                .satisfiesExactly(
                        made -> assertThat(made).startsWith("2026-03-01 MADE").contains("amount 300.00").contains("due 2026-03-10"),
                        applied -> assertThat(applied).contains("PAYMENT_APPLIED").contains("payment P-1"),
                        kept -> assertThat(kept).contains("KEPT"));
        assertThat(browser.findElement(By.id("contact-limits")).getText())
                .contains("not allowed", "ATTEMPT_LIMIT: 7 call attempts within 7 days", "Call attempts, last 7 days\n7");
        WebElement vehicle = browser.findElement(By.id("vehicle-1FTFW1ET9DFC10312"));
        assertThat(vehicle.getText()).contains("2013 Ford F-150", "PENDING", "no device");
        assertThat(browser.findElement(By.id("repo-case-00001027")).getText())
                .contains("Repossession case 00001027: PENDING", "new -> PENDING", "APPLIED", "by Rita Alvarez");
    }

    private void signIn(String user, String password) {
        chromium.signIn(url(""), user, password);
    }

    /** A customer named "DUPLICATE Co": the templated WireMock body refuses its Account with DUPLICATE_VALUE. */
    private long deadLetterSalesforceRefused() {
        HubTables.clear(jdbc);
        jdbc.update("delete from promise_event");
        jdbc.update("delete from promise");
        salesforce.resetAll();
        SalesforceWireMock.stubLogin(salesforce);
        salesforce.stubFor(patch(urlPathMatching("/services/data/v62.0/composite/sobjects/.*"))
                .willReturn(json(200, body("collections-upsert-results.json"))));
        ingest.ingest("accounts", "accounts_1.csv", LeaseWorksExports.accounts().lease("C-3", "DUPLICATE Co", "L-4", 95).stream());
        producer.requestBody(SalesforceOutboxDrainRoute.DRAIN, null, DrainReport.class);
        return jdbc.queryForObject("select id from dead_letter where record_key = 'C-3' and status = 'OPEN'", Long.class);
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }

    private static Path tempDir(String prefix) {
        try {
            return Files.createTempDirectory(prefix);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
