package io.leasebridge.connectors.leaseworks;

import io.leasebridge.mapping.ExportLayout;
import io.leasebridge.mapping.SourceRow;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * Streams the rows of one LeaseWorks export CSV, one at a time, keeping only the columns its layout
 * maps. Header names match ignoring case and surrounding blanks; a byte-order mark is skipped.
 */
public final class ExportReader {

    private static final CSVFormat FORMAT = CSVFormat.DEFAULT.builder()
            .setHeader()
            .setSkipHeaderRecord(true)
            .setIgnoreEmptyLines(true)
            .setIgnoreSurroundingSpaces(false)
            .get();

    private final ExportLayout layout;

    public ExportReader(ExportLayout layout) {
        this.layout = layout;
    }

    /**
     * Reads every row, handing each to {@code sink}; returns how many rows were read. The line of a row
     * is the physical line it starts on (the header is line 1), as an operator sees it in an editor.
     */
    public long read(String fileName, InputStream in, Consumer<SourceRow> sink) {
        try (Reader reader = new InputStreamReader(skipBom(in), StandardCharsets.UTF_8);
             CSVParser parser = CSVParser.builder().setReader(reader).setFormat(FORMAT).get()) {
            Map<String, Integer> columnIndex = columnIndex(fileName, parser.getHeaderNames());
            long rows = 0;
            long nextLine = 2;
            Iterator<CSVRecord> records = parser.iterator();
            while (records.hasNext()) {
                CSVRecord record = records.next();
                sink.accept(new SourceRow(fileName, nextLine, values(record, columnIndex)));
                nextLine = parser.getCurrentLineNumber() + 1;
                rows++;
            }
            return rows;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read LeaseWorks export " + fileName, e);
        } catch (IllegalStateException | UncheckedIOException e) {
            throw new ExportFormatException(fileName + ": not a readable CSV export: " + e.getMessage(), e);
        }
    }

    private Map<String, Integer> columnIndex(String fileName, java.util.List<String> header) {
        Map<String, Integer> byNormalizedName = new HashMap<>();
        for (int i = 0; i < header.size(); i++) {
            byNormalizedName.putIfAbsent(normalize(header.get(i)), i);
        }
        Map<String, Integer> index = new LinkedHashMap<>();
        for (String column : layout.columns()) {
            Integer position = byNormalizedName.get(normalize(column));
            if (position != null) {
                index.put(column, position);
            }
        }
        Set<String> missing = layout.missingRequiredColumns(index.keySet());
        if (!missing.isEmpty()) {
            throw new ExportFormatException(fileName + ": the header lacks required column(s) "
                    + missing.stream().map(c -> "'" + c + "'").collect(Collectors.joining(", "))
                    + " of the '" + layout.name() + "' export (see config/mappings/leaseworks.yml)");
        }
        return index;
    }

    private static Map<String, String> values(CSVRecord record, Map<String, Integer> columnIndex) {
        Map<String, String> values = new HashMap<>(columnIndex.size() * 2);
        columnIndex.forEach((column, position) -> {
            if (position < record.size()) {
                values.put(column, record.get(position));
            }
        });
        return values;
    }

    private static String normalize(String column) {
        return column.strip().toLowerCase(Locale.ROOT);
    }

    private static InputStream skipBom(InputStream in) throws IOException {
        InputStream buffered = in.markSupported() ? in : new java.io.BufferedInputStream(in, 64 * 1024);
        buffered.mark(3);
        byte[] head = buffered.readNBytes(3);
        if (!(head.length == 3 && (head[0] & 0xFF) == 0xEF && (head[1] & 0xFF) == 0xBB && (head[2] & 0xFF) == 0xBF)) {
            buffered.reset();
        }
        return buffered;
    }
}
