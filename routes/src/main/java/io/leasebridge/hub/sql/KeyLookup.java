package io.leasebridge.hub.sql;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;

/**
 * Look-ups by many keys in one statement: the keys go as one array parameter and are joined as a table,
 * {@code from unnest(?) k (id) join payment p on p.lease_id = k.id}. The statement is the same whatever the
 * number of keys, and each key is one index look-up on H2 as on PostgreSQL; H2 checks an {@code in} list or
 * {@code = any(?)} against every key again for each row it finds, which costs a batch's size squared.
 */
public final class KeyLookup {

    private KeyLookup() {
    }

    /** Runs {@code sql}, whose one parameter is the keys (each once) as a {@code varchar} array. */
    public static <T> List<T> rows(JdbcTemplate jdbc, String sql, Collection<String> keys, RowMapper<T> row) {
        if (keys.isEmpty()) {
            return List.of();
        }
        Object[] distinct = new LinkedHashSet<>(keys).toArray();
        return jdbc.query(sql, ps -> ps.setArray(1, ps.getConnection().createArrayOf("varchar", distinct)), row);
    }
}
