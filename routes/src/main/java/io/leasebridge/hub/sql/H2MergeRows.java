package io.leasebridge.hub.sql;

import io.leasebridge.hub.CanonicalTable;
import io.leasebridge.hub.InLists;
import org.springframework.jdbc.core.JdbcTemplate;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** H2: one {@code MERGE ... KEY} statement, its rows sent as one JDBC batch. */
final class H2MergeRows implements CanonicalRows {

    private final Map<String, String> statements = new ConcurrentHashMap<>();

    @Override
    public void write(JdbcTemplate jdbc, CanonicalTable<?> table, List<Object[]> rows) {
        if (rows.isEmpty()) {
            return;
        }
        String merge = statements.computeIfAbsent(table.table(), name -> "merge into " + name + " ("
                + String.join(", ", table.columns()) + ") key (" + table.keyColumn() + ") values ("
                + InLists.placeholders(table.columns().size()) + ")");
        jdbc.batchUpdate(merge, rows);
    }
}
