package io.leasebridge.connectors.leaseworks;

import io.leasebridge.mapping.ExportLayout;
import io.leasebridge.mapping.RecordLayout;
import io.leasebridge.mapping.SourceRow;

import java.io.InputStream;
import java.nio.charset.Charset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A first pass over an export file, before anything of it is stored: whether it can be read at all
 * (encoding, binary content, header), how many rows it has, whether it was cut short, and which rows
 * share a record key with another row of the same file but not its content (conflicting duplicates,
 * refused together, since neither can be known to be the right one).
 */
public final class ExportScan {

    private final ExportLayout layout;
    private final Charset charset;

    public ExportScan(ExportLayout layout, Charset charset) {
        this.layout = layout;
        this.charset = charset;
    }

    /** Throws {@link ExportFormatException} when the whole file is unusable. */
    public Result scan(String fileName, InputStream in) {
        List<RecordLayout> keyed = layout.records().stream().filter(r -> !r.keyColumns().isEmpty()).toList();
        KeyTable seen = new KeyTable();
        Map<Long, String> conflicts = new HashMap<>();
        ExportRead read = new ExportReader(layout, charset).read(fileName, in, row -> {
            if (row.hasWrongShape()) {
                return;
            }
            for (RecordLayout record : keyed) {
                String key = joined(row, record.keyColumns());
                if (key == null) {
                    continue;
                }
                long firstLine = seen.putIfSame(hash64(record.name() + '\u0000' + key), (int) hash64(content(row, record.columns())), row.line());
                if (firstLine > 0) {
                    String columns = String.join(" + ", record.keyColumns());
                    conflicts.put(firstLine, "the same " + columns + " as line " + row.line() + " with other values");
                    conflicts.put(row.line(), "the same " + columns + " as line " + firstLine + " with other values");
                }
            }
        });
        return new Result(read, Map.copyOf(conflicts));
    }

    /**
     * @param conflicts line -> why the row conflicts with another row of the file
     */
    public record Result(ExportRead read, Map<Long, String> conflicts) {
    }

    /** The row's values of these columns, joined; null when a key column is blank (the row fails mapping anyway). */
    private static String joined(SourceRow row, List<String> columns) {
        StringBuilder joined = new StringBuilder();
        for (String column : columns) {
            String value = row.value(column);
            if (value == null) {
                return null;
            }
            joined.append(value).append('\u0001');
        }
        return joined.toString();
    }

    private static String content(SourceRow row, List<String> columns) {
        StringBuilder content = new StringBuilder();
        for (String column : columns) {
            String value = row.value(column);
            content.append(value == null ? "" : value).append('\u0001');
        }
        return content.toString();
    }

    /** FNV-1a: a 64-bit hash that is stable across runs, unlike String.hashCode's 32 bits. */
    static long hash64(String text) {
        long hash = 0xcbf29ce484222325L;
        for (int i = 0; i < text.length(); i++) {
            hash ^= text.charAt(i);
            hash *= 0x100000001b3L;
        }
        return hash;
    }
}
