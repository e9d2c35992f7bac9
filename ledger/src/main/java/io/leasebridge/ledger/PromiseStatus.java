package io.leasebridge.ledger;

/**
 * Where a promise stands: open until it is cancelled or judged. UNCONFIRMED is open too, but in doubt: its
 * snapshot row was quarantined, so it is neither cancelled nor judged until a valid row settles it.
 */
public enum PromiseStatus {
    OPEN, UNCONFIRMED, CANCELLED, KEPT, PARTIALLY_KEPT, BROKEN;

    public boolean isOpen() {
        return this == OPEN || this == UNCONFIRMED;
    }

    static PromiseStatus judged(PromiseEventType judgement) {
        return PromiseStatus.valueOf(judgement.name());
    }
}
