package io.leasebridge.agency;

import io.leasebridge.mapping.AgencyLayouts;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;

/** An agency file as its layout says: a header row, then one row per placement, the columns in the layout's order. */
final class AgencyFile {

    private AgencyFile() {
    }

    static String render(AgencyLayouts.FileLayout layout, DateTimeFormatter dates, List<Map<PlacementField, Object>> lines) {
        StringWriter out = new StringWriter();
        String[] header = layout.columns().stream().map(AgencyLayouts.Column::header).toArray(String[]::new);
        try (CSVPrinter csv = CSVFormat.DEFAULT.builder().setHeader(header).setRecordSeparator("\r\n").get().print(out)) {
            for (Map<PlacementField, Object> line : lines) {
                csv.printRecord(layout.columns().stream().map(c -> format(line.get(c.placementField()), dates)).toList());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    private static String format(Object value, DateTimeFormatter dates) {
        if (value == null) {
            return "";
        }
        if (value instanceof BigDecimal amount) {
            return amount.setScale(2, java.math.RoundingMode.HALF_UP).toPlainString();
        }
        if (value instanceof LocalDate date) {
            return dates.format(date);
        }
        return value.toString();
    }
}
