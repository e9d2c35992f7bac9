package io.leasebridge.page;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.leasebridge.LeaseBridgeApplication;
import io.leasebridge.ingest.LeaseWorksExportIngest;
import io.leasebridge.salesforce.QueryableOrg;
import io.leasebridge.security.DevelopmentUsers;
import io.leasebridge.testing.HubTables;
import io.leasebridge.testing.LeaseWorksExports;
import io.leasebridge.testing.TestProperties;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.io.File;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The portfolio and reconciliation pages in headless Chromium: a viewer reads the charts (drawn on the server as SVG,
 * under the page's {@code default-src 'self'} policy) and their numbers; an operator reconciles now against an org
 * that lost a payment, sees it listed as missing in Salesforce, and sends it again from the page.
 */
@SpringBootTest(classes = LeaseBridgeApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class PortfolioAndReconciliationPageIT {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
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

    private WebDriver browser;
    private Path profile;

    @AfterAll
    static void stopSalesforce() {
        salesforce.stop();
    }

    @BeforeEach
    void chromium() throws IOException {
        boolean installed = Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
        if (!installed && "true".equals(System.getenv("CI"))) {
            fail(CHROMIUM + " or " + CHROMEDRIVER + " is missing: .ci/run installs the chromium and chromium-driver packages");
        }
        assumeTrue(installed, CHROMIUM + " or " + CHROMEDRIVER + " is missing (apt-get install chromium chromium-driver)");
        System.setProperty("webdriver.chrome.driver", CHROMEDRIVER.toString());
        profile = Files.createTempDirectory("reconciliation-page-chromium");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--window-size=1400,900", "--user-data-dir=" + profile);
        ChromeDriverService driver = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort().build();
        browser = new ChromeDriver(driver, options);
        browser.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
    }

    @AfterEach
    void closeChromium() throws IOException {
        if (browser != null) {
            browser.quit();
        }
        if (profile != null) {
            try (Stream<Path> files = Files.walk(profile)) {
                files.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
            }
        }
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

        signIn("operator", DevelopmentUsers.OPERATOR_PASSWORD);
        browser.findElement(By.linkText("Reconciliation")).click();
        assertThat(browser.findElement(By.tagName("main")).getText()).contains("No reconciliation has run yet.");
        browser.findElement(By.id("reconcile-now")).click();

        assertThat(browser.findElement(By.id("reconciliation-summary")).getText()).contains("1 unexplained differences");
        assertThat(browser.findElement(By.id("object-Payment__c")).getText()).contains("Payment__c 3 600.00 2 400.00");
        WebElement missing = browser.findElement(By.id("difference-Payment__c-P-2"));
        assertThat(missing.getText()).contains("MISSING_IN_SALESFORCE");
        missing.findElement(By.cssSelector("button.resend")).click();

        assertThat(browser.findElement(By.id("mend-outcome")).getText()).isEqualTo("Payment__c P-2 is queued to be sent again");
        assertThat(jdbc.queryForMap("select status, version from sf_outbox where external_id = 'P-2'"))
                .containsEntry("status", "PENDING").containsEntry("version", 2);

        Files.createDirectories(SCREENSHOT.getParent());
        Files.copy(((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE).toPath(), SCREENSHOT, StandardCopyOption.REPLACE_EXISTING);
        assertThat(SCREENSHOT).isNotEmptyFile();
    }

    @Test
    void aViewerReadsTheDaysPastDueBucketsOfEachMonthAndRecordsPerFlowInChartsWithTheirNumbers() throws IOException {
        HubTables.clear(jdbc);
        jdbc.update("delete from lease_dpd_history");
        LocalDate first = LocalDate.now(ZoneOffset.UTC).minusMonths(2).withDayOfMonth(15);
        LocalDate second = first.plusMonths(1);
        ingest.ingest("accounts", "accounts_" + first.format(DateTimeFormatter.BASIC_ISO_DATE) + ".csv", LeaseWorksExports.accounts()
                .lease("C-1", "Ada Lovelace", "L-1", 0, "jdoe").lease("C-2", "Grace Hopper", "L-2", 45, "asmith").stream());
        ingest.ingest("accounts", "accounts_" + second.format(DateTimeFormatter.BASIC_ISO_DATE) + ".csv", LeaseWorksExports.accounts()
                .lease("C-1", "Ada Lovelace", "L-1", 12, "jdoe").lease("C-2", "Grace Hopper", "L-2", 95, "asmith").stream());

        signIn("viewer", DevelopmentUsers.VIEWER_PASSWORD);
        browser.findElement(By.linkText("Portfolio")).click();

        WebElement buckets = browser.findElement(By.id("chart-dpd-buckets"));
        WebElement chart = buckets.findElement(By.cssSelector("svg.chart"));
        assertThat(chart.isDisplayed()).isTrue();
        assertThat(chart.getSize().getHeight()).isGreaterThan(100);
        assertThat(buckets.findElements(By.cssSelector("svg rect.bar")).size()).as("a bar per bucket and month").isGreaterThanOrEqualTo(10);
        assertThat(buckets.findElements(By.cssSelector("tbody tr"))).extracting(WebElement::getText)
                .contains(YearMonth.from(first) + " 1 0 1 0 0", YearMonth.from(second) + " 0 1 0 0 1");
        assertThat(browser.findElement(By.id("chart-delivery")).findElements(By.cssSelector("tbody tr")))
                .extracting(WebElement::getText).anySatisfy(row -> assertThat(row).startsWith("leaseworks-accounts 2 4 0 0 0"));

        Files.createDirectories(CHARTS_SCREENSHOT.getParent());
        Files.copy(((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE).toPath(), CHARTS_SCREENSHOT,
                StandardCopyOption.REPLACE_EXISTING);
        assertThat(CHARTS_SCREENSHOT).isNotEmptyFile();
    }

    private void signIn(String user, String password) {
        browser.get(url("/login"));
        browser.findElement(By.name("username")).sendKeys(user);
        browser.findElement(By.name("password")).sendKeys(password);
        browser.findElement(By.cssSelector("button[type=submit]")).click();
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }
}
