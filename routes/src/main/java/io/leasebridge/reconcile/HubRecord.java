package io.leasebridge.reconcile;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * A record the hub queued for Salesforce: its external id, outbox status, whether Salesforce was ever sent it (a
 * record queued again holds its earlier version there), and the amount and day of the version last delivered
 * (null while a newer one waits).
 */
record HubRecord(String externalId, String status, boolean everDelivered, BigDecimal amount, LocalDate day) {

    boolean delivered() {
        return "DELIVERED".equals(status);
    }
}
