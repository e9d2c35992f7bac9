package io.leasebridge.salesforce;

import io.leasebridge.hub.RunCounts;

import java.util.Map;

/** One outbox drain: counts in total and per sObject (read = rows taken from the outbox). */
public record DrainReport(RunCounts total, Map<String, RunCounts> bySObject) {
}
