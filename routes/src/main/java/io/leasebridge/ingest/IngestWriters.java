package io.leasebridge.ingest;

import io.leasebridge.hub.sql.HubDatabase;

import java.util.function.Supplier;

/**
 * How many transactions write an export's batches side by side: {@code leasebridge.leaseworks.writers} where set, else
 * two on PostgreSQL, where a lone writer waits for each statement while a processor idles, and one on H2, which runs
 * on the writers' own threads: a second writer there only contends with the first for the same processors.
 */
public class IngestWriters {

    private final LeaseWorksProperties properties;
    private final Supplier<HubDatabase> database;
    private volatile Integer count;

    /** @param database asked once, at the first export, so that the hub need not answer while the application starts */
    public IngestWriters(LeaseWorksProperties properties, Supplier<HubDatabase> database) {
        this.properties = properties;
        this.database = database;
    }

    public int count() {
        if (count == null) {
            count = properties.writers() != null ? properties.writers() : database.get() == HubDatabase.POSTGRESQL ? 2 : 1;
        }
        return count;
    }
}
