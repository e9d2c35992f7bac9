package io.leasebridge.connectors.leaseworks;

import io.leasebridge.mapping.ExportLayout;
import io.leasebridge.mapping.RecordLayout;
import io.leasebridge.mapping.SourceRow;

import java.io.InputStream;
import java.nio.charset.Charset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A first pass over an export file, before anything of it is stored: whether it can be read at all
 * (encoding, binary content, header), how many rows it has, whether it was cut short, and which rows
 * share a record key with another row of the same file but not its content (conflicting duplicates,
 * refused together, since none can be known to be the right one).
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
        List<KeyedRecord> keyed = layout.records().stream().filter(r -> !r.keyColumns().isEmpty()).map(KeyedRecord::of).toList();
        KeyTable seen = new KeyTable();
        Map<Long, Conflict> conflicts = new HashMap<>();
        ExportRead read = new ExportReader(layout, charset).read(fileName, in, row -> {
            if (row.hasWrongShape()) {
                return;
            }
            for (KeyedRecord record : keyed) {
                if (!record.hasKey(row)) {
                    continue;
                }
                long key = record.keyHash(row);
                long firstLine = seen.putIfSame(key, (int) record.contentHash(row), row.line());
                if (firstLine > 0) {
                    conflicts.putIfAbsent(key, new Conflict(record.keyNames(), firstLine, seen.contentOf(key), row.line()));
                }
            }
        });
        return new Result(read, keyed, Map.copyOf(conflicts));
    }

    /**
     * What the scan found. A key seen with two contents makes every row of that key a conflict, whichever content it
     * has and wherever it stands: with a value A, then B, then A again, no row can be known to be the right one.
     */
    public static final class Result {

        private final ExportRead read;
        private final List<KeyedRecord> keyed;
        private final Map<Long, Conflict> conflicts;

        private Result(ExportRead read, List<KeyedRecord> keyed, Map<Long, Conflict> conflicts) {
            this.read = read;
            this.keyed = keyed;
            this.conflicts = conflicts;
        }

        public ExportRead read() {
            return read;
        }

        /** Why the row conflicts with another row of the file, naming a line whose values differ; empty when it does not. */
        public Optional<String> conflictOf(SourceRow row) {
            if (conflicts.isEmpty() || row.hasWrongShape()) {
                return Optional.empty();
            }
            for (KeyedRecord record : keyed) {
                Conflict conflict = record.hasKey(row) ? conflicts.get(record.keyHash(row)) : null;
                if (conflict != null) {
                    long otherLine = conflict.lineOtherThan((int) record.contentHash(row));
                    return Optional.of("the same " + conflict.keyNames() + " as line " + otherLine + " with other values");
                }
            }
            return Optional.empty();
        }

        /** How many record keys the file gives with two or more contents. */
        public int conflictingKeys() {
            return conflicts.size();
        }
    }

    /** A key's first line and content, and the first line that gave it another content. */
    private record Conflict(String keyNames, long firstLine, int firstContent, long otherLine) {

        long lineOtherThan(int content) {
            return content == firstContent ? otherLine : firstLine;
        }
    }

    /**
     * A record with key columns, and the hashes the scan compares rows by: of its name and key values, and of all its
     * values. Worked out value by value (FNV-1a, 64 bits, stable across runs, unlike String.hashCode's 32), without
     * joining the values into a string first: every row of the file passes through here.
     */
    private record KeyedRecord(String name, List<String> keyColumns, List<String> columns, String keyNames) {

        private static final long OFFSET = 0xcbf29ce484222325L;
        private static final long PRIME = 0x100000001b3L;
        private static final char SEPARATOR = '\u0001';

        static KeyedRecord of(RecordLayout record) {
            return new KeyedRecord(record.name(), record.keyColumns(), record.columns(), String.join(" + ", record.keyColumns()));
        }

        /** Whether every key column has a value (a row without one fails mapping anyway). */
        boolean hasKey(SourceRow row) {
            for (String column : keyColumns) {
                if (row.value(column) == null) {
                    return false;
                }
            }
            return true;
        }

        long keyHash(SourceRow row) {
            long hash = add(add(OFFSET, name), '\u0000');
            for (String column : keyColumns) {
                hash = add(add(hash, row.value(column)), SEPARATOR);
            }
            return hash;
        }

        long contentHash(SourceRow row) {
            long hash = OFFSET;
            for (String column : columns) {
                String value = row.value(column);
                hash = add(value == null ? hash : add(hash, value), SEPARATOR);
            }
            return hash;
        }

        private static long add(long hash, String text) {
            for (int i = 0; i < text.length(); i++) {
                hash = add(hash, text.charAt(i));
            }
            return hash;
        }

        private static long add(long hash, char c) {
            return (hash ^ c) * PRIME;
        }
    }
}
