package io.leasebridge.kpis;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.leasebridge.kpis.KpiReport.CollectorMonthOutcomes;
import io.leasebridge.kpis.KpiReport.CollectorOutcomes;
import io.leasebridge.kpis.KpiReport.DpdMonth;
import io.leasebridge.kpis.KpiReport.MonthOutcomes;
import io.leasebridge.kpis.KpiReport.PromiseOutcomes;
import io.leasebridge.kpis.KpiReport.RollRate;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.YearMonth;

/**
 * Writes a {@link KpiReport} as {@value #JSON} (the shape {@code GET /api/kpis} answers with) and {@value #CSV}.
 *
 * <p>The CSV is one long-format table, a figure a row, so that one file holds every section and a spreadsheet
 * pivots it as it likes: {@code as_of,section,month,from_month,collector,bucket,measure,value,current_collector}.
 * Sections and their measures:
 * <ul>
 *   <li>{@code kept_rate_by_collector_month} (month, collector), {@code kept_rate_by_collector} (collector),
 *       {@code kept_rate_by_month} (month), {@code kept_rate_total}: {@code judged, fully_kept, partially_kept,
 *       broken, fully_kept_rate} (fully kept / judged: partially kept counts as not kept). An empty collector is
 *       a lease without one.</li>
 *   <li>{@code kept_rate_handed_over} (collector = who took the promises, current_collector = whose their leases are
 *       now): the same five measures, for the promises whose lease went to another collector since.</li>
 *   <li>{@code dpd_buckets} (month, bucket): {@code leases}, at the month's end or on as_of when that comes first.</li>
 *   <li>{@code roll_rates} (from_month, month = the month rolled into, bucket = the bucket rolled from):
 *       {@code leases, rolled_forward, stayed, cured, roll_forward_rate, stay_rate, cure_rate}.</li>
 * </ul>
 * Rates are fractions with four decimals; an empty value is a rate of nothing (no leases in the bucket).
 */
@Component
public class KpiFiles {

    public static final String JSON = "kpis.json";
    public static final String CSV = "kpis.csv";

    static final String[] CSV_HEADER = {"as_of", "section", "month", "from_month", "collector", "bucket", "measure", "value",
            "current_collector"};

    private final ObjectMapper json;

    public KpiFiles(ObjectMapper json) {
        this.json = json;
    }

    /** Writes both files into {@code directory} (created if missing), each replacing the previous one whole. */
    public void write(KpiReport report, Path directory) throws IOException {
        Files.createDirectories(directory);
        replace(directory.resolve(JSON), out -> json.writerWithDefaultPrettyPrinter().writeValue(out, report));
        replace(directory.resolve(CSV), out -> writeCsv(report, out));
    }

    void writeCsv(KpiReport report, Writer out) throws IOException {
        CSVFormat format = CSVFormat.DEFAULT.builder().setHeader(CSV_HEADER).setRecordSeparator('\n').get();
        CSVPrinter csv = new CSVPrinter(out, format);
        Rows rows = new Rows(csv, report);
        for (CollectorMonthOutcomes cell : report.promiseKeptRate().byCollectorAndMonth()) {
            rows.outcomes("kept_rate_by_collector_month", cell.month(), cell.collector(), cell.outcomes());
        }
        for (CollectorOutcomes collector : report.promiseKeptRate().byCollector()) {
            rows.outcomes("kept_rate_by_collector", null, collector.collector(), collector.outcomes());
        }
        for (MonthOutcomes month : report.promiseKeptRate().byMonth()) {
            rows.outcomes("kept_rate_by_month", month.month(), null, month.outcomes());
        }
        rows.outcomes("kept_rate_total", null, null, report.promiseKeptRate().total());
        for (KpiReport.HandedOverOutcomes handed : report.promiseKeptRate().handedOver()) {
            rows.outcomes("kept_rate_handed_over", null, handed.takenBy(), handed.outcomes(), handed.currentCollector());
        }
        for (DpdMonth month : report.dpdBuckets()) {
            month.buckets().forEach(b -> rows.row("dpd_buckets", month.month(), null, null, b.bucket(), "leases", b.leases()));
        }
        for (RollRate roll : report.rollRates()) {
            rows.roll(roll, "leases", roll.leases());
            rows.roll(roll, "rolled_forward", roll.rolledForward());
            rows.roll(roll, "stayed", roll.stayed());
            rows.roll(roll, "cured", roll.cured());
            rows.roll(roll, "roll_forward_rate", roll.rollForwardRate());
            rows.roll(roll, "stay_rate", roll.stayRate());
            rows.roll(roll, "cure_rate", roll.cureRate());
        }
        csv.flush();
    }

    private record Rows(CSVPrinter csv, KpiReport report) {

        void outcomes(String section, YearMonth month, String collector, PromiseOutcomes outcomes) {
            outcomes(section, month, collector, outcomes, null);
        }

        void outcomes(String section, YearMonth month, String collector, PromiseOutcomes outcomes, String currentCollector) {
            figure(section, month, collector, "judged", outcomes.judged(), currentCollector);
            figure(section, month, collector, "fully_kept", outcomes.fullyKept(), currentCollector);
            figure(section, month, collector, "partially_kept", outcomes.partiallyKept(), currentCollector);
            figure(section, month, collector, "broken", outcomes.broken(), currentCollector);
            figure(section, month, collector, "fully_kept_rate", outcomes.fullyKeptRate(), currentCollector);
        }

        private void figure(String section, YearMonth month, String collector, String measure, Object value, String currentCollector) {
            print(section, month, null, collector, null, measure, value, currentCollector);
        }

        void roll(RollRate roll, String measure, Object value) {
            row("roll_rates", roll.toMonth(), roll.fromMonth(), null, roll.fromBucket(), measure, value);
        }

        void row(String section, YearMonth month, YearMonth fromMonth, String collector, DpdBucket bucket, String measure, Object value) {
            print(section, month, fromMonth, collector, bucket, measure, value, null);
        }

        private void print(String section, YearMonth month, YearMonth fromMonth, String collector, DpdBucket bucket, String measure,
                           Object value, String currentCollector) {
            try {
                csv.printRecord(report.asOf(), section, text(month), text(fromMonth), collector,
                        bucket == null ? null : bucket.label(), measure,
                        value instanceof BigDecimal decimal ? decimal.toPlainString() : value, currentCollector);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }

        private static String text(YearMonth month) {
            return month == null ? null : month.toString();
        }
    }

    /** Writes next to the target and moves into place, so that a reader never sees half a report. */
    private static void replace(Path target, Content content) throws IOException {
        Path partial = Files.createTempFile(target.getParent(), target.getFileName().toString(), ".part");
        try {
            try (Writer out = Files.newBufferedWriter(partial, StandardCharsets.UTF_8)) {
                content.writeTo(out);
            }
            try {
                Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(partial);
        }
    }

    @FunctionalInterface
    private interface Content {
        void writeTo(Writer out) throws IOException;
    }
}
