package io.leasebridge.reconcile;

import java.time.LocalDate;

/**
 * One record where a system and the hub disagree, and why: the kinds the hub knows of explain a difference (the
 * record waits, or was refused); the others are unexplained until someone acts. Where LeaseBridge can mend one
 * (send the hub's record again, post a lost or voided document again), {@link #mendable()} says so.
 */
public record Difference(String system, String object, String key, LocalDate day, Kind kind, String detail) {

    public enum Kind {
        /** Queued in the hub, not delivered yet. */
        PENDING(true, false),
        /** Refused by the target: see its dead letter. */
        REFUSED(true, false),
        /** Held in the hub until its parent arrives. */
        WAITING_FOR_PARENT(true, false),
        /** Delivered once, gone from Salesforce now (deleted there). */
        MISSING_IN_SALESFORCE(false, true),
        /** In Salesforce with another amount than the hub delivered (edited there). */
        CHANGED_IN_SALESFORCE(false, true),
        /** In Salesforce with an external id LeaseBridge never delivered. */
        NOT_FROM_LEASEBRIDGE(false, false),
        /** Confirmed by QuickBooks once, not there now (deleted there): it can be posted again. */
        MISSING_IN_QUICKBOOKS(false, true),
        /** Voided in QuickBooks after LeaseBridge posted it: it can be posted again, as a new document. */
        VOIDED_IN_QUICKBOOKS(false, true),
        /** In QuickBooks with another total than it confirmed. */
        CHANGED_IN_QUICKBOOKS(false, false);

        private final boolean explained;
        private final boolean mendable;

        Kind(boolean explained, boolean mendable) {
            this.explained = explained;
            this.mendable = mendable;
        }
    }

    public boolean explained() {
        return kind.explained;
    }

    public boolean mendable() {
        return kind.mendable;
    }

    /** What mending does, in the target's words: a Salesforce record is sent again, a QuickBooks document posted again. */
    public String mendLabel() {
        return mendLabel(system);
    }

    public static String mendLabel(String system) {
        return QuickBooksReconciler.QUICKBOOKS.equals(system) ? "Post again" : "Send again";
    }

    /** What an operator's mend has done to a record of {@code system}, for the page's answer. */
    public static String mended(String system) {
        return QuickBooksReconciler.QUICKBOOKS.equals(system) ? "posted again" : "sent again";
    }
}
