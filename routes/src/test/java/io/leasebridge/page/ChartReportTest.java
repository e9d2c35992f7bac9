package io.leasebridge.page;

import io.leasebridge.kpis.CollectionsKpis;
import io.leasebridge.kpis.PortfolioWeeks;
import io.leasebridge.repocases.RepoCaseStore;
import io.leasebridge.testing.TestDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.JdbcTemplate;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;

/** The sandbox's and run-once's chart report: every chart of the page, drawn by the page's own template fragment. */
class ChartReportTest {

    private static final Instant NOW = Instant.parse("2026-12-02T12:00:00Z");

    private static TestDatabase database;

    @BeforeAll
    static void start() {
        database = TestDatabase.h2();
    }

    @AfterAll
    static void stop() {
        database.close();
    }

    @Test
    void theReportHoldsEveryChartOfThePageWithItsNumbersInATable(@TempDir Path reports) throws IOException {
        JdbcTemplate jdbc = new JdbcTemplate(database.freshSchema());
        Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
        LocalDate today = LocalDate.now(clock);
        jdbc.update("insert into lease_dpd_history (lease_id, as_of, days_past_due, payoff_balance) values ('L-1', ?, 45, ?)",
                today.minusDays(3), new BigDecimal("12000.00"));
        jdbc.update("""
                insert into flow_run (flow, status, started_at, finished_at, rows_read, rows_sent, api_calls)
                values ('salesforce-outbox-drain', 'SUCCEEDED', ?, ?, 0, 200, 1)""", Timestamp.from(NOW), Timestamp.from(NOW));
        jdbc.update("insert into repo_case (case_id, status, agent_fee, updated_at) values ('500D000000Rp1AAAAZ', 'ORDERED', 400.00, ?)",
                Timestamp.from(NOW));
        ClassLoaderTemplateResolver resolver = new ClassLoaderTemplateResolver();
        resolver.setPrefix("templates/");
        resolver.setSuffix(".html");
        SpringTemplateEngine templates = new SpringTemplateEngine();
        templates.setTemplateResolver(resolver);
        PortfolioCharts charts = new PortfolioCharts(new CollectionsKpis(jdbc), new PortfolioWeeks(jdbc),
                new DeliveryCharts(jdbc, clock), new RepoCaseStore(jdbc, clock), clock);

        Path report = new ChartReport(charts, templates, clock).write(reports);

        String html = Files.readString(report);
        assertThat(report.getFileName()).hasToString("charts.html");
        assertThat(html).contains("id=\"chart-dpd-buckets\"", "id=\"chart-dpd-balance\"", "id=\"chart-roll-rates\"",
                "id=\"chart-kept-rate\"", "id=\"chart-broken-promises\"", "id=\"chart-recovery-outcomes\"",
                "id=\"chart-recovery-costs\"", "id=\"chart-delivery\"", "id=\"chart-delivery-runs\"");
        assertThat(html.split("<svg ", -1)).hasSize(10);
        assertThat(html).contains("<td>" + today + "</td><td>0.00</td><td>0.00</td><td>12000.00</td>",
                "<td>ORDERED</td><td>1</td><td>400.00</td><td>0.00</td>", "<td>salesforce-outbox-drain</td><td>1</td><td>0</td><td>200</td>");
    }
}
