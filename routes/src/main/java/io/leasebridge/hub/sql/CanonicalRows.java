package io.leasebridge.hub.sql;

import io.leasebridge.hub.CanonicalTable;
import org.springframework.jdbc.core.JdbcTemplate;

import java.util.List;

/**
 * Writes a batch of whole rows of a canonical table, inserting new keys and replacing the rows of known ones,
 * in as few round trips as the database allows: PostgreSQL upserts them in one statement that takes each column
 * as an array, H2 merges them in one batch. Callers hold the transaction and pass each key once.
 */
public interface CanonicalRows {

    /** @param rows each row's values in {@link CanonicalTable#columns()} order */
    void write(JdbcTemplate jdbc, CanonicalTable<?> table, List<Object[]> rows);

    static CanonicalRows of(HubDatabase database) {
        return database == HubDatabase.POSTGRESQL ? new PostgresUnnestRows() : new H2MergeRows();
    }
}
