package io.leasebridge.salesforce;

import io.leasebridge.hub.RunCounts;

import java.util.Map;

/**
 * One outbox drain: counts in total and per sObject (read = rows taken from the outbox), the org's API usage
 * before and after it ({@code used/limit}), and why it stopped early, if it did.
 */
public record DrainReport(RunCounts total, Map<String, RunCounts> bySObject, String orgUsageBefore, String orgUsageAfter,
                          String stoppedFor) {
}
