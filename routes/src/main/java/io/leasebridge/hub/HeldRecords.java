package io.leasebridge.hub;

import io.leasebridge.hub.sql.KeyLookup;
import io.leasebridge.mapping.salesforce.ParentRef;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Salesforce records WAITING_FOR_PARENT: their lease or customer is not in the hub (quarantined, or in an
 * export not read yet). They are kept here, not in the outbox, and go to the outbox by themselves when the
 * parent arrives ({@link SalesforceOutbox} asks on every enqueue of a parent).
 */
@Repository
public class HeldRecords {

    private final JdbcTemplate jdbc;
    private final Clock clock;

    public HeldRecords(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Which of these parents the hub holds. */
    Set<String> present(String kind, Collection<String> keys) {
        String sql = ParentRef.CUSTOMER.equals(kind)
                ? "select c.customer_id from unnest(?) k (id) join customer c on c.customer_id = k.id"
                : "select l.lease_id from unnest(?) k (id) join lease_account l on l.lease_id = k.id";
        return new HashSet<>(KeyLookup.rows(jdbc, sql, keys, (rs, n) -> rs.getString(1)));
    }

    void hold(List<QueuedRecord> records, List<ParentRef> parents) {
        Timestamp now = Timestamp.from(clock.instant());
        List<Object[]> updates = new ArrayList<>();
        for (int i = 0; i < records.size(); i++) {
            QueuedRecord r = records.get(i);
            updates.add(new Object[]{r.payload(), parents.get(i).kind(), parents.get(i).key(), now, r.sobject(), r.facet(), r.externalId()});
        }
        int[] updated = jdbc.batchUpdate("""
                update sf_held set payload = ?, parent_type = ?, parent_key = ?, held_at = ?
                where sobject = ? and facet = ? and external_id = ?""", updates);
        List<Object[]> inserts = new ArrayList<>();
        for (int i = 0; i < updated.length; i++) {
            if (updated[i] == 0) {
                Object[] u = updates.get(i);
                inserts.add(new Object[]{u[4], u[5], u[6], u[0], u[1], u[2], u[3]});
            }
        }
        if (!inserts.isEmpty()) {
            jdbc.batchUpdate("""
                    insert into sf_held (sobject, facet, external_id, payload, parent_type, parent_key, held_at)
                    values (?, ?, ?, ?, ?, ?, ?)""", inserts);
        }
    }

    /** Takes out the records waiting for these parents, to be queued now. */
    List<QueuedRecord> release(String kind, Collection<String> parentKeys) {
        List<QueuedRecord> released = InLists.inChunks(new HashSet<>(parentKeys), chunk -> jdbc.query("""
                        select sobject, facet, external_id, payload from sf_held
                        where parent_type = ? and parent_key in (%s)""".formatted(InLists.placeholders(chunk.size())),
                (rs, n) -> new QueuedRecord(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)),
                withKind(kind, chunk)));
        if (!released.isEmpty()) {
            jdbc.batchUpdate("delete from sf_held where sobject = ? and facet = ? and external_id = ?",
                    released.stream().map(r -> new Object[]{r.sobject(), r.facet(), r.externalId()}).toList());
        }
        return released;
    }

    /** Held records per Salesforce object, e.g. {@code Payment__c -> 12}. */
    public Map<String, Long> countsByObject() {
        Map<String, Long> counts = new LinkedHashMap<>();
        jdbc.query("""
                select sobject, facet, count(*) from sf_held group by sobject, facet order by sobject, facet""",
                rs -> {
                    String facet = rs.getString(2);
                    counts.put(facet.isEmpty() ? rs.getString(1) : rs.getString(1) + "#" + facet, rs.getLong(3));
                });
        return counts;
    }

    private static Object[] withKind(String kind, List<String> keys) {
        Object[] args = new Object[keys.size() + 1];
        args[0] = kind;
        for (int i = 0; i < keys.size(); i++) {
            args[i + 1] = keys.get(i);
        }
        return args;
    }
}
