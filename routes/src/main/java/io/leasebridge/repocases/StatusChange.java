package io.leasebridge.repocases;

import java.time.Instant;

/**
 * One change of {@code Repo_Status__c} from the Case's field history (or, for a Case without history
 * rows, its status when first seen: {@code historyId} null, {@code from} null).
 */
record StatusChange(String historyId, String from, String to, Instant changedAt, String changedBy) {
}
