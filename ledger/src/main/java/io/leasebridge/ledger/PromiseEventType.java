package io.leasebridge.ledger;

/**
 * What can happen to a promise. Events are appended, never changed or removed. UNCONFIRMED: the snapshot row
 * that would have said whether the promise still stands was quarantined; CONFIRMED: a valid snapshot settled it.
 * REVISED: a payment or reversal that arrived after the verdict changed it; the new verdict follows it, and the
 * old one stays in the history.
 */
public enum PromiseEventType {
    MADE, AMENDED, CANCELLED, PAYMENT_APPLIED, PAYMENT_REVERSED, KEPT, PARTIALLY_KEPT, BROKEN, UNCONFIRMED, CONFIRMED, REVISED
}
