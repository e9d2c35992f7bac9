package io.leasebridge.hub.sql;

import io.leasebridge.hub.CanonicalTable;
import org.springframework.jdbc.core.JdbcTemplate;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * PostgreSQL: the rows go as one array per column ({@link ColumnArrays}) into one
 * {@code INSERT ... SELECT ... FROM unnest(...) ON CONFLICT DO UPDATE}: the target's constraints judge the rows, and a
 * refusal names the target, as it would for an insert.
 */
final class PostgresUnnestRows implements CanonicalRows {

    private final Map<String, String> upserts = new ConcurrentHashMap<>();

    @Override
    public void write(JdbcTemplate jdbc, CanonicalTable<?> table, List<Object[]> rows) {
        if (rows.isEmpty()) {
            return;
        }
        String upsert = upserts.computeIfAbsent(table.table(), name -> upsert(jdbc, table));
        jdbc.update(upsert, ps -> ColumnArrays.bind(ps, 1, rows, table.columns().size()));
    }

    private static String upsert(JdbcTemplate jdbc, CanonicalTable<?> table) {
        String columns = String.join(", ", table.columns());
        return "insert into " + table.table() + " (" + columns + ") select * from "
                + ColumnArrays.unnest(ColumnArrays.types(jdbc, table.table(), table.columns()))
                + " on conflict (" + table.keyColumn() + ") do update set " + table.columns().stream().skip(1)
                .map(c -> c + " = excluded." + c).collect(Collectors.joining(", "));
    }
}
