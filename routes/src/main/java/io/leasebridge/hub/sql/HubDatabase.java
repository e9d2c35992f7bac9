package io.leasebridge.hub.sql;

import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;

/** The database the hub runs on, for the few statements that differ between them. */
public enum HubDatabase {
    H2, POSTGRESQL;

    /** Asks the database (a connection's metadata); callers keep the answer. */
    public static HubDatabase of(JdbcTemplate jdbc) {
        HubDatabase database = jdbc.execute((ConnectionCallback<HubDatabase>) c ->
                c.getMetaData().getDatabaseProductName().startsWith("PostgreSQL") ? POSTGRESQL : H2);
        if (database == null) {
            throw new IllegalStateException("the hub database did not say what it is");
        }
        return database;
    }
}
