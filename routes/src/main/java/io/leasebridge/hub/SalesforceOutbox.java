package io.leasebridge.hub;

import io.leasebridge.hub.sql.ColumnArrays;
import io.leasebridge.hub.sql.HubDatabase;
import io.leasebridge.hub.sql.OutboxClaims;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.leasebridge.mapping.salesforce.ParentRef;
import io.leasebridge.mapping.salesforce.SObjectRecord;
import io.leasebridge.mapping.salesforce.SObjectType;
import io.leasebridge.hub.IngestTimings.Stage;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * What Salesforce must receive. Written in the same transaction as the canonical change that causes
 * it; a row is DELIVERED only once Salesforce confirmed the version that was sent.
 */
@Repository
public class SalesforceOutbox {

    public static final String PENDING = "PENDING";
    public static final String DELIVERED = "DELIVERED";
    public static final String FAILED = "FAILED";

    public static final String TABLE_NAME = "sf_outbox";
    private static final OutboxClaims.Outbox<Long> TABLE =
            new OutboxClaims.Outbox<>(TABLE_NAME, "id", Long.class, "status = 'PENDING'");
    private static final String ROW_COLUMNS = "select id, sobject, external_id, payload, version, attempts from sf_outbox";
    /*
     * A record queued again replaces the version waiting, if any, and waits for its first attempt. New rows
     * take their ids in the order queued (the drain sends in id order): H2's MERGE inserts in the order of
     * its rows, PostgreSQL's in no particular order, so PostgreSQL gets INSERT ... SELECT ... ORDER BY ... ON CONFLICT.
     * Either takes the rows as one array per column, so the statement is the same for any number of rows.
     */
    private static final String QUEUED = ColumnArrays.unnestText(4) + " with ordinality as q (sobject, facet, external_id, payload, ordinal)";
    private static final String QUEUE_H2 = """
            merge into sf_outbox o using (select * from %s) q
            on o.sobject = q.sobject and o.external_id = q.external_id and o.facet = q.facet
            when matched then update set payload = q.payload, version = o.version + 1, status = 'PENDING', attempts = 0,
                 last_error = null, updated_at = cast(? as timestamp with time zone)
            when not matched then insert (sobject, facet, external_id, payload, version, status, attempts, updated_at)
                 values (q.sobject, q.facet, q.external_id, q.payload, 1, 'PENDING', 0, cast(? as timestamp with time zone))"""
            .formatted(QUEUED);
    private static final String QUEUE_POSTGRES = """
            insert into sf_outbox (sobject, facet, external_id, payload, version, status, attempts, updated_at)
            select q.sobject, q.facet, q.external_id, q.payload, 1, 'PENDING', 0, cast(? as timestamp with time zone)
            from %s order by q.ordinal
            on conflict (sobject, external_id, facet) do update set payload = excluded.payload, version = sf_outbox.version + 1,
                 status = 'PENDING', attempts = 0, last_error = null, updated_at = excluded.updated_at"""
            .formatted(QUEUED);

    private static final String MARK_DELIVERED = """
            update sf_outbox set status = 'DELIVERED', sf_id = ?, attempts = attempts + 1, last_error = null,
                   delivered_at = ?, updated_at = ?, claimed_by = null, claimed_until = null where id = ? and version = ?""";

    private final JdbcTemplate jdbc;
    private final ObjectMapper json;
    private final Clock clock;
    private final HeldRecords held;
    private final OutboxClaims claims;
    private final IngestTimings timings;
    private final Supplier<HubDatabase> database;

    public SalesforceOutbox(JdbcTemplate jdbc, ObjectMapper json, Clock clock, HeldRecords held) {
        this(jdbc, json, clock, held, OutboxClaims.local(jdbc, clock), new IngestTimings());
    }

    @Autowired
    public SalesforceOutbox(JdbcTemplate jdbc, ObjectMapper json, Clock clock, HeldRecords held, OutboxClaims claims,
                            IngestTimings timings) {
        this.jdbc = jdbc;
        this.database = HubDatabase.askedOnFirstUse(jdbc);
        this.json = json;
        this.clock = clock;
        this.held = held;
        this.claims = claims;
        this.timings = timings;
    }

    /**
     * Queues the latest state of each record, replacing whatever version was queued before. A record whose
     * lease or customer the hub does not hold is held instead ({@link HeldRecords}); records waiting for a
     * parent queued here are queued with it.
     */
    public void enqueue(List<SObjectRecord> records) {
        if (records.isEmpty()) {
            return;
        }
        long start = System.nanoTime();
        try {
            enqueueLatest(records);
        } finally {
            timings.since(Stage.OUTBOX, start);
        }
    }

    private void enqueueLatest(List<SObjectRecord> records) {
        // A record twice in one call is queued once, as its last state: two inserts would break sf_outbox_record.
        Map<List<String>, SObjectRecord> latest = new LinkedHashMap<>();
        records.forEach(r -> latest.put(List.of(r.type().apiName(), r.type().facet(), r.externalId()), r));
        List<SObjectRecord> ready = holdOrphans(new ArrayList<>(latest.values()));
        write(ready.stream().map(r -> new QueuedRecord(r.type().apiName(), r.type().facet(), r.externalId(), payload(r))).toList());
        Map<String, List<String>> parentsQueued = new LinkedHashMap<>();
        ready.forEach(r -> ParentRef.kindOf(r.type())
                .ifPresent(kind -> parentsQueued.computeIfAbsent(kind, k -> new ArrayList<>()).add(r.externalId())));
        parentsQueued.forEach(this::releaseChildren);
    }

    private List<SObjectRecord> holdOrphans(List<SObjectRecord> records) {
        // by instance: a record's own hash code walks all of its fields
        Map<SObjectRecord, ParentRef> parents = new IdentityHashMap<>();
        Map<String, List<String>> keysByKind = new LinkedHashMap<>();
        for (SObjectRecord record : records) {
            ParentRef.of(record).ifPresent(parent -> {
                parents.put(record, parent);
                keysByKind.computeIfAbsent(parent.kind(), k -> new ArrayList<>()).add(parent.key());
            });
        }
        if (parents.isEmpty()) {
            return records;
        }
        Map<String, Set<String>> present = new LinkedHashMap<>();
        keysByKind.forEach((kind, keys) -> present.put(kind, held.present(kind, keys)));
        List<SObjectRecord> ready = new ArrayList<>(records.size());
        List<QueuedRecord> orphans = new ArrayList<>();
        List<ParentRef> missing = new ArrayList<>();
        for (SObjectRecord record : records) {
            ParentRef parent = parents.get(record);
            if (parent == null || present.get(parent.kind()).contains(parent.key())) {
                ready.add(record);
            } else {
                orphans.add(new QueuedRecord(record.type().apiName(), record.type().facet(), record.externalId(), payload(record)));
                missing.add(parent);
            }
        }
        if (!orphans.isEmpty()) {
            held.hold(orphans, missing);
        }
        return ready;
    }

    /** Queues what waited for these parents; a lease released this way releases its own children in turn. */
    private void releaseChildren(String kind, List<String> parentKeys) {
        List<QueuedRecord> released = held.release(kind, parentKeys);
        if (released.isEmpty()) {
            return;
        }
        write(released);
        List<String> leases = released.stream()
                .filter(r -> SObjectType.LEASE.apiName().equals(r.sobject()) && SObjectType.LEASE.facet().equals(r.facet()))
                .map(QueuedRecord::externalId).toList();
        if (!leases.isEmpty()) {
            releaseChildren(ParentRef.LEASE, leases);
        }
    }

    private void write(List<QueuedRecord> records) {
        if (records.isEmpty()) {
            return;
        }
        Timestamp now = Timestamp.from(clock.instant());
        List<Object[]> rows = records.stream().map(r -> new Object[]{r.sobject(), r.facet(), r.externalId(), r.payload()}).toList();
        if (database.get() == HubDatabase.POSTGRESQL) {
            jdbc.update(QUEUE_POSTGRES, ps -> {
                ps.setTimestamp(1, now);
                ColumnArrays.bind(ps, 2, rows, 4);
            });
        } else {
            jdbc.update(QUEUE_H2, ps -> {
                ColumnArrays.bind(ps, 1, rows, 4);
                ps.setTimestamp(5, now);
                ps.setTimestamp(6, now);
            });
        }
    }

    /** The next pending rows of one type after {@code afterId}, oldest first, claimed or not (a look, not a claim). */
    public List<OutboxRow> nextPending(SObjectType type, long afterId, int limit) {
        return jdbc.query(ROW_COLUMNS + " where status = 'PENDING' and sobject = ? and facet = ? and id > ? order by id limit ?",
                SalesforceOutbox::row, type.apiName(), type.facet(), afterId, limit);
    }

    /**
     * Claims the next pending rows of one type after {@code afterId}, oldest first, for this worker: rows another
     * worker holds are skipped. Each row is marked (which ends its claim) or {@linkplain #release released}.
     */
    public List<OutboxRow> claimNext(SObjectType type, long afterId, int limit) {
        return claimNext(type, afterId, limit, null);
    }

    /** As {@link #claimNext(SObjectType, long, int)}, claimed for {@code period}: a Bulk job can outlast the usual claim. */
    public List<OutboxRow> claimNext(SObjectType type, long afterId, int limit, Duration period) {
        // the order names the index's leading columns, fixed here, so that H2 reads the index in order instead of sorting
        String pending = "status = 'PENDING' and sobject = ? and facet = ? and id > ?";
        String order = "status, sobject, facet, id";
        List<Long> ids = period == null
                ? claims.claim(TABLE, pending, order, limit, type.apiName(), type.facet(), afterId)
                : claims.claim(TABLE, period, pending, order, limit, type.apiName(), type.facet(), afterId);
        if (ids.isEmpty()) {
            return List.of();
        }
        // a Bulk job claims tens of thousands: read in chunks, each under every database's bind-parameter limit
        return InLists.inChunks(ids, chunk -> jdbc.query(ROW_COLUMNS + " where id in (" + InLists.placeholders(chunk.size())
                + ") order by id", SalesforceOutbox::row, chunk.toArray()));
    }

    /**
     * Pending rows of one type, counted up to {@code cap + 1} only: enough to tell a backlog from a trickle, at the same
     * cost at any backlog.
     */
    public long countPending(SObjectType type, long cap) {
        Long count = jdbc.queryForObject("""
                select count(*) from (select id from sf_outbox where status = 'PENDING' and sobject = ? and facet = ?
                order by id fetch first ? rows only) backlog""", Long.class, type.apiName(), type.facet(), cap + 1);
        return count == null ? 0 : count;
    }

    /** Ends this worker's claim on rows it did not mark: they stay pending for the next claim. */
    public void release(List<OutboxRow> rows) {
        claims.release(TABLE, rows.stream().map(OutboxRow::id).toList());
    }

    private static OutboxRow row(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        return new OutboxRow(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getInt(5), rs.getInt(6));
    }

    /** Marks delivered, unless a newer version was queued meanwhile: that one still has to go. */
    public void markDelivered(OutboxRow row, String salesforceId) {
        markDelivered(Map.of(row, salesforceId));
    }

    /** {@link #markDelivered(OutboxRow, String)} for many rows, with their Salesforce ids, in one batch. */
    public void markDelivered(Map<OutboxRow, String> salesforceIds) {
        if (salesforceIds.isEmpty()) {
            return;
        }
        Timestamp now = Timestamp.from(clock.instant());
        jdbc.batchUpdate(MARK_DELIVERED, salesforceIds.entrySet().stream()
                .map(e -> new Object[]{e.getValue(), now, now, e.getKey().id(), e.getKey().version()}).toList());
    }

    public void markFailed(OutboxRow row, String error) {
        jdbc.update("""
                update sf_outbox set status = 'FAILED', attempts = attempts + 1, last_error = ?, updated_at = ?,
                       claimed_by = null, claimed_until = null where id = ? and version = ?""", error, Timestamp.from(clock.instant()), row.id(), row.version());
    }

    /** A failure worth trying again later: the row stays pending with the attempt counted. */
    public void markAttempted(OutboxRow row, String error) {
        jdbc.update("update sf_outbox set attempts = attempts + 1, last_error = ?, updated_at = ? where id = ? and version = ?",
                error, Timestamp.from(clock.instant()), row.id(), row.version());
    }

    /** Puts a failed record back in the queue, for a replay. */
    public boolean requeue(SObjectType type, String externalId) {
        return jdbc.update("""
                update sf_outbox set status = 'PENDING', attempts = 0, updated_at = ?
                where sobject = ? and facet = ? and external_id = ? and status = 'FAILED'""",
                Timestamp.from(clock.instant()), type.apiName(), type.facet(), externalId) > 0;
    }

    /**
     * Sends a delivered record again, as a new version (Salesforce lost it or holds another value): what the
     * reconciliation's mend does. A record not delivered is on its way already, or refused.
     */
    public boolean resend(SObjectType type, String externalId) {
        return jdbc.update("""
                update sf_outbox set status = 'PENDING', version = version + 1, attempts = 0, last_error = null, updated_at = ?
                where sobject = ? and facet = ? and external_id = ? and status = 'DELIVERED'""",
                Timestamp.from(clock.instant()), type.apiName(), type.facet(), externalId) > 0;
    }

    /**
     * Pending rows per record type, keyed as {@link SObjectType#recordType()} names them: the object, or object#facet.
     * One grouped count on the {@code sf_outbox_pending} index.
     */
    public Map<String, Long> pendingByRecordType() {
        Map<String, Long> pending = new HashMap<>();
        jdbc.query("select sobject, facet, count(*) from sf_outbox where status = 'PENDING' group by sobject, facet", rs -> {
            String facet = rs.getString(2);
            pending.put(facet == null || facet.isEmpty() ? rs.getString(1) : rs.getString(1) + "#" + facet, rs.getLong(3));
        });
        return pending;
    }

    public long count(String status) {
        Long count = jdbc.queryForObject("select count(*) from sf_outbox where status = ?", Long.class, status);
        return count == null ? 0 : count;
    }

    private String payload(SObjectRecord record) {
        long start = System.nanoTime();
        try {
            return json.writeValueAsString(record.fields());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialize " + record.type().apiName() + " " + record.externalId(), e);
        } finally {
            timings.since(Stage.PAYLOAD, start);
        }
    }
}
