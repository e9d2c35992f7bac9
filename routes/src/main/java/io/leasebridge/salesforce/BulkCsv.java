package io.leasebridge.salesforce;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Outbox payloads as a Bulk API 2.0 upload (comma-delimited, LF, a header of field names, a parent referenced by its
 * external id as {@code Customer__r.LeaseWorks_Customer_Id__c}, a null as {@code #N/A}), and Salesforce's result CSVs read back by column name.
 */
final class BulkCsv {

    private static final CSVFormat UPLOAD = CSVFormat.DEFAULT.builder().setRecordSeparator('\n').build();
    /** Bulk API 2.0 leaves a field with an empty value as it was; this clears it, as a JSON null does. */
    private static final String NULL = "#N/A";
    private static final CSVFormat RESULTS = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).build();

    private BulkCsv() {
    }

    /**
     * Writes the rows, each read into its fields by {@code fields} twice (for the header, then for its line) and
     * dropped at once, so that a job of tens of thousands of rows holds its bytes, never every row's fields at once.
     */
    static <T> byte[] write(List<T> rows, Function<T, Map<String, Object>> fields, int expectedBytes) {
        Set<String> header = new LinkedHashSet<>();
        rows.forEach(row -> header.addAll(flatten(fields.apply(row)).keySet()));
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(Math.max(expectedBytes, 1024));
        try (Writer writer = new OutputStreamWriter(bytes, StandardCharsets.UTF_8);
             CSVPrinter csv = new CSVPrinter(writer, UPLOAD)) {
            csv.printRecord(header);
            List<String> values = new ArrayList<>(header.size());
            for (T row : rows) {
                Map<String, String> flat = flatten(fields.apply(row));
                values.clear();
                header.forEach(column -> values.add(flat.getOrDefault(column, "")));
                csv.printRecord(values);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /**
     * A result CSV's rows by the value of {@code keyColumn}, each kept as {@code keep} makes it: a job's successful
     * results need only their record id, not every field sent.
     */
    static <V> Map<String, V> byColumn(String csv, String keyColumn, Function<CSVRecord, V> keep) {
        Map<String, V> rows = new HashMap<>();
        forEachRow(csv, record -> rows.put(record.get(keyColumn), keep.apply(record)));
        return rows;
    }

    private static void forEachRow(String csv, Consumer<CSVRecord> each) {
        if (csv == null || csv.isBlank()) {
            return;
        }
        try (CSVParser parser = RESULTS.parse(new StringReader(csv))) {
            parser.forEach(each);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The external id of the first parent a record refers to, to keep one parent's children together; "" if none. */
    static String parentKey(Map<String, Object> fields) {
        for (Object value : fields.values()) {
            if (value instanceof Map<?, ?> reference) {
                for (Map.Entry<?, ?> e : reference.entrySet()) {
                    if (!"attributes".equals(e.getKey()) && e.getValue() != null) {
                        return e.getValue().toString();
                    }
                }
            }
        }
        return "";
    }

    private static Map<String, String> flatten(Map<String, Object> fields) {
        Map<String, String> flat = new LinkedHashMap<>();
        fields.forEach((name, value) -> {
            if ("attributes".equals(name)) {
                return;
            }
            if (value instanceof Map<?, ?> reference) {
                reference.forEach((field, v) -> {
                    if (!"attributes".equals(field)) {
                        flat.put(name + "." + field, text(v));
                    }
                });
            } else if (value == null && name.endsWith("__r")) {
                // a parent taken away: Bulk API 2.0 clears the lookup field itself
                flat.put(name.substring(0, name.length() - 3) + "__c", NULL);
            } else {
                flat.put(name, text(value));
            }
        });
        return flat;
    }

    private static String text(Object value) {
        if (value == null) {
            return NULL;
        }
        return value instanceof BigDecimal decimal ? decimal.toPlainString() : value.toString();
    }
}
