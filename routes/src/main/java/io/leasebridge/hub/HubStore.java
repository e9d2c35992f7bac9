package io.leasebridge.hub;

import io.leasebridge.hub.sql.CanonicalRows;
import io.leasebridge.hub.sql.HubDatabase;
import io.leasebridge.hub.sql.KeyLookup;
import io.leasebridge.hub.IngestTimings.Stage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The canonical tables. Writes a batch of records and tells which of them are new or changed, so that
 * only those produce outbox work; callers run it inside the batch's transaction.
 */
@Repository
public class HubStore {

    private static final Logger log = LoggerFactory.getLogger(HubStore.class);

    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final IngestTimings timings;
    private volatile CanonicalRows canonicalRows;
    private final Supplier<HubDatabase> database;

    public HubStore(JdbcTemplate jdbc, Clock clock) {
        this(jdbc, clock, new IngestTimings());
    }

    @Autowired
    public HubStore(JdbcTemplate jdbc, Clock clock, IngestTimings timings) {
        this.jdbc = jdbc;
        this.database = HubDatabase.askedOnFirstUse(jdbc);
        this.clock = clock;
        this.timings = timings;
    }

    /** Inserts new records, updates changed ones, skips unchanged ones; returns the new and changed. */
    public <T extends Record> List<T> upsert(CanonicalTable<T> table, Collection<T> records) {
        return upsert(table, records, record -> {
            long hashStart = System.nanoTime();
            String hash = table.contentHash(record);
            timings.since(Stage.HASH, hashStart);
            return hash;
        });
    }

    /** As {@link #upsert(CanonicalTable, Collection)}, with each record's content hash worked out by {@code contentHash}. */
    public <T extends Record> List<T> upsert(CanonicalTable<T> table, Collection<T> records, Function<T, String> contentHash) {
        Map<String, T> latestByKey = new LinkedHashMap<>();
        records.forEach(r -> latestByKey.put(table.key(r), r));
        Map<String, String> storedHashes = storedHashes(table, new ArrayList<>(latestByKey.keySet()));

        Instant now = clock.instant();
        List<Object[]> rows = new ArrayList<>();
        List<T> changed = new ArrayList<>();
        latestByKey.forEach((key, record) -> {
            String hash = contentHash.apply(record);
            if (!hash.equals(storedHashes.get(key))) {
                rows.add(table.rowValues(record, hash, now));
                changed.add(record);
            }
        });
        canonicalRows().write(jdbc, table, rows);
        return changed;
    }

    /**
     * PostgreSQL: gathers the planner's statistics of tables a load has just grown (a sample of each, not a scan). Until
     * autovacuum does, PostgreSQL plans for them as they were, an empty table's index as good as any. H2 plans without.
     * Only a help: what was loaded is committed already, so a refusal is logged and autovacuum does it later.
     */
    public void refreshStatistics(Collection<String> tables) {
        if (tables.isEmpty() || database.get() != HubDatabase.POSTGRESQL) {
            return;
        }
        String analyze = "analyze " + String.join(", ", new TreeSet<>(tables));
        try {
            jdbc.execute(analyze);
        } catch (DataAccessException e) {
            log.warn("{} failed ({}); PostgreSQL plans on the statistics it had until autovacuum gathers them", analyze,
                    e.getMostSpecificCause().getMessage());
        }
    }

    private CanonicalRows canonicalRows() {
        if (canonicalRows == null) {
            canonicalRows = CanonicalRows.of(database.get());
        }
        return canonicalRows;
    }

    private Map<String, String> storedHashes(CanonicalTable<?> table, List<String> keys) {
        Map<String, String> hashes = new HashMap<>(keys.size() * 2);
        KeyLookup.rows(jdbc, table.selectHashesSql(), keys, (rs, n) -> hashes.put(rs.getString(1), rs.getString(2)));
        return hashes;
    }

    public long count(CanonicalTable<?> table) {
        Long count = jdbc.queryForObject("select count(*) from " + table.table(), Long.class);
        return count == null ? 0 : count;
    }
}
