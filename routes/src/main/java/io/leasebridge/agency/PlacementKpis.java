package io.leasebridge.agency;

import com.fasterxml.jackson.annotation.JsonFormat;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

import java.io.IOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * How much of what was placed with collection agencies came back: the placed balance, what the agencies report
 * collected and the recovery rate (collected / placed balance), by agency and by placement month (the month its
 * placement file went out). A placement counts from the day it was sent, whatever became of it since (recalled,
 * closed): what it collected before stays collected.
 */
@Repository
public class PlacementKpis {

    public static final String CSV = "agency-kpis.csv";

    private final JdbcTemplate jdbc;

    public PlacementKpis(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * @param byAgency agencies by name
     * @param byMonth  placement months, oldest first
     */
    public record Report(List<Recovery> byAgency, List<Recovery> byMonth, Recovery total) {
    }

    /**
     * @param agency       null in a month's or the total's row
     * @param month        null in an agency's or the total's row
     * @param recoveryRate collected / placedBalance with four decimals; null when nothing was placed
     */
    public record Recovery(String agency, @JsonFormat(shape = JsonFormat.Shape.STRING) YearMonth month, long placements,
                           BigDecimal placedBalance, BigDecimal collected, BigDecimal recoveryRate) {

        static Recovery of(String agency, YearMonth month, List<Placed> placed) {
            BigDecimal balance = placed.stream().map(Placed::balance).reduce(BigDecimal.ZERO, BigDecimal::add);
            BigDecimal collected = placed.stream().map(Placed::collected).reduce(BigDecimal.ZERO, BigDecimal::add);
            return new Recovery(agency, month, placed.size(), balance.setScale(2), collected.setScale(2),
                    balance.signum() == 0 ? null : collected.divide(balance, 4, RoundingMode.HALF_UP));
        }
    }

    private record Placed(String agency, YearMonth month, BigDecimal balance, BigDecimal collected) {
    }

    public Report compute() {
        List<Placed> placed = jdbc.query("""
                select agency, sent_on, placed_balance, coalesce(collected_amount, 0) from agency_placement
                where sent_on is not null""",
                (rs, n) -> new Placed(rs.getString(1), YearMonth.from(rs.getDate(2).toLocalDate()), rs.getBigDecimal(3),
                        rs.getBigDecimal(4)));
        return new Report(
                grouped(placed, Placed::agency).entrySet().stream().map(e -> Recovery.of(e.getKey(), null, e.getValue())).toList(),
                grouped(placed, Placed::month).entrySet().stream().map(e -> Recovery.of(null, e.getKey(), e.getValue())).toList(),
                Recovery.of(null, null, placed));
    }

    /**
     * Writes the report as {@value #CSV} into {@code directory}, one figure a row like {@code kpis.csv}:
     * {@code section,agency,month,measure,value}, sections {@code by_agency}, {@code by_placement_month} and {@code total},
     * measures {@code placements, placed_balance, collected, recovery_rate} (empty when nothing was placed).
     */
    public void writeCsv(Report report, Path directory) throws IOException {
        Files.createDirectories(directory);
        try (Writer out = Files.newBufferedWriter(directory.resolve(CSV), StandardCharsets.UTF_8);
             CSVPrinter csv = CSVFormat.DEFAULT.builder().setHeader("section", "agency", "month", "measure", "value")
                     .setRecordSeparator('\n').get().print(out)) {
            for (Recovery r : report.byAgency()) {
                print(csv, "by_agency", r);
            }
            for (Recovery r : report.byMonth()) {
                print(csv, "by_placement_month", r);
            }
            print(csv, "total", report.total());
        }
    }

    private static void print(CSVPrinter csv, String section, Recovery r) throws IOException {
        String month = r.month() == null ? null : r.month().toString();
        Map<String, Object> figures = new java.util.LinkedHashMap<>();
        figures.put("placements", r.placements());
        figures.put("placed_balance", r.placedBalance().toPlainString());
        figures.put("collected", r.collected().toPlainString());
        figures.put("recovery_rate", r.recoveryRate() == null ? null : r.recoveryRate().toPlainString());
        for (Map.Entry<String, Object> figure : figures.entrySet()) {
            csv.printRecord(section, r.agency(), month, figure.getKey(), figure.getValue());
        }
    }

    private static <K extends Comparable<K>> Map<K, List<Placed>> grouped(List<Placed> placed, Function<Placed, K> key) {
        return placed.stream().collect(Collectors.groupingBy(key, TreeMap::new, Collectors.toList()));
    }
}
