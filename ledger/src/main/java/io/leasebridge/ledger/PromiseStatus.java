package io.leasebridge.ledger;

/** Where a promise stands: open until it is cancelled or judged. */
public enum PromiseStatus {
    OPEN, CANCELLED, KEPT, PARTIALLY_KEPT, BROKEN;

    static PromiseStatus judged(PromiseEventType judgement) {
        return PromiseStatus.valueOf(judgement.name());
    }
}
