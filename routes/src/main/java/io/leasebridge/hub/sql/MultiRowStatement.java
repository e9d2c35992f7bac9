package io.leasebridge.hub.sql;

import org.springframework.jdbc.core.JdbcTemplate;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Inserts or updates many rows with one statement per {@value #ROWS_PER_STATEMENT} rows, e.g.
 * {@code MERGE ... USING (VALUES (...), (...))}, which H2 and PostgreSQL (15 and later) both take, or
 * PostgreSQL's {@code INSERT ... VALUES (...), (...) ON CONFLICT}. It replaces a batch of updates followed
 * by a batch of inserts for the rows no update found: on a first read every update missed, and PostgreSQL
 * took each statement of a batch on its own.
 * <p>In a {@code MERGE}, values are cast in the row template ({@code cast(? as date)}) wherever the column
 * is not text: PostgreSQL types a {@code VALUES} list from its parameters, and reads an untyped one (a null)
 * as text. A {@code MERGE} on PostgreSQL inserts in no particular order; where the order of generated ids
 * matters, use {@code INSERT ... ON CONFLICT} there.
 */
public final class MultiRowStatement {

    /** Rows per statement: under every database's bind-parameter limit for tables this wide. */
    static final int ROWS_PER_STATEMENT = 200;

    private final String template;
    private final String row;
    private final int columns;

    /**
     * @param template the statement, {@code %s} where the rows go ({@code using (values %s) as s (a, b)})
     * @param row      one row of parameters, e.g. {@code (?, cast(? as date))}
     */
    public MultiRowStatement(String template, String row) {
        this.template = template;
        this.row = row;
        this.columns = (int) row.chars().filter(c -> c == '?').count();
    }

    /** Runs the statement for these rows, each an array of values in the row's order. */
    public void execute(JdbcTemplate jdbc, List<Object[]> rows) {
        for (int from = 0; from < rows.size(); from += ROWS_PER_STATEMENT) {
            List<Object[]> chunk = rows.subList(from, Math.min(rows.size(), from + ROWS_PER_STATEMENT));
            List<Object> args = new ArrayList<>(chunk.size() * columns);
            for (Object[] values : chunk) {
                if (values.length != columns) {
                    throw new IllegalArgumentException("a row of " + values.length + " values for " + columns + " columns");
                }
                Collections.addAll(args, values);
            }
            jdbc.update(template.formatted(String.join(", ", Collections.nCopies(chunk.size(), row))), args.toArray());
        }
    }
}
