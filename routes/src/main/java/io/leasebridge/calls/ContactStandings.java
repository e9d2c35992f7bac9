package io.leasebridge.calls;

import io.leasebridge.contact.CallAttempt;
import io.leasebridge.contact.ContactGuardrails;
import io.leasebridge.contact.ContactStanding;
import io.leasebridge.contact.CustomerZones;
import io.leasebridge.contact.TextContact;
import io.leasebridge.contact.TextMessage;
import io.leasebridge.mapping.salesforce.SObjectRecord;
import io.leasebridge.mapping.salesforce.SalesforceRecords;
import org.springframework.stereotype.Service;
import org.springframework.util.DigestUtils;

import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * Works out where leases stand against the contact limits and tells Salesforce only what changed. Runs in its
 * caller's transaction: the standing stored and the Lease__c update queued commit together.
 */
@Service
public class ContactStandings {

    private final ContactStandingStore store;
    private final CallActivities activities;
    private final ContactGuardrails guardrails;
    private final Clock clock;
    private final boolean textsRead;
    private final java.time.Duration period;

    public ContactStandings(ContactStandingStore store, CallActivities activities, ContactProperties properties, Clock clock) {
        this.store = store;
        this.activities = activities;
        this.guardrails = new ContactGuardrails(properties.limits());
        this.clock = clock;
        this.textsRead = properties.sms().configured();
        this.period = properties.attemptPeriod();
    }

    /** Leases whose standing may have changed by now with no new activity (an attempt aged out, hours opened). */
    public List<String> due() {
        return store.validUntil(clock.instant());
    }

    /**
     * Leases whose standing no call has set yet but the limits decide already (do not call, no way to tell the
     * customer's local time), and leases whose customer or lease changed since their standing was worked out.
     */
    public List<String> unsettled() {
        java.util.Set<String> leases = new java.util.TreeSet<>(store.withoutStanding(
                place -> place.doNotCall() || CustomerZones.of(place.timeZone(), place.state()).isEmpty()));
        leases.addAll(store.changedSinceWorkedOut());
        return List.copyOf(leases);
    }

    /** The standing of these leases now; returns the Lease__c updates for those whose standing changed. */
    public List<SObjectRecord> recompute(Collection<String> leaseIds) {
        Instant now = clock.instant();
        Map<String, ContactStandingStore.Place> places = store.places(leaseIds);
        Map<String, List<CallAttempt>> attempts = activities.attempts(places.keySet());
        Map<String, List<TextMessage>> texts = textsRead ? activities.texts(places.keySet()) : Map.of();
        Map<String, String> sent = store.sentHashes(places.keySet());
        List<SObjectRecord> changed = new ArrayList<>();
        for (Map.Entry<String, ContactStandingStore.Place> lease : places.entrySet()) {
            ContactStandingStore.Place place = lease.getValue();
            ContactStanding standing = guardrails.standing(attempts.getOrDefault(lease.getKey(), List.of()),
                    CustomerZones.of(place.timeZone(), place.state()), place.doNotCall(), now);
            TextContact textContact = textsRead ? TextContact.of(texts.getOrDefault(lease.getKey(), List.of()), now, period) : null;
            String hash = hash(standing, textContact);
            Timestamp validUntil = earliest(standing.validUntil(), textContact == null ? null : textContact.validUntil());
            store.save(lease.getKey(), sent.containsKey(lease.getKey()), hash, reason(standing), validUntil, now);
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
        ContactStandingStore.Place place = store.places(List.of(leaseId)).get(leaseId);
        if (place == null) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(guardrails.standing(activities.attempts(List.of(leaseId)).getOrDefault(leaseId, List.of()),
                CustomerZones.of(place.timeZone(), place.state()), place.doNotCall(), now));
    }

    /** How many leases stand blocked, by the rule that blocks them (its name), as last worked out. */
    public Map<String, Long> blockedByRule() {
        return store.blockedByRule();
    }
}
