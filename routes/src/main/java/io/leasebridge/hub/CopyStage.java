package io.leasebridge.hub;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.postgresql.PGConnection;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.util.List;

/**
 * A PostgreSQL staging table for one batch: rows go in by {@code COPY} (no statement per row, no parameters to bind),
 * then one statement moves them where they belong and the table is emptied, all in the caller's transaction. The
 * table is temporary, created on a connection's first use.
 *
 * @param name       the staging table
 * @param definition what it holds: a column list, or {@code as select * from customer with no data}
 * @param columns    the columns the rows fill, in their order
 */
record CopyStage(String name, String definition, List<String> columns) {

    /** CSV as {@code COPY ... (format csv)} reads it: a null is an unquoted empty value, an empty string a quoted one. */
    private static final CSVFormat COPY_CSV = CSVFormat.POSTGRESQL_CSV;

    /** Copies the rows in, then runs {@code move} (which reads the staging table); returns the rows it changed. */
    int copyThen(JdbcTemplate jdbc, List<Object[]> rows, String move) {
        String csv = csv(rows);
        Integer moved = jdbc.execute((ConnectionCallback<Integer>) connection -> {
            try (Statement statement = connection.createStatement()) {
                statement.execute("create temporary table if not exists " + name + " " + definition);
                connection.unwrap(PGConnection.class).getCopyAPI().copyIn(
                        "copy " + name + " (" + String.join(", ", columns) + ") from stdin (format csv)", new StringReader(csv));
                int count = statement.executeUpdate(move);
                statement.execute("truncate " + name);
                return count;
            } catch (IOException e) {
                throw new SQLException("cannot copy rows into " + name, e);
            }
        });
        return moved == null ? 0 : moved;
    }

    private static String csv(List<Object[]> rows) {
        StringBuilder out = new StringBuilder(rows.size() * 160);
        try (CSVPrinter printer = new CSVPrinter(out, COPY_CSV)) {
            for (Object[] row : rows) {
                for (Object value : row) {
                    printer.print(text(value));
                }
                printer.println();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
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
