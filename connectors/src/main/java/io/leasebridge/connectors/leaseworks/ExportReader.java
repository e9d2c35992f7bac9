package io.leasebridge.connectors.leaseworks;

import io.leasebridge.mapping.ExportLayout;
import io.leasebridge.mapping.SourceRow;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * Streams the rows of one LeaseWorks export CSV, one at a time, keeping only the columns its layout
 * maps. Header names match ignoring case and surrounding blanks, a no-break space reading as a space; a
 * byte-order mark is skipped (and a UTF-16 one honoured). Every row carries its shape, so that a row cut
 * short or shifted by a stray delimiter is refused whole instead of being read with blanks. Rows whose
 * values are all blank (a spreadsheet's trailing rows of commas) are skipped.
 * <p>
 * What makes the whole file unusable throws {@link ExportFormatException}: binary content, bytes that
 * are not text in the configured encoding, a header lacking a required column. A file that ends inside
 * a quoted value or inside a character (a transfer cut short) is read up to its last whole row and says so in
 * its result.
 */
public final class ExportReader {

    private static final int SNIFF_BYTES = 8 * 1024;
    // one control byte in 32 is far more than stray bytes in a text make, and far fewer than in a binary file (about 1 in 9)
    private static final int TEXT_BYTES_PER_CONTROL_BYTE = 32;
    private static final String CUT_INSIDE_QUOTES = "EOF reached before encapsulated token finished";

    // The header is read as the first record: a spreadsheet's blank or repeated column names are no reason to refuse a file.
    private static final CSVFormat FORMAT = CSVFormat.DEFAULT.builder()
            .setIgnoreEmptyLines(true)
            .setIgnoreSurroundingSpaces(false)
            .setTrailingData(true)
            .get();

    private final ExportLayout layout;
    private final Charset charset;

    public ExportReader(ExportLayout layout, Charset charset) {
        this.layout = layout;
        this.charset = charset;
    }

    public ExportReader(ExportLayout layout) {
        this(layout, StandardCharsets.UTF_8);
    }

    /**
     * Reads every row, handing each to {@code sink}. The line of a row is the physical line it starts on
     * (the header is line 1), as an operator sees it in an editor.
     */
    public ExportRead read(String fileName, InputStream in, Consumer<SourceRow> sink) {
        try {
            BufferedInputStream buffered = new BufferedInputStream(in, 64 * 1024);
            Charset encoding = encoding(fileName, buffered);
            if (isEmpty(buffered)) {
                return new ExportRead(0, 0, true);
            }
            return parse(fileName, new ExportText(buffered, encoding), encoding, sink);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read LeaseWorks export " + fileName, e);
        }
    }

    /**
     * The value of {@code column} on the file's first row, found the way {@link #read} finds it: past a byte-order mark,
     * in the file's encoding, by the header's spelling of the name. Empty when the file has no such column or no row,
     * the value is blank, or the file cannot be read (its own read says why).
     */
    public Optional<String> firstValue(String fileName, InputStream in, String column) {
        try {
            BufferedInputStream buffered = new BufferedInputStream(in, 64 * 1024);
            Charset encoding = encoding(fileName, buffered);
            try (CSVParser parser = CSVParser.builder().setReader(new ExportText(buffered, encoding)).setFormat(FORMAT).get()) {
                Iterator<CSVRecord> records = parser.iterator();
                if (!records.hasNext()) {
                    return Optional.empty();
                }
                int position = records.next().toList().stream().map(ExportReader::normalize).toList().indexOf(normalize(column));
                while (position >= 0 && records.hasNext()) {
                    CSVRecord record = records.next();
                    if (!allBlank(record)) {
                        return position < record.size() ? Optional.of(record.get(position).strip()).filter(v -> !v.isEmpty())
                                : Optional.empty();
                    }
                }
                return Optional.empty();
            }
        } catch (IOException | RuntimeException unreadable) {
            return Optional.empty();
        }
    }

    private ExportRead parse(String fileName, ExportText reader, Charset encoding, Consumer<SourceRow> sink) throws IOException {
        long nextLine = 1;
        long rows = 0;
        try (CSVParser parser = CSVParser.builder().setReader(reader).setFormat(FORMAT).get()) {
            Iterator<CSVRecord> records = parser.iterator();
            List<String> header = records.hasNext() ? records.next().toList() : List.of();
            if (header.isEmpty()) {
                return new ExportRead(0, 0, true);
            }
            Map<String, Integer> columnIndex = columnIndex(fileName, header);
            int width = header.size();
            nextLine = parser.getCurrentLineNumber() + 1;
            try {
                while (records.hasNext()) {
                    CSVRecord record = records.next();
                    if (!allBlank(record)) {
                        Map<String, String> values = values(record, columnIndex);
                        SourceRow.ControlCharacter control = record.size() == width ? controlCharacterIn(values, columnIndex) : null;
                        sink.accept(new SourceRow(fileName, nextLine, values, width, record.size(), control));
                        rows++;
                    }
                    nextLine = parser.getCurrentLineNumber() + 1;
                }
            } catch (UncheckedIOException | IllegalStateException e) {
                if (isCutShort(e)) {
                    return new ExportRead(rows, nextLine, false);
                }
                throw unreadable(fileName, encoding, nextLine, e);
            }
            return new ExportRead(rows, 0, false);
        } catch (ExportText.NotTextException e) {
            throw notText(fileName, encoding, e);
        } catch (UncheckedIOException | IllegalStateException | IllegalArgumentException e) {
            throw unreadable(fileName, encoding, nextLine, e);
        }
    }

    private static ExportFormatException unreadable(String fileName, Charset encoding, long line, RuntimeException e) {
        ExportText.NotTextException notText = causeOf(e, ExportText.NotTextException.class);
        if (notText != null) {
            return notText(fileName, encoding, notText);
        }
        Throwable cause = e.getCause() != null ? e.getCause() : e;
        return new ExportFormatException(fileName + ": not a readable CSV export near line " + line + ": "
                + cause.getMessage(), e);
    }

    private static ExportFormatException notText(String fileName, Charset encoding, ExportText.NotTextException e) {
        return new ExportFormatException(fileName + ": not " + encoding.name() + " text (line " + e.line()
                + "); if LeaseWorks writes another encoding, set 'encoding' in the field map", e);
    }

    /** The file ends inside a quoted value or inside a character: a transfer cut short. */
    private static boolean isCutShort(RuntimeException e) {
        if (causeOf(e, ExportText.CutCharacterException.class) != null) {
            return true;
        }
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t.getMessage() != null && t.getMessage().contains(CUT_INSIDE_QUOTES)) {
                return true;
            }
        }
        return false;
    }

    private static <T extends Throwable> T causeOf(Throwable e, Class<T> type) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
        }
        return null;
    }

    private Map<String, Integer> columnIndex(String fileName, List<String> header) {
        Map<String, Integer> byNormalizedName = new HashMap<>();
        Map<String, Integer> repeatedAt = new HashMap<>();
        for (int i = 0; i < header.size(); i++) {
            if (header.get(i) != null && byNormalizedName.putIfAbsent(normalize(header.get(i)), i) != null) {
                repeatedAt.putIfAbsent(normalize(header.get(i)), i);
            }
        }
        Map<String, Integer> index = new LinkedHashMap<>();
        for (String column : layout.columns()) {
            Integer position = byNormalizedName.get(normalize(column));
            Integer again = repeatedAt.get(normalize(column));
            if (again != null) {
                // a column the field map reads, named twice: which of the two holds its values cannot be known
                throw new ExportFormatException(fileName + ": the header names column '" + column + "' twice (columns "
                        + (position + 1) + " and " + (again + 1) + "); which one holds its values cannot be known");
            }
            if (position != null) {
                index.put(column, position);
            }
        }
        Set<String> missing = layout.missingRequiredColumns(index.keySet());
        if (!missing.isEmpty()) {
            throw new ExportFormatException(fileName + ": the header lacks required column(s) "
                    + missing.stream().map(c -> "'" + c + "'").collect(Collectors.joining(", "))
                    + " of the '" + layout.name() + "' export (see the field map)");
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

    /** The first control character (other than tab, CR, LF) in a mapped value: no text column can hold it. */
    private static SourceRow.ControlCharacter controlCharacterIn(Map<String, String> values, Map<String, Integer> columnIndex) {
        for (String column : columnIndex.keySet()) {
            String value = values.get(column);
            for (int i = 0; value != null && i < value.length(); i++) {
                if (isControl(value.charAt(i))) {
                    return new SourceRow.ControlCharacter(column, value.charAt(i));
                }
            }
        }
        return null;
    }

    /** A C0 control character (or byte) other than tab, CR and LF. */
    private static boolean isControl(int c) {
        return c >= 0 && c < ' ' && c != '\t' && c != '\r' && c != '\n';
    }

    private static boolean allBlank(CSVRecord record) {
        // by index: the record's iterator goes through a stream of its values
        for (int i = 0; i < record.size(); i++) {
            if (!record.get(i).isBlank()) {
                return false;
            }
        }
        return true;
    }

    private static String normalize(String column) {
        return HeaderName.cleaned(column.replace("\uFEFF", "")).toLowerCase(Locale.ROOT);
    }

    /**
     * The encoding to read with: a byte-order mark decides (and is skipped); otherwise the configured one.
     * A file without a byte-order mark that is not text at all (see {@link #isBinary}) is refused.
     */
    private Charset encoding(String fileName, BufferedInputStream in) throws IOException {
        in.mark(SNIFF_BYTES);
        byte[] head = in.readNBytes(SNIFF_BYTES);
        in.reset();
        if (startsWith(head, 0xEF, 0xBB, 0xBF)) {
            in.skipNBytes(3);
            return StandardCharsets.UTF_8;
        }
        if (startsWith(head, 0xFF, 0xFE)) {
            in.skipNBytes(2);
            return StandardCharsets.UTF_16LE;
        }
        if (startsWith(head, 0xFE, 0xFF)) {
            in.skipNBytes(2);
            return StandardCharsets.UTF_16BE;
        }
        if (isBinary(head)) {
            throw new ExportFormatException(fileName + ": binary content (a workbook, archive or PDF?), not a CSV export");
        }
        return charset;
    }

    /**
     * A ZIP archive (an .xlsx workbook is one) or a PDF, which can start with a stretch of plain text; or a head thick
     * with control bytes, as every other binary file's is. A text export's stray control byte is its row's problem.
     */
    private static boolean isBinary(byte[] head) {
        if (startsWith(head, 'P', 'K', 3, 4) || startsWith(head, '%', 'P', 'D', 'F', '-')) {
            return true;
        }
        int controlBytes = 0;
        for (byte b : head) {
            if (isControl(b)) {
                controlBytes++;
            }
        }
        return controlBytes > head.length / TEXT_BYTES_PER_CONTROL_BYTE;
    }

    private static boolean isEmpty(BufferedInputStream in) throws IOException {
        in.mark(1);
        boolean empty = in.read() < 0;
        in.reset();
        return empty;
    }

    private static boolean startsWith(byte[] head, int... prefix) {
        if (head.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if ((head[i] & 0xFF) != prefix[i]) {
                return false;
            }
        }
        return true;
    }
}
