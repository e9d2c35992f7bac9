package io.leasebridge.hub;

import java.lang.reflect.RecordComponent;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

/**
 * A canonical record type and the hub table that holds it: one column per record component, named in
 * snake case, plus the record's content hash, which tells an unchanged record from a changed one.
 */
public final class CanonicalTable<T extends Record> {

    private final Class<T> type;
    private final String table;
    private final RecordComponent[] components;
    private final RecordComponent key;
    private final List<String> columns;
    private final String selectHashesSql;

    public CanonicalTable(Class<T> type, String table) {
        this.type = type;
        this.table = table;
        this.components = type.getRecordComponents();
        this.key = components[0];
        this.columns = Stream.concat(Arrays.stream(components).map(c -> column(c.getName())), Stream.of("content_hash", "updated_at"))
                .toList();
        this.selectHashesSql = "select t." + keyColumn() + ", t.content_hash from unnest(?) k (id) join " + table + " t on t."
                + keyColumn() + " = k.id";
    }

    public Class<T> type() {
        return type;
    }

    public String table() {
        return table;
    }

    public String key(T record) {
        return (String) read(key, record);
    }

    /** Every column, the key first, then the content hash and the time of the last change. */
    public List<String> columns() {
        return columns;
    }

    public String keyColumn() {
        return columns.get(0);
    }

    String selectHashesSql() {
        return selectHashesSql;
    }

    /** The values of a row, in {@link #columns()} order. */
    Object[] rowValues(T record, String hash, Instant now) {
        Object[] values = new Object[components.length + 2];
        for (int i = 0; i < components.length; i++) {
            values[i] = jdbcValue(read(components[i], record));
        }
        values[components.length] = hash;
        values[components.length + 1] = Timestamp.from(now);
        return values;
    }

    /** A digest of every value of the record: equal for equal records, different when any value changed. */
    public String contentHash(T record) {
        return Hashes.sha256(text(record));
    }

    /**
     * The text the record's own {@code toString} gives ({@code Payment[paymentId=P-1, ..., reversalOf=null]}), which the
     * stored hashes were taken of, built directly: the JDK's record {@code toString} goes through {@code String.format}
     * for every record an export reads.
     */
    String text(T record) {
        StringBuilder text = new StringBuilder(32 * components.length).append(type.getSimpleName()).append('[');
        for (int i = 0; i < components.length; i++) {
            if (i > 0) {
                text.append(", ");
            }
            text.append(components[i].getName()).append('=').append(read(components[i], record));
        }
        return text.append(']').toString();
    }

    private static Object jdbcValue(Object value) {
        return value instanceof Instant instant ? Timestamp.from(instant) : value;
    }

    private static Object read(RecordComponent component, Record record) {
        try {
            return component.getAccessor().invoke(record);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot read " + component.getName() + " of " + record.getClass(), e);
        }
    }

    static String column(String component) {
        return component.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toLowerCase(java.util.Locale.ROOT);
    }
}
