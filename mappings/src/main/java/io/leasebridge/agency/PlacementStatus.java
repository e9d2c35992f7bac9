package io.leasebridge.agency;

/** Where a collection agency placement stands: proposed by LeaseBridge, decided by a manager, sent, and ended. */
public enum PlacementStatus {
    PROPOSED, APPROVED, REJECTED, SENT, RECALLED, CLOSED;

    /** A placement in one of these statuses holds the lease: no second one is proposed. */
    public boolean holdsLease() {
        return this == PROPOSED || this == APPROVED || this == SENT;
    }
}
