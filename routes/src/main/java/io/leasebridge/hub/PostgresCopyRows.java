package io.leasebridge.hub;

import org.springframework.jdbc.core.JdbcTemplate;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * PostgreSQL: the rows go by {@code COPY} into a staging table with the target's columns and types but none of its
 * constraints, then into the target with one {@code INSERT ... SELECT ... ON CONFLICT DO UPDATE}: the target's
 * constraints judge the rows, and a refusal names the target, as it would for an insert.
 */
final class PostgresCopyRows implements CanonicalRows {

    private final Map<String, Staged> byTable = new ConcurrentHashMap<>();

    @Override
    public void write(JdbcTemplate jdbc, CanonicalTable<?> table, List<Object[]> rows) {
        if (rows.isEmpty()) {
            return;
        }
        Staged staged = byTable.computeIfAbsent(table.table(), name -> Staged.of(table));
        staged.stage().copyThen(jdbc, rows, staged.upsert());
    }

    private record Staged(CopyStage stage, String upsert) {

        static Staged of(CanonicalTable<?> table) {
            CopyStage stage = new CopyStage("stage_" + table.table(), "as select * from " + table.table() + " with no data", table.columns());
            String columns = String.join(", ", table.columns());
            return new Staged(stage, "insert into " + table.table() + " (" + columns + ") select " + columns + " from " + stage.name()
                    + " on conflict (" + table.keyColumn() + ") do update set " + table.columns().stream().skip(1)
                    .map(c -> c + " = excluded." + c).collect(Collectors.joining(", ")));
        }
    }
}
