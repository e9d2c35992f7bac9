package io.leasebridge.hub;

/** A dead letter as the table holds it. */
public record StoredDeadLetter(long id, DeadLetter letter, int attempts, String status) {
}
