package io.leasebridge.calls;

import io.leasebridge.contact.CallAttempt;
import io.leasebridge.contact.ContactGuardrails;
import io.leasebridge.contact.ContactStanding;
import io.leasebridge.contact.CustomerZones;
import io.leasebridge.contact.TextContact;
import io.leasebridge.contact.TextMessage;
import io.leasebridge.hub.InLists;
import io.leasebridge.mapping.salesforce.SObjectRecord;
import io.leasebridge.mapping.salesforce.SalesforceRecords;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.util.DigestUtils;

import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Works out where leases stand against the contact limits and tells Salesforce only what changed. Runs in its
 * caller's transaction: the standing stored and the Lease__c update queued commit together.
 */
@Service
public class ContactStandings {

    private final JdbcTemplate jdbc;
    private final ContactGuardrails guardrails;
    private final Clock clock;
    private final boolean textsRead;
    private final java.time.Duration period;

    public ContactStandings(JdbcTemplate jdbc, ContactProperties properties, Clock clock) {
        this.jdbc = jdbc;
        this.guardrails = new ContactGuardrails(properties.limits());
        this.clock = clock;
        this.textsRead = properties.sms().configured();
        this.period = properties.attemptPeriod();
    }

    /** Leases whose standing may have changed by now with no new activity (an attempt aged out, hours opened). */
    public List<String> due() {
        return jdbc.queryForList("select lease_id from lease_contact_standing where valid_until <= ? order by lease_id",
                String.class, Timestamp.from(clock.instant()));
    }

    /**
     * Leases whose standing no call has set yet but the limits decide already (do not call, no way to tell the
     * customer's local time), and leases whose customer or lease changed since their standing was worked out.
     */
    public List<String> unsettled() {
        java.util.Set<String> leases = new java.util.TreeSet<>();
        jdbc.query("""
                select a.lease_id, c.time_zone, coalesce(nullif(a.garaging_state, ''), c.state), c.do_not_call
                from lease_account a join customer c on c.customer_id = a.customer_id
                where not exists (select 1 from lease_contact_standing s where s.lease_id = a.lease_id)""", rs -> {
            if (rs.getBoolean(4) || CustomerZones.of(rs.getString(2), rs.getString(3)).isEmpty()) {
                leases.add(rs.getString(1));
            }
        });
        leases.addAll(jdbc.queryForList("""
                select s.lease_id from lease_contact_standing s
                join lease_account a on a.lease_id = s.lease_id join customer c on c.customer_id = a.customer_id
                where c.updated_at > s.computed_at or a.updated_at > s.computed_at""", String.class));
        return List.copyOf(leases);
    }

    /** The standing of these leases now; returns the Lease__c updates for those whose standing changed. */
    public List<SObjectRecord> recompute(Collection<String> leaseIds) {
        Instant now = clock.instant();
        Map<String, Place> places = places(leaseIds);
        Map<String, List<CallAttempt>> attempts = attempts(places.keySet(), now);
        Map<String, List<TextMessage>> texts = textsRead ? texts(places.keySet()) : Map.of();
        Map<String, String> sent = sentHashes(places.keySet());
        List<SObjectRecord> changed = new ArrayList<>();
        for (Map.Entry<String, Place> lease : places.entrySet()) {
            Place place = lease.getValue();
            ContactStanding standing = guardrails.standing(attempts.getOrDefault(lease.getKey(), List.of()),
                    CustomerZones.of(place.timeZone(), place.state()), place.doNotCall(), now);
            TextContact textContact = textsRead ? TextContact.of(texts.getOrDefault(lease.getKey(), List.of()), now, period) : null;
            String hash = hash(standing, textContact);
            Timestamp validUntil = earliest(standing.validUntil(), textContact == null ? null : textContact.validUntil());
            if (!sent.containsKey(lease.getKey())) {
                jdbc.update("insert into lease_contact_standing (lease_id, standing_hash, blocked_reason, valid_until, computed_at)"
                        + " values (?, ?, ?, ?, ?)", lease.getKey(), hash, reason(standing), validUntil, Timestamp.from(now));
            } else {
                jdbc.update("update lease_contact_standing set standing_hash = ?, blocked_reason = ?, valid_until = ?, computed_at = ?"
                        + " where lease_id = ?", hash, reason(standing), validUntil, Timestamp.from(now), lease.getKey());
            }
            if (!hash.equals(sent.get(lease.getKey()))) {
                changed.add(SalesforceRecords.leaseContactLimits(lease.getKey(), standing, textContact));
            }
        }
        return changed;
    }

    /**
     * The figures Salesforce shows, not the moment they were worked out: a standing that is the same as before
     * (Next_Contact_Allowed_At__c aside while a call is allowed, when it is "now") is not sent again.
     */
    private static String hash(ContactStanding s, TextContact texts) {
        String text = s.callAttempts7D() + "|" + s.lastConversationAt() + "|"
                + (s.callAllowed() ? "allowed" : s.nextContactAllowedAt()) + "|" + s.blockedReason()
                + (texts == null ? "" : "|" + texts.textsSent7D() + "|" + texts.lastReplyAt());
        return DigestUtils.md5DigestAsHex(text.getBytes(StandardCharsets.UTF_8));
    }

    private static Timestamp earliest(Instant a, Instant b) {
        Instant first = a == null ? b : b == null || a.isBefore(b) ? a : b;
        return first == null ? null : Timestamp.from(first);
    }

    private static String reason(ContactStanding standing) {
        String reason = standing.blockedReason();
        return reason == null || reason.length() <= 255 ? reason : reason.substring(0, 255);
    }

    /** Where one lease stands now, worked out afresh and neither stored nor sent; empty when the hub lacks its customer. */
    public java.util.Optional<ContactStanding> current(String leaseId) {
        Instant now = clock.instant();
        Place place = places(List.of(leaseId)).get(leaseId);
        if (place == null) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(guardrails.standing(attempts(List.of(leaseId), now).getOrDefault(leaseId, List.of()),
                CustomerZones.of(place.timeZone(), place.state()), place.doNotCall(), now));
    }

    /** How many leases stand blocked, by the rule that blocks them (its name), as last worked out. */
    public Map<String, Long> blockedByRule() {
        Map<String, Long> byRule = new java.util.TreeMap<>();
        jdbc.query("select blocked_reason from lease_contact_standing where blocked_reason is not null", rs -> {
            String reason = rs.getString(1);
            int colon = reason.indexOf(':');
            byRule.merge(colon < 0 ? reason : reason.substring(0, colon), 1L, Long::sum);
        });
        return byRule;
    }

    private record Place(String timeZone, String state, boolean doNotCall) {
    }

    /** Where each lease's customer is, and whether they may be called; leases the hub does not hold are left out. */
    private Map<String, Place> places(Collection<String> leaseIds) {
        Map<String, Place> places = new HashMap<>();
        InLists.inChunks(leaseIds, chunk -> jdbc.query("""
                        select a.lease_id, c.time_zone, coalesce(nullif(a.garaging_state, ''), c.state), c.do_not_call
                        from lease_account a join customer c on c.customer_id = a.customer_id
                        where a.lease_id in (""" + InLists.placeholders(chunk.size()) + ")",
                (rs, n) -> Map.entry(rs.getString(1), new Place(rs.getString(2), rs.getString(3), rs.getBoolean(4))),
                chunk.toArray())).forEach(e -> places.put(e.getKey(), e.getValue()));
        return places;
    }

    private Map<String, List<CallAttempt>> attempts(Collection<String> leaseIds, Instant now) {
        return byLease("select lease_id, attempted_at, conversation from call_attempt", leaseIds, CallAttempt::new);
    }

    private Map<String, List<TextMessage>> texts(Collection<String> leaseIds) {
        return byLease("select lease_id, sent_at, inbound from text_message", leaseIds, TextMessage::new);
    }

    /** Each lease's activities: {@code select} returns the lease, the activity's time and its yes/no column. */
    private <T> Map<String, List<T>> byLease(String select, Collection<String> leaseIds, java.util.function.BiFunction<Instant, Boolean, T> activity) {
        Map<String, List<T>> byLease = new HashMap<>();
        InLists.inChunks(leaseIds, chunk -> jdbc.query(select + " where lease_id in (" + InLists.placeholders(chunk.size()) + ")",
                (rs, n) -> Map.entry(rs.getString(1), activity.apply(rs.getTimestamp(2).toInstant(), rs.getBoolean(3))),
                chunk.toArray())).forEach(e -> byLease.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(e.getValue()));
        return byLease;
    }

    private Map<String, String> sentHashes(Collection<String> leaseIds) {
        Map<String, String> hashes = new HashMap<>();
        InLists.inChunks(leaseIds, chunk -> jdbc.query("select lease_id, standing_hash from lease_contact_standing where lease_id in ("
                        + InLists.placeholders(chunk.size()) + ")",
                (rs, n) -> Map.entry(rs.getString(1), rs.getString(2)), chunk.toArray()))
                .forEach(e -> hashes.put(e.getKey(), Objects.requireNonNull(e.getValue())));
        return hashes;
    }
}
