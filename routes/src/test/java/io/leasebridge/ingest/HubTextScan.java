package io.leasebridge.ingest;

import org.springframework.jdbc.core.JdbcTemplate;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Every text column of every hub table, searched for a value: where personal data must never be. */
final class HubTextScan {

    private HubTextScan() {
    }

    /** "table.column" for each text column holding {@code text} somewhere. */
    static List<String> rowsContaining(JdbcTemplate jdbc, String text) {
        List<String> hits = new ArrayList<>();
        List<Map<String, Object>> columns = jdbc.queryForList("""
                select table_name, column_name from information_schema.columns
                where lower(table_schema) = 'public' and lower(data_type) in ('character varying', 'character large object', 'text', 'clob')""");
        for (Map<String, Object> column : columns) {
            String table = String.valueOf(column.get("TABLE_NAME"));
            String name = String.valueOf(column.get("COLUMN_NAME"));
            Long count = jdbc.queryForObject("select count(*) from \"" + table + "\" where \"" + name + "\" like ?", Long.class,
                    "%" + text + "%");
            if (count != null && count > 0) {
                hits.add(table + "." + name);
            }
        }
        assert !columns.isEmpty() : "no text columns found: the scan would prove nothing";
        return hits;
    }
}
