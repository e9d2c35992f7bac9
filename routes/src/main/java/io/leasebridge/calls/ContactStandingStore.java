package io.leasebridge.calls;

import io.leasebridge.hub.InLists;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.function.Predicate;

/**
 * Each lease's contact standing as last worked out and sent ({@code lease_contact_standing}), and where its customer
 * is: the lease's garaging state, else the customer's.
 */
@Repository
public class ContactStandingStore {

    /** Where a lease's customer is, and whether they may be called. */
    record Place(String timeZone, String state, boolean doNotCall) {
    }

    private static final String PLACES = """
            select a.lease_id, c.time_zone, coalesce(nullif(a.garaging_state, ''), c.state), c.do_not_call
            from lease_account a join customer c on c.customer_id = a.customer_id""";

    private final JdbcTemplate jdbc;

    public ContactStandingStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Leases whose standing holds until {@code now} at the latest. */
    List<String> validUntil(Instant now) {
        return jdbc.queryForList("select lease_id from lease_contact_standing where valid_until <= ? order by lease_id",
                String.class, Timestamp.from(now));
    }

    /** The leases with no standing yet whose place {@code decided} says is enough to decide one. */
    List<String> withoutStanding(Predicate<Place> decided) {
        List<String> leases = new ArrayList<>();
        jdbc.query(PLACES + " where not exists (select 1 from lease_contact_standing s where s.lease_id = a.lease_id)", rs -> {
            if (decided.test(new Place(rs.getString(2), rs.getString(3), rs.getBoolean(4)))) {
                leases.add(rs.getString(1));
            }
        });
        return leases;
    }

    /** The leases whose customer or lease changed since their standing was worked out. */
    List<String> changedSinceWorkedOut() {
        return jdbc.queryForList("""
                select s.lease_id from lease_contact_standing s
                join lease_account a on a.lease_id = s.lease_id join customer c on c.customer_id = a.customer_id
                where c.updated_at > s.computed_at or a.updated_at > s.computed_at""", String.class);
    }

    /** Where each lease's customer is; leases the hub does not hold are left out. */
    Map<String, Place> places(Collection<String> leaseIds) {
        Map<String, Place> places = new HashMap<>();
        InLists.inChunks(leaseIds, chunk -> jdbc.query(PLACES + " where a.lease_id in (" + InLists.placeholders(chunk.size()) + ")",
                (rs, n) -> Map.entry(rs.getString(1), new Place(rs.getString(2), rs.getString(3), rs.getBoolean(4))),
                chunk.toArray())).forEach(e -> places.put(e.getKey(), e.getValue()));
        return places;
    }

    /** The hash of the standing last sent, by lease. */
    Map<String, String> sentHashes(Collection<String> leaseIds) {
        Map<String, String> hashes = new HashMap<>();
        InLists.inChunks(leaseIds, chunk -> jdbc.query("select lease_id, standing_hash from lease_contact_standing where lease_id in ("
                        + InLists.placeholders(chunk.size()) + ")",
                (rs, n) -> Map.entry(rs.getString(1), rs.getString(2)), chunk.toArray()))
                .forEach(e -> hashes.put(e.getKey(), Objects.requireNonNull(e.getValue())));
        return hashes;
    }

    /** Stores the lease's standing; {@code known} says whether it had one. */
    void save(String leaseId, boolean known, String hash, String blockedReason, Timestamp validUntil, Instant computedAt) {
        if (!known) {
            jdbc.update("insert into lease_contact_standing (lease_id, standing_hash, blocked_reason, valid_until, computed_at)"
                    + " values (?, ?, ?, ?, ?)", leaseId, hash, blockedReason, validUntil, Timestamp.from(computedAt));
        } else {
            jdbc.update("update lease_contact_standing set standing_hash = ?, blocked_reason = ?, valid_until = ?, computed_at = ?"
                    + " where lease_id = ?", hash, blockedReason, validUntil, Timestamp.from(computedAt), leaseId);
        }
    }

    /** How many leases stand blocked, by the rule that blocks them (its name), as last worked out. */
    Map<String, Long> blockedByRule() {
        Map<String, Long> byRule = new TreeMap<>();
        jdbc.query("select blocked_reason from lease_contact_standing where blocked_reason is not null", rs -> {
            String reason = rs.getString(1);
            int colon = reason.indexOf(':');
            byRule.merge(colon < 0 ? reason : reason.substring(0, colon), 1L, Long::sum);
        });
        return byRule;
    }
}
