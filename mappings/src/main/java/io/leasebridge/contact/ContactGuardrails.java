package io.leasebridge.contact;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * Where a lease stands against the contact limits, as a pure function of its call attempts, where the customer
 * is and whether they may be called at all. Fails closed: do-not-call, or no way to tell the customer's local time,
 * allows no call.
 */
public final class ContactGuardrails {

    /** Why no call is allowed now; the field Salesforce shows starts with the name. */
    public enum Blocked {
        DO_NOT_CALL, NO_TIME_ZONE, ATTEMPT_LIMIT, CONVERSATION_PAUSE, OUTSIDE_CALLING_HOURS
    }

    private final ContactLimits limits;

    public ContactGuardrails(ContactLimits limits) {
        this.limits = limits;
    }

    /**
     * @param attempts  the lease's call attempts (any order; those after {@code now} are ignored)
     * @param zones     the zones a call must suit ({@link CustomerZones}); empty: the customer's local time is unknown
     * @param doNotCall the customer's do-not-call preference (already "true" when it was blank or unreadable)
     */
    public ContactStanding standing(List<CallAttempt> attempts, List<ZoneId> zones, boolean doNotCall, Instant now) {
        List<CallAttempt> past = attempts.stream().filter(a -> !a.at().isAfter(now))
                .sorted(Comparator.comparing(CallAttempt::at)).toList();
        Instant periodStart = now.minus(limits.attemptPeriod());
        // an attempt counts while less than the period has passed since it: at exactly the period, it no longer does
        List<Instant> inPeriod = past.stream().map(CallAttempt::at).filter(t -> t.isAfter(periodStart)).toList();
        Instant lastConversation = past.stream().filter(CallAttempt::conversation).map(CallAttempt::at)
                .max(Comparator.naturalOrder()).orElse(null);
        int count = inPeriod.size();
        Instant countChanges = inPeriod.isEmpty() ? null : inPeriod.get(0).plus(limits.attemptPeriod());
        if (doNotCall) {
            return new ContactStanding(count, lastConversation, null, Blocked.DO_NOT_CALL + ": the customer asked not to be called",
                    countChanges);
        }
        if (zones.isEmpty()) {
            return new ContactStanding(count, lastConversation, null, Blocked.NO_TIME_ZONE
                    + ": neither the Account's time zone nor the garaging state tells the customer's local time", countChanges);
        }
        Instant notBefore = now;
        String reason = null;
        if (count >= limits.maxCallAttempts()) {
            notBefore = inPeriod.get(count - limits.maxCallAttempts()).plus(limits.attemptPeriod());
            reason = Blocked.ATTEMPT_LIMIT + ": " + count + " call attempts within " + days(limits.attemptPeriod())
                    + " (at most " + limits.maxCallAttempts() + ")";
        }
        Instant pauseEnd = lastConversation == null ? null : lastConversation.plus(limits.pauseAfterConversation());
        if (pauseEnd != null && pauseEnd.isAfter(notBefore)) {
            notBefore = pauseEnd;
            reason = Blocked.CONVERSATION_PAUSE + ": a conversation on " + lastConversation + ", no call for "
                    + days(limits.pauseAfterConversation()) + " after one";
        }
        Instant next = withinCallingHours(notBefore, zones);
        if (reason == null && next.isAfter(now)) {
            reason = Blocked.OUTSIDE_CALLING_HOURS + ": calls only " + limits.earliest() + "-" + limits.latest()
                    + " in " + zones.stream().map(ZoneId::getId).reduce((a, b) -> a + " and " + b).orElseThrow();
        }
        List<Instant> changes = new ArrayList<>();
        changes.add(countChanges);
        changes.add(pauseEnd != null && pauseEnd.isAfter(now) ? pauseEnd : null);
        changes.add(nextHoursBoundary(now, zones));
        Instant validUntil = changes.stream().filter(Objects::nonNull).min(Comparator.naturalOrder()).orElse(null);
        return new ContactStanding(count, lastConversation, next, reason, validUntil);
    }

    /** The first moment at or after {@code t} inside the calling hours of every zone. */
    Instant withinCallingHours(Instant t, List<ZoneId> zones) {
        Instant candidate = t;
        // zones of one state differ by an hour or two, so the intersection of their hours is reached in a few rounds
        for (int round = 0; round < 8; round++) {
            Instant moved = candidate;
            for (ZoneId zone : zones) {
                ZonedDateTime local = moved.atZone(zone);
                LocalTime time = local.toLocalTime();
                if (time.isBefore(limits.earliest())) {
                    moved = ZonedDateTime.of(local.toLocalDate(), limits.earliest(), zone).toInstant();
                } else if (!time.isBefore(limits.latest())) {
                    moved = ZonedDateTime.of(local.toLocalDate().plusDays(1), limits.earliest(), zone).toInstant();
                }
            }
            if (moved.equals(candidate)) {
                return candidate;
            }
            candidate = moved;
        }
        throw new IllegalStateException("no moment suits the calling hours of " + zones);
    }

    private Instant nextHoursBoundary(Instant now, List<ZoneId> zones) {
        Instant next = null;
        for (ZoneId zone : zones) {
            LocalDate today = now.atZone(zone).toLocalDate();
            for (Instant b : List.of(ZonedDateTime.of(today, limits.earliest(), zone).toInstant(),
                    ZonedDateTime.of(today, limits.latest(), zone).toInstant(),
                    ZonedDateTime.of(today.plusDays(1), limits.earliest(), zone).toInstant())) {
                if (b.isAfter(now) && (next == null || b.isBefore(next))) {
                    next = b;
                }
            }
        }
        return next;
    }

    private static String days(java.time.Duration period) {
        return period.toHours() % 24 == 0 ? period.toDays() + " days" : period.toString();
    }
}
