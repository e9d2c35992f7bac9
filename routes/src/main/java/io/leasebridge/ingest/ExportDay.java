package io.leasebridge.ingest;

import io.leasebridge.mapping.ExportFileRules;
import io.leasebridge.mapping.LeaseWorksMapping;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Iterator;
import java.util.Optional;

/**
 * The day an export file describes: the value of the field map's {@code as-of-column} on its first row, when the
 * map names one and the row holds a date; else the date in the file's name; else today. A deployment whose file
 * names carry no date (or the transfer's date, not the export's) dates its files this way.
 */
final class ExportDay {

    private static final Logger log = LoggerFactory.getLogger(ExportDay.class);

    private ExportDay() {
    }

    static LocalDate of(Path file, String fileName, ExportFileRules rules, LeaseWorksMapping mapping, LocalDate today) {
        LocalDate byName = rules.dateIn(fileName).orElse(today);
        return rules.dateColumn().map(column -> {
            Optional<String> value = firstValue(file, rules, column);
            Optional<LocalDate> day = value.flatMap(mapping::date);
            if (day.isEmpty()) {
                log.warn("{}: column '{}' of the first row {}; the file is dated {} by its name (or today)", fileName, column,
                        value.map(v -> "holds no date: '" + v + "'").orElse("is missing or blank"), byName);
            }
            return day.orElse(byName);
        }).orElse(byName);
    }

    /** The column's value on the first data row; empty when the file has no such column, no row or a blank value. */
    private static Optional<String> firstValue(Path file, ExportFileRules rules, String column) {
        CSVFormat format = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).setIgnoreHeaderCase(true)
                .setTrim(true).get();
        try (Reader in = Files.newBufferedReader(file, rules.charset()); CSVParser csv = CSVParser.builder().setReader(in)
                .setFormat(format).get()) {
            if (!csv.getHeaderMap().containsKey(column)) {
                return Optional.empty();
            }
            Iterator<CSVRecord> rows = csv.iterator();
            if (!rows.hasNext()) {
                return Optional.empty();
            }
            CSVRecord first = rows.next();
            return first.isSet(column) && !first.get(column).isBlank() ? Optional.of(first.get(column)) : Optional.empty();
        } catch (IOException | RuntimeException unreadable) {
            // the file's own read reports what is wrong with it; here it is dated by its name
            return Optional.empty();
        }
    }
}
