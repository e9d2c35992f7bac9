package io.leasebridge.hub.sql;

import io.leasebridge.hub.ClusterNode;
import io.leasebridge.hub.InLists;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The claim every outbox table shares ({@code claimed_by}, {@code claimed_until}): a worker claims a batch of
 * pending rows in a short transaction that locks them and skips rows another worker has locked
 * ({@code FOR UPDATE SKIP LOCKED}, PostgreSQL and H2 alike), delivers outside any transaction, and marks each row
 * by its version. A claim whose worker died expires, and the rows are claimed again.
 */
public class OutboxClaims {

    /** Every table that holds outbox rows, with {@code claimed_by} and {@code claimed_until}. */
    static final List<String> TABLES = List.of("sf_outbox", "qb_outbox", "repo_order", "agency_file", "repo_order_recall");

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transaction;
    private final Clock clock;
    private final ClusterNode node;
    private final Duration timeout;
    private final Supplier<HubDatabase> database;

    public OutboxClaims(JdbcTemplate jdbc, TransactionTemplate transaction, Clock clock, ClusterNode node, Duration timeout) {
        this.jdbc = jdbc;
        this.database = HubDatabase.askedOnFirstUse(jdbc);
        this.transaction = transaction;
        this.clock = clock;
        this.node = node;
        this.timeout = timeout;
    }

    /** Claims for this node alone, for stores used on their own (tests, commands). */
    public static OutboxClaims local(JdbcTemplate jdbc, Clock clock) {
        return new OutboxClaims(jdbc, new TransactionTemplate(new DataSourceTransactionManager(
                Objects.requireNonNull(jdbc.getDataSource()))), clock, ClusterNode.LOCAL, Duration.ofMinutes(10));
    }

    /**
     * Claims up to {@code limit} keys of {@code table} that match {@code pending}, in {@code order}: the caller's
     * index on those columns serves the scan, so a batch costs the same at any backlog.
     */
    public <K> List<K> claim(Outbox<K> outbox, String pending, String order, int limit, Object... args) {
        return claim(outbox, timeout, pending, order, limit, args);
    }

    /** As {@link #claim(Outbox, String, String, int, Object...)}, for {@code period} instead of the usual claim time. */
    public <K> List<K> claim(Outbox<K> outbox, Duration period, String pending, String order, int limit, Object... args) {
        return transaction.execute(tx -> {
            Timestamp now = Timestamp.from(clock.instant());
            List<Object> selectArgs = new ArrayList<>(List.of(args));
            selectArgs.add(now);
            selectArgs.add(limit);
            String select = "select " + outbox.key() + " from " + outbox.table() + " where " + pending
                    + " and (claimed_until is null or claimed_until < ?) order by " + order + " fetch first ? rows only";
            List<K> keys = outbox.claimable() != null && database.get() == HubDatabase.H2
                    ? pickThenLock(outbox, select, selectArgs, now)
                    : jdbc.queryForList(select + " for update skip locked", outbox.keyType(), selectArgs.toArray());
            Timestamp until = Timestamp.from(clock.instant().plus(period));
            updateInChunks(outbox, "claimed_by = ?, claimed_until = ?", List.of(node.id(), until), keys, "", List.of());
            return keys;
        });
    }

    /**
     * H2 locks every row a {@code for update} query matches before it applies the limit, so a claim on a large backlog
     * would cost the whole backlog: here the rows are picked first without a lock, then locked through the primary key
     * alone, checked again against the outbox's {@code claimable} condition, skipping those another claim holds.
     */
    private <K> List<K> pickThenLock(Outbox<K> outbox, String select, List<Object> selectArgs, Timestamp now) {
        List<K> picked = jdbc.queryForList(select, outbox.keyType(), selectArgs.toArray());
        Set<K> locked = new HashSet<>(InLists.inChunks(picked, chunk -> {
            List<Object> args = new ArrayList<>(chunk);
            args.add(now);
            return jdbc.queryForList("select " + outbox.key() + " from " + outbox.table() + " where " + outbox.key() + " in ("
                    + InLists.placeholders(chunk.size()) + ") and " + outbox.claimable()
                    + " and (claimed_until is null or claimed_until < ?) order by " + outbox.key() + " for update skip locked",
                    outbox.keyType(), args.toArray());
        }));
        return picked.stream().filter(locked::contains).toList();
    }

    /**
     * Claims as {@link #claim} does and reads the claimed rows in claim order with {@code select}, a query on the outbox
     * table up to its where clause; {@code args} are those of {@code pending}.
     */
    public <K, R> List<R> claimRows(Outbox<K> outbox, String pending, String order, int limit, String select, RowMapper<R> row,
                                    Object... args) {
        List<K> keys = claim(outbox, pending, order, limit, args);
        if (keys.isEmpty()) {
            return List.of();
        }
        // chunks of keys in claim order, each read in that order, keep the whole in claim order
        return InLists.inChunks(keys, chunk -> jdbc.query(select + " where " + outbox.key() + " in ("
                + InLists.placeholders(chunk.size()) + ") order by " + order, row, chunk.toArray()));
    }

    /** Gives back what this node still holds of {@code keys}: rows left pending are free for any worker again. */
    public <K> void release(Outbox<K> outbox, Collection<K> keys) {
        if (keys.isEmpty()) {
            return;
        }
        updateInChunks(outbox, "claimed_by = null, claimed_until = null", List.of(), keys, " and claimed_by = ?", List.of(node.id()));
    }

    /**
     * {@code update <table> set <set> where <key> in (<keys>)<andWhere>}, a statement per chunk of keys: a Bulk job's tens
     * of thousands of rows cost a hundred statements, not a statement each.
     */
    private <K> void updateInChunks(Outbox<K> outbox, String set, List<Object> setArgs, Collection<K> keys, String andWhere,
                                    List<Object> andWhereArgs) {
        InLists.forEachChunk(keys, chunk -> {
            List<Object> all = new ArrayList<>(setArgs);
            all.addAll(chunk);
            all.addAll(andWhereArgs);
            jdbc.update("update " + outbox.table() + " set " + set + " where " + outbox.key() + " in ("
                    + InLists.placeholders(chunk.size()) + ")" + andWhere, all.toArray());
        });
    }

    /** Ends every claim the given (gone) nodes hold, in every outbox table: their rows are free for the live nodes. */
    public int releaseClaimsOf(Collection<String> goneNodes) {
        int released = 0;
        for (String table : TABLES) {
            for (String gone : goneNodes) {
                released += jdbc.update("update " + table + " set claimed_by = null, claimed_until = null where claimed_by = ?", gone);
            }
        }
        return released;
    }

    public String owner() {
        return node.id();
    }

    /**
     * An outbox table and its key column; all are constants of the code, never input. {@code claimable}, where set, is
     * the condition a row keeps while it waits (its status), which lets H2 claim from a large backlog at a bounded cost.
     */
    public record Outbox<K>(String table, String key, Class<K> keyType, String claimable) {

        public Outbox(String table, String key, Class<K> keyType) {
            this(table, key, keyType, null);
        }
    }
}
