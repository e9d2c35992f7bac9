package io.leasebridge.run;

import io.leasebridge.hub.FlowRun;
import io.leasebridge.hub.RunCounts;
import io.leasebridge.salesforce.DrainReport;

import java.io.PrintStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The table run-once prints: one line per flow, then Salesforce delivery per object. */
record RunSummary(List<FlowRun> runs, DrainReport drain, Map<String, Long> promisesByStatus, java.util.Set<String> unmappedCollectors) {

    private static final String ROW = "%-28s %5s %9s %9s %9s %7s %12s %10s  %s%n";

    void print(PrintStream out) {
        out.println();
        out.println("LeaseBridge run summary");
        out.printf(ROW, "flow", "runs", "read", "changed", "sent", "failed", "quarantined", "api calls", "status");
        byFlow().forEach((flow, flowRuns) -> {
            RunCounts c = flowRuns.stream().map(FlowRun::counts).reduce(RunCounts.NONE, RunCounts::plus);
            long notSucceeded = flowRuns.stream().filter(r -> !"SUCCEEDED".equals(r.status())).count();
            out.printf(ROW, flow, flowRuns.size(), c.read(), c.changed(), c.sent(), c.failed(), c.quarantined(), c.apiCalls(),
                    notSucceeded == 0 ? "ok" : notSucceeded + " failed");
        });
        out.println();
        out.println("Salesforce delivery by object (api calls = sObject Collections and Bulk API 2.0 calls, log-ins not counted)");
        out.printf("%-28s %9s %9s %7s %10s%n", "sObject", "outbox", "sent", "failed", "api calls");
        drain.bySObject().forEach((sObject, c) ->
                out.printf("%-28s %9d %9d %7d %10d%n", sObject, c.read(), c.sent(), c.failed(), c.apiCalls()));
        out.printf("org API usage (used/limit, every client of the org): %s before the drain, %s after%n",
                drain.orgUsageBefore(), drain.orgUsageAfter());
        if (drain.stoppedFor() != null) {
            out.println("drain stopped early: " + drain.stoppedFor());
        }
        out.println();
        out.println("Promise ledger: " + promisesByStatus.entrySet().stream()
                .map(e -> e.getKey() + " " + e.getValue()).collect(java.util.stream.Collectors.joining(", ")));
        long kept = promisesByStatus.getOrDefault("KEPT", 0L);
        long judged = kept + promisesByStatus.getOrDefault("PARTIALLY_KEPT", 0L) + promisesByStatus.getOrDefault("BROKEN", 0L);
        out.printf("promise-kept rate: %s (%d kept of %d judged)%n",
                judged == 0 ? "n/a" : String.format(java.util.Locale.ROOT, "%.1f%%", 100.0 * kept / judged), kept, judged);
        if (!unmappedCollectors.isEmpty()) {
            out.println("collectors without a Salesforce user (their tasks went to leasebridge.ledger.fallback-owner): "
                    + String.join(", ", new java.util.TreeSet<>(unmappedCollectors)));
        }
        runs.stream().filter(r -> r.error() != null)
                .forEach(r -> out.printf("FAILED %s %s: %s%n", r.flow(), r.source() == null ? "" : r.source(), r.error()));
        out.println();
    }

    private Map<String, List<FlowRun>> byFlow() {
        Map<String, List<FlowRun>> byFlow = new LinkedHashMap<>();
        runs.forEach(r -> byFlow.computeIfAbsent(r.flow(), f -> new java.util.ArrayList<>()).add(r));
        return byFlow;
    }
}
