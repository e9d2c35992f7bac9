package io.leasebridge.risk;

/** The rules that add to a lease's recovery risk; on equal points, a reason of an earlier rule is shown first. */
public enum RiskRule {
    DAYS_PAST_DUE, RISING_DAYS_PAST_DUE, BROKEN_PROMISES, REPEAT_BREAKER, GPS_ALERT, NO_GPS_DISCLOSURE, CONTACT_BLOCKED,
    PROMISE_DUE_TODAY
}
