package io.leasebridge.sandbox;

import io.leasebridge.mapping.ExportLayout;
import io.leasebridge.mapping.FieldSpec;
import io.leasebridge.mapping.RecordLayout;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

import java.io.BufferedWriter;
import java.io.Closeable;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.UnaryOperator;

/**
 * Writes one LeaseWorks export row by row: the columns the field map names (plus personal columns the
 * export carries and LeaseBridge must ignore), about one row in a hundred made malformed, and the
 * physical line each record starts on.
 *
 * <p>Values are given by canonical field ({@code lease.daysPastDue}); the field map says which column
 * carries each, so a deployment that renames a column gets files in its own layout.
 */
final class ExportWriter implements Closeable {

    /** A column of the file and the value key that feeds it. */
    record Column(String name, String key) {
    }

    /** One way to break a row: the field to corrupt, how, and how to describe it. */
    record Defect(String key, UnaryOperator<String> corrupt, String description) {
    }

    private final String export;
    private final Path path;
    private final List<Column> columns;
    private final List<Defect> defects;
    private final Map<String, String> columnOfKey = new LinkedHashMap<>();
    private final Random defectDraws;
    private final double malformedRate;
    private final List<GeneratedPortfolio.MalformedRow> malformed;
    private final BufferedWriter out;
    private final CSVPrinter printer;
    /** The physical line the next record starts on; the header, printed on opening, is line 1. */
    private long line = 2;
    private long rows;
    private long validRows;
    private int defectsUsed;

    ExportWriter(ExportLayout layout, Path path, Map<String, String> extraColumns, List<Defect> candidateDefects,
                 Random defectDraws, double malformedRate, List<GeneratedPortfolio.MalformedRow> malformed) throws IOException {
        this.export = layout.name();
        this.path = path;
        this.columns = columns(layout, extraColumns);
        columns.forEach(c -> columnOfKey.putIfAbsent(c.key(), c.name()));
        for (RecordLayout record : layout.records()) {
            for (FieldSpec field : record.fields()) {
                columnOfKey.putIfAbsent(record.name() + "." + field.field(), field.column());
            }
        }
        this.defects = candidateDefects.stream().filter(d -> columnOfKey.containsKey(d.key())).toList();
        this.defectDraws = defectDraws;
        this.malformedRate = malformedRate;
        this.malformed = malformed;
        this.out = Files.newBufferedWriter(path, StandardCharsets.UTF_8);
        this.printer = CSVFormat.RFC4180.builder()
                .setHeader(columns.stream().map(Column::name).toArray(String[]::new))
                .get()
                .print(out);
    }

    /**
     * The field map's columns in its order; the personal columns are placed after the column of the key
     * they follow (or at the end), as an export carries them among the columns that matter.
     */
    private static List<Column> columns(ExportLayout layout, Map<String, String> extraColumns) {
        List<Column> columns = new ArrayList<>();
        Map<String, String> keyOfColumn = new LinkedHashMap<>();
        for (RecordLayout record : layout.records()) {
            for (FieldSpec field : record.fields()) {
                keyOfColumn.putIfAbsent(field.column(), record.name() + "." + field.field());
            }
        }
        keyOfColumn.forEach((column, key) -> columns.add(new Column(column, key)));
        extraColumns.forEach((column, after) -> {
            int at = -1;
            for (int i = 0; i < columns.size(); i++) {
                if (columns.get(i).key().equals(after)) {
                    at = i + 1;
                }
            }
            Column extra = new Column(column, "extra." + column);
            if (at < 0) {
                columns.add(extra);
            } else {
                columns.add(at, extra);
            }
        });
        return List.copyOf(columns);
    }

    /** Writes one row, perhaps made malformed; returns whether it went out valid. */
    boolean write(Map<String, String> values) throws IOException {
        return print(drawMalformed() ? nextDefect() : null, values);
    }

    /** Writes a row that other rows depend on (a payment a promise is kept with), never made malformed; returns true. */
    boolean writeValid(Map<String, String> values) throws IOException {
        return print(null, values);
    }

    /**
     * Writes a row made malformed where a malformed row harms nothing else, with the {@code turn}-th of the
     * defects that apply (counting round), so that writers sharing one list of defects can take turns.
     */
    void writeMalformed(Map<String, String> values, int turn) throws IOException {
        if (defects.isEmpty()) {
            throw new IllegalStateException("no defect applies to the columns of " + path.getFileName());
        }
        print(defects.get(turn % defects.size()), values);
    }

    private boolean drawMalformed() {
        return !defects.isEmpty() && defectDraws.nextDouble() < malformedRate;
    }

    private Defect nextDefect() {
        return defects.get(defectsUsed++ % defects.size());
    }

    private boolean print(Defect defect, Map<String, String> values) throws IOException {
        Map<String, String> row = values;
        boolean valid = defect == null;
        if (defect != null) {
            row = new LinkedHashMap<>(values);
            String bad = defect.corrupt().apply(values.getOrDefault(defect.key(), ""));
            row.put(defect.key(), bad);
            malformed.add(new GeneratedPortfolio.MalformedRow(path.getFileName().toString(), line,
                    columnOfKey.get(defect.key()), defect.description() + ": '" + bad + "'"));
        }
        List<String> record = new ArrayList<>(columns.size());
        long breaks = 0;
        for (Column column : columns) {
            String value = row.getOrDefault(column.key(), "");
            breaks += value.chars().filter(c -> c == '\n').count();
            record.add(value);
        }
        printer.printRecord(record);
        line += 1 + breaks;
        rows++;
        if (valid) {
            validRows++;
        }
        return valid;
    }

    GeneratedPortfolio.ExportFile summary() {
        return new GeneratedPortfolio.ExportFile(export, path, rows, validRows);
    }

    @Override
    public void close() throws IOException {
        printer.close(true);
    }

    /** Several writers closed together, each even when closing another one failed. */
    record Group(List<ExportWriter> writers) implements Closeable {

        @Override
        public void close() throws IOException {
            IOException failed = null;
            for (ExportWriter writer : writers) {
                try {
                    writer.close();
                } catch (IOException e) {
                    if (failed == null) {
                        failed = e;
                    } else {
                        failed.addSuppressed(e);
                    }
                }
            }
            if (failed != null) {
                throw failed;
            }
        }
    }
}
