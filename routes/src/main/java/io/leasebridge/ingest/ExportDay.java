package io.leasebridge.ingest;

import io.leasebridge.connectors.leaseworks.ExportReader;
import io.leasebridge.mapping.ExportFileRules;
import io.leasebridge.mapping.ExportLayout;
import io.leasebridge.mapping.LeaseWorksMapping;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
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

    static LocalDate of(Path file, String fileName, ExportLayout layout, ExportFileRules rules, LeaseWorksMapping mapping,
                        LocalDate today) {
        LocalDate byName = rules.dateIn(fileName).orElse(today);
        return rules.dateColumn().map(column -> {
            Optional<String> value = firstValue(file, fileName, layout, rules, column);
            Optional<LocalDate> day = value.flatMap(mapping::date);
            if (day.isEmpty()) {
                log.warn("{}: column '{}' of the first row {}; the file is dated {} by its name (or today)", fileName, column,
                        value.map(v -> "holds no date: '" + v + "'").orElse("is missing or blank"), byName);
            }
            return day.orElse(byName);
        }).orElse(byName);
    }

    /** The column's value on the first data row; empty when the file has no such column, no row or a blank value. */
    private static Optional<String> firstValue(Path file, String fileName, ExportLayout layout, ExportFileRules rules, String column) {
        try (InputStream in = Files.newInputStream(file)) {
            return new ExportReader(layout, rules.charset()).firstValue(fileName, in, column);
        } catch (IOException unreadable) {
            // the file's own read reports what is wrong with it; here it is dated by its name
            return Optional.empty();
        }
    }
}
