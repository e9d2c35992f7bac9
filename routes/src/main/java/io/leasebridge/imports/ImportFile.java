package io.leasebridge.imports;

import io.leasebridge.mapping.ExportLayout;
import io.leasebridge.mapping.FieldSpec;
import io.leasebridge.mapping.LeaseWorksMapping;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * A file LeaseBridge writes for LeaseWorks to import: one CSV row per record, columns and their order from
 * {@code imports.<name>} in the field map, values in the deployment's formats.
 *
 * @param <T> the record a row carries
 */
public class ImportFile<T extends Record> {

    private final List<FieldSpec> columns;
    private final Map<String, RecordComponent> components;
    private final DateTimeFormatter dates;
    private final Class<T> type;

    public ImportFile(LeaseWorksMapping mapping, String importName, Class<T> type) {
        ExportLayout layout = mapping.importLayout(importName);
        this.columns = layout.records().stream().flatMap(r -> r.fields().stream()).toList();
        this.components = Arrays.stream(type.getRecordComponents())
                .collect(Collectors.toMap(RecordComponent::getName, Function.identity()));
        this.dates = DateTimeFormatter.ofPattern(mapping.dateFormat());
        this.type = type;
    }

    public List<String> header() {
        return columns.stream().map(FieldSpec::column).toList();
    }

    public String render(List<T> records) {
        StringWriter out = new StringWriter();
        try (CSVPrinter csv = CSVFormat.DEFAULT.builder().setHeader(header().toArray(String[]::new))
                .setRecordSeparator("\r\n").get().print(out)) {
            for (T record : records) {
                List<String> row = new ArrayList<>(columns.size());
                for (FieldSpec column : columns) {
                    row.add(format(read(record, column.field())));
                }
                csv.printRecord(row);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    private Object read(T record, String field) {
        try {
            return components.get(field).getAccessor().invoke(record);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot read " + type.getSimpleName() + "." + field, e);
        }
    }

    private String format(Object value) {
        if (value == null) {
            return "";
        }
        if (value instanceof BigDecimal amount) {
            return amount.toPlainString();
        }
        if (value instanceof LocalDate date) {
            return dates.format(date);
        }
        if (value instanceof Boolean yes) {
            return yes ? "Y" : "N";
        }
        return value.toString();
    }
}
