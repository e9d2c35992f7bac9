package io.leasebridge.hub;

/** One Salesforce record as the outbox keeps it: object, facet, external id and the JSON it is sent as. */
record QueuedRecord(String sobject, String facet, String externalId, String payload) {
}
