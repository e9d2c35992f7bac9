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
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

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

    static byte[] write(List<Map<String, Object>> records) {
        List<Map<String, String>> rows = records.stream().map(BulkCsv::flatten).toList();
        Set<String> header = new LinkedHashSet<>();
        rows.forEach(r -> header.addAll(r.keySet()));
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (Writer writer = new OutputStreamWriter(bytes, StandardCharsets.UTF_8);
             CSVPrinter csv = new CSVPrinter(writer, UPLOAD)) {
            csv.printRecord(header);
            for (Map<String, String> row : rows) {
                List<String> values = new ArrayList<>(header.size());
                header.forEach(column -> values.add(row.getOrDefault(column, "")));
                csv.printRecord(values);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /** The rows of a result CSV, column name to value; empty for an empty answer. */
    static List<Map<String, String>> read(String csv) {
        if (csv == null || csv.isBlank()) {
            return List.of();
        }
        try (CSVParser parser = RESULTS.parse(new StringReader(csv))) {
            List<Map<String, String>> rows = new ArrayList<>();
            for (CSVRecord record : parser) {
                rows.add(record.toMap());
            }
            return rows;
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
