package io.leasebridge.ledger;

/** What can happen to a promise. Events are appended, never changed or removed. */
public enum PromiseEventType {
    MADE, AMENDED, CANCELLED, PAYMENT_APPLIED, PAYMENT_REVERSED, KEPT, PARTIALLY_KEPT, BROKEN
}
