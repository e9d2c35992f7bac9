package io.leasebridge.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;

import java.io.Reader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * GET /api/kpis after a sandbox run, checked against figures recomputed here from the generated export
 * files and the portfolio's plan alone: promise outcomes per collector and month, and the days-past-due
 * buckets of the export's month.
 */
class SandboxKpisTest {

    /** The development viewer of the sandbox profile, over HTTP Basic: the admin API answers nobody else's GET. */
    private static final String VIEWER = "Basic " + java.util.Base64.getEncoder().encodeToString("viewer:viewer-dev".getBytes(StandardCharsets.UTF_8));

    private static Sandbox sandbox;
    private static GeneratedPortfolio portfolio;
    private static JsonNode kpis;

    @BeforeAll
    static void runThenAskForKpis() throws Exception {
        Path home = Files.createTempDirectory("sandbox-kpis");
        sandbox = Sandbox.start(new SandboxOptions(home, 600, 77L, false));
        portfolio = sandbox.generateExports().orElseThrow();
        assertThat(sandbox.runOnce("--leasebridge.judge-as-of=" + portfolio.promiseOutcomes().judgeAsOf())).isZero();
        try (ConfigurableApplicationContext serving = sandbox.serve()) {
            String port = serving.getEnvironment().getProperty("local.server.port");
            HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create("http://localhost:" + port + "/api/kpis?asOf=" + portfolio.promiseOutcomes().judgeAsOf()))
                            .header("Authorization", VIEWER).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
            kpis = new ObjectMapper().readTree(response.body());
        }
    }

    @AfterAll
    static void stop() {
        sandbox.close();
    }

    @Test
    void keptRatesByCollectorAndMonthAreWhatThePlanMakesThem() throws Exception {
        Map<String, long[]> expected = new TreeMap<>();
        for (GeneratedPortfolio.PlannedPromise promise : portfolio.promises()) {
            if (promise.outcome() == GeneratedPortfolio.PromiseOutcome.CANCELLED) {
                continue;
            }
            String collector = promise.takenBy();
            YearMonth month = YearMonth.from(promise.promisedDate().plusDays(2));
            long[] counts = expected.computeIfAbsent(collector + "|" + month, k -> new long[3]);
            counts[promise.outcome().ordinal()]++;
        }

        Map<String, long[]> reported = new TreeMap<>();
        for (JsonNode row : kpis.path("promiseKeptRate").path("byCollectorAndMonth")) {
            String collector = row.path("collector").isNull() ? null : row.path("collector").asText();
            reported.put(collector + "|" + row.path("month").asText(),
                    new long[]{row.path("fullyKept").asLong(), row.path("partiallyKept").asLong(), row.path("broken").asLong()});
        }

        assertThat(reported.keySet()).isEqualTo(expected.keySet());
        expected.forEach((key, counts) -> assertThat(reported.get(key)).as(key).containsExactly(counts));
        long kept = portfolio.promiseOutcomes().kept();
        long judged = kept + portfolio.promiseOutcomes().partiallyKept() + portfolio.promiseOutcomes().broken();
        assertThat(kpis.path("promiseKeptRate").path("total").path("judged").asLong()).isEqualTo(judged);
        assertThat(kpis.path("promiseKeptRate").path("total").path("fullyKeptRate").decimalValue())
                .isEqualByComparingTo(java.math.BigDecimal.valueOf(kept).divide(java.math.BigDecimal.valueOf(judged), 4,
                        java.math.RoundingMode.HALF_UP));
    }

    @Test
    void daysPastDueBucketsOfTheExportMonthAreWhatTheAccountsFileSays() throws Exception {
        Map<String, Long> expected = new HashMap<>();
        validLeaseColumn("Days Past Due").values().forEach(dpd -> expected.merge(bucket(Integer.parseInt(dpd)), 1L, Long::sum));
        YearMonth exportMonth = YearMonth.from(LocalDate.parse(portfolio.accounts().fileName().replaceAll("\\D", ""),
                java.time.format.DateTimeFormatter.BASIC_ISO_DATE));

        JsonNode month = null;
        for (JsonNode m : kpis.path("dpdBuckets")) {
            if (m.path("month").asText().equals(exportMonth.toString())) {
                month = m;
            }
        }
        assertThat(month).as("buckets of " + exportMonth).isNotNull();
        Map<String, Long> reported = new HashMap<>();
        month.path("buckets").forEach(b -> {
            if (b.path("leases").asLong() > 0) {
                reported.put(b.path("bucket").asText(), b.path("leases").asLong());
            }
        });
        assertThat(reported).isEqualTo(expected);
        // one accounts export: every later month keeps every lease where it was
        for (JsonNode roll : kpis.path("rollRates")) {
            assertThat(roll.path("rolledForward").asLong() + roll.path("cured").asLong()).as(roll.toString()).isZero();
        }
    }

    private static String bucket(int daysPastDue) {
        if (daysPastDue <= 0) {
            return "current";
        }
        return daysPastDue <= 30 ? "1-30" : daysPastDue <= 60 ? "31-60" : daysPastDue <= 90 ? "61-90" : "90+";
    }

    /** One column of every valid lease row of the accounts export, read with commons-csv, not LeaseBridge. */
    private static Map<String, String> validLeaseColumn(String column) throws Exception {
        Map<String, String> byLease = new HashMap<>();
        try (Reader in = Files.newBufferedReader(sandbox.options().inbox().resolve(".done").resolve(portfolio.accounts().fileName()),
                StandardCharsets.UTF_8)) {
            for (CSVRecord row : CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(in)) {
                String lease = row.get("Contract Number");
                if (portfolio.leaseIds().contains(lease)) {
                    byLease.put(lease, row.get(column).strip());
                }
            }
        }
        return byLease;
    }
}
