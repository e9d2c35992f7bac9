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
import java.util.stream.Collectors;

/**
 * PostgreSQL: the rows go by {@code COPY} into a temporary staging table shaped like the target (created once per
 * connection), then into the target with one {@code INSERT ... SELECT ... ON CONFLICT DO UPDATE}; the staging
 * table is emptied in the same transaction. The target's constraints judge the rows as they would judge an insert.
 */
final class PostgresCopyRows implements CanonicalRows {

    /** CSV as {@code COPY ... (format csv)} reads it: a null is an unquoted empty value, an empty string a quoted one. */
    private static final CSVFormat COPY_CSV = CSVFormat.POSTGRESQL_CSV;

    @Override
    public void write(JdbcTemplate jdbc, CanonicalTable<?> table, List<Object[]> rows) {
        if (rows.isEmpty()) {
            return;
        }
        String stage = "stage_" + table.table();
        String columns = String.join(", ", table.columns());
        String csv = csv(rows);
        jdbc.execute((ConnectionCallback<Void>) connection -> {
            try (Statement statement = connection.createStatement()) {
                statement.execute("create temporary table if not exists " + stage + " (like " + table.table() + ")");
                connection.unwrap(PGConnection.class).getCopyAPI()
                        .copyIn("copy " + stage + " (" + columns + ") from stdin (format csv)", new StringReader(csv));
                statement.executeUpdate("insert into " + table.table() + " (" + columns + ") select " + columns + " from " + stage
                        + " on conflict (" + table.keyColumn() + ") do update set " + table.columns().stream().skip(1)
                        .map(c -> c + " = excluded." + c).collect(Collectors.joining(", ")));
                statement.execute("truncate " + stage);
            } catch (IOException e) {
                throw new SQLException("cannot copy rows into " + stage, e);
            }
            return null;
        });
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
