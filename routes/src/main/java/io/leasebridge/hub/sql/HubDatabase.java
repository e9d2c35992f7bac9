package io.leasebridge.hub.sql;

import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;

import java.util.function.Supplier;

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

    /**
     * The database of {@code jdbc}, asked on first use and then kept: a store is made while the application starts,
     * when the hub need not answer yet.
     */
    public static Supplier<HubDatabase> askedOnFirstUse(JdbcTemplate jdbc) {
        return new Supplier<>() {
            private volatile HubDatabase database;

            @Override
            public HubDatabase get() {
                if (database == null) {
                    database = of(jdbc);
                }
                return database;
            }
        };
    }
}
