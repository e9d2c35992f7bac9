package io.leasebridge.kpis;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.http.converter.json.Jackson2ObjectMapperBuilder;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** kpis.json in the shape GET /api/kpis answers with, kpis.csv one figure a row. */
class KpiFilesTest {

    /** Dates stay ISO text even where a mapper writes java.time as arrays (as this one, Spring's default, does). */
    private final ObjectMapper json = Jackson2ObjectMapperBuilder.json().build();
    private final KpiFiles files = new KpiFiles(json);
    /** Reads numbers as written: 0.5000 stays 0.5000. */
    private final ObjectReader exactly = json.reader()
            .with(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .without(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES);
    private final KpiReport report = KpiReference.compute(CollectionsKpisContract.handMade(), CollectionsKpisContract.MARCH_31);

    @TempDir
    Path directory;

    @Test
    void theCsvHasAHeaderAndOneRowPerFigureOfEverySection() throws IOException {
        files.write(report, directory.resolve("reports"));

        List<String> lines = Files.readAllLines(directory.resolve("reports/kpis.csv"));
        assertThat(lines.get(0)).isEqualTo("as_of,section,month,from_month,collector,bucket,measure,value,current_collector");
        // 4 collector-months, 3 collectors, 3 months, 1 total: 5 figures each; 3 months x 5 buckets; 2 x 5 rolls of 7 figures
        assertThat(lines).hasSize(1 + 11 * 5 + 15 + 10 * 7);
        assertThat(lines).contains(
                "2026-03-31,kept_rate_by_collector_month,2026-01,,ann,,judged,3,",
                "2026-03-31,kept_rate_by_collector_month,2026-01,,ann,,fully_kept_rate,0.3333,",
                "2026-03-31,kept_rate_by_collector,,,bob,,partially_kept,0,",
                "2026-03-31,kept_rate_by_collector,,,,,broken,1,",
                "2026-03-31,kept_rate_by_month,2026-02,,,,fully_kept_rate,0.6667,",
                "2026-03-31,kept_rate_total,,,,,fully_kept_rate,0.4286,",
                "2026-03-31,dpd_buckets,2026-02,,,1-30,leases,2,",
                "2026-03-31,dpd_buckets,2026-03,,,90+,leases,1,",
                "2026-03-31,roll_rates,2026-03,2026-02,,1-30,leases,2,",
                "2026-03-31,roll_rates,2026-03,2026-02,,1-30,cure_rate,0.5000,",
                "2026-03-31,roll_rates,2026-02,2026-01,,31-60,leases,0,",
                "2026-03-31,roll_rates,2026-02,2026-01,,31-60,stay_rate,,");
    }

    @Test
    void promisesWhoseLeaseWentToAnotherCollectorAreRowsOfTheirOwnNamingWhoTookThemAndWhoHasTheLeaseNow() throws IOException {
        KpiReport handedOver = new KpiReport(CollectionsKpisContract.MARCH_31, new KpiReport.KeptRates(List.of(), List.of(), List.of(),
                KpiReport.PromiseOutcomes.of(2, 0, 1),
                List.of(new KpiReport.HandedOverOutcomes("ann", "specialist", KpiReport.PromiseOutcomes.of(1, 0, 1)))), List.of(), List.of());

        files.write(handedOver, directory);

        assertThat(Files.readAllLines(directory.resolve("kpis.csv"))).contains(
                "2026-03-31,kept_rate_total,,,,,judged,3,",
                "2026-03-31,kept_rate_handed_over,,,ann,,judged,2,specialist",
                "2026-03-31,kept_rate_handed_over,,,ann,,fully_kept,1,specialist",
                "2026-03-31,kept_rate_handed_over,,,ann,,broken,1,specialist",
                "2026-03-31,kept_rate_handed_over,,,ann,,fully_kept_rate,0.5000,specialist");
    }

    @Test
    void theJsonNamesEveryFigureAndSaysWhatItMeans() throws IOException {
        files.write(report, directory);

        JsonNode root = exactly.readTree(Files.readString(directory.resolve("kpis.json")));
        assertThat(root.path("asOf").asText()).isEqualTo("2026-03-31");
        assertThat(root.path("definitions").path("fullyKeptRate").asText()).contains("a PARTIALLY_KEPT promise counts as not kept");
        JsonNode cell = root.path("promiseKeptRate").path("byCollectorAndMonth").get(0);
        assertThat(cell.toString()).isEqualTo("""
                {"collector":"ann","month":"2026-01","judged":3,"fullyKept":1,"partiallyKept":1,"broken":1,"fullyKeptRate":0.3333}""");
        assertThat(root.path("promiseKeptRate").path("byCollector").get(2).path("collector").isNull()).isTrue();
        assertThat(root.path("promiseKeptRate").path("total").path("fullyKeptRate").decimalValue()).isEqualByComparingTo("0.4286");
        assertThat(root.path("dpdBuckets").get(1).toString()).isEqualTo("""
                {"month":"2026-02","measuredOn":"2026-02-28","leases":5,"buckets":[{"bucket":"current","leases":0},\
                {"bucket":"1-30","leases":2},{"bucket":"31-60","leases":1},{"bucket":"61-90","leases":1},{"bucket":"90+","leases":1}]}""");
        assertThat(root.path("rollRates").get(6).toString()).isEqualTo("""
                {"fromMonth":"2026-02","toMonth":"2026-03","fromBucket":"1-30","leases":2,"rolledForward":0,"stayed":1,"cured":1,\
                "rollForwardRate":0.0000,"stayRate":0.5000,"cureRate":0.5000}""");
        assertThat(root.path("rollRates").get(2).path("stayRate").isNull()).isTrue();
    }

    @Test
    void writingAgainReplacesBothFilesAndLeavesNothingElse() throws IOException {
        files.write(report, directory);
        KpiReport empty = KpiReference.compute(new KpiDataset(), CollectionsKpisContract.MARCH_31);

        files.write(empty, directory);

        try (var listing = Files.list(directory)) {
            assertThat(listing.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("kpis.json", "kpis.csv");
        }
        assertThat(Files.readAllLines(directory.resolve("kpis.csv"))).containsExactly(
                "as_of,section,month,from_month,collector,bucket,measure,value,current_collector",
                "2026-03-31,kept_rate_total,,,,,judged,0,",
                "2026-03-31,kept_rate_total,,,,,fully_kept,0,",
                "2026-03-31,kept_rate_total,,,,,partially_kept,0,",
                "2026-03-31,kept_rate_total,,,,,broken,0,",
                "2026-03-31,kept_rate_total,,,,,fully_kept_rate,,");
        assertThat(json.readTree(directory.resolve("kpis.json").toFile()).path("dpdBuckets")).isEmpty();
    }
}
