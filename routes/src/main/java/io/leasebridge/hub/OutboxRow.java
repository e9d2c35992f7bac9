package io.leasebridge.hub;

/** A Salesforce record waiting for delivery, as the outbox holds it. */
public record OutboxRow(long id, String sObject, String externalId, String payload, int version, int attempts) {
}
