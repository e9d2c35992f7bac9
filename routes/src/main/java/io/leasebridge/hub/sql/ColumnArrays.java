package io.leasebridge.hub.sql;

import org.springframework.jdbc.core.JdbcTemplate;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A batch of rows sent as one text array per column and read back as a table,
 * {@code unnest(cast(? as date array), ...)}, so that one prepared statement moves the whole batch where it belongs: no
 * statement per row, no staging table to create, fill and empty in round trips of their own. Each array is cast to
 * its column's type without the type's length, so that a value too long is refused by the target column, naming it,
 * as it would be for an insert, instead of cut by the cast.
 */
public final class ColumnArrays {

    private ColumnArrays() {
    }

    /** {@code unnest(cast(? as character varying array), ...)} for {@code n} text columns, on H2 as on PostgreSQL. */
    public static String unnestText(int n) {
        return unnest(Collections.nCopies(n, "character varying"));
    }

    /** {@code unnest(cast(? as character varying array), cast(? as date array))} for columns of these types. */
    public static String unnest(String... types) {
        return unnest(List.of(types));
    }

    static String unnest(List<String> types) {
        return types.stream().map(type -> "cast(? as " + type + " array)").collect(Collectors.joining(", ", "unnest(", ")"));
    }

    /** PostgreSQL: the types of a table's columns, in the order asked, without length or precision ({@code character varying}). */
    static List<String> types(JdbcTemplate jdbc, String table, List<String> columns) {
        Map<String, String> byColumn = jdbc.query("""
                        select attname, format_type(atttypid, null) from pg_attribute
                        where attrelid = cast(? as regclass) and attnum > 0 and not attisdropped""",
                rs -> {
                    Map<String, String> types = new HashMap<>();
                    while (rs.next()) {
                        types.put(rs.getString(1), rs.getString(2));
                    }
                    return types;
                }, table);
        return columns.stream().map(column -> {
            String type = byColumn == null ? null : byColumn.get(column);
            if (type == null) {
                throw new IllegalStateException(table + " has no column " + column);
            }
            return type;
        }).toList();
    }

    /** Binds each of the rows' {@code columns} columns, as a text array, to the parameters from {@code firstIndex} on. */
    public static void bind(PreparedStatement ps, int firstIndex, List<Object[]> rows, int columns) throws SQLException {
        Connection connection = ps.getConnection();
        for (int column = 0; column < columns; column++) {
            String[] values = new String[rows.size()];
            for (int i = 0; i < values.length; i++) {
                values[i] = text(rows.get(i)[column]);
            }
            ps.setArray(firstIndex + column, connection.createArrayOf("text", values));
        }
    }

    /** A value as PostgreSQL reads it: instants in ISO-8601 UTC (exact for {@code timestamp with time zone}), numbers plain. */
    private static String text(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof Timestamp timestamp) {
            return timestamp.toInstant().toString();
        }
        if (value instanceof BigDecimal decimal) {
            return decimal.toPlainString();
        }
        return value.toString();
    }
}
