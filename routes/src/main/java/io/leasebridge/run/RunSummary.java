package io.leasebridge.run;

import io.leasebridge.flow.RunOnce;
import io.leasebridge.flow.RunOnceParts;
import io.leasebridge.hub.FlowRun;
import io.leasebridge.hub.RunCounts;
import io.leasebridge.hub.RunHistory;
import org.springframework.stereotype.Component;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The table run-once prints first: one line per flow, from the run history; the features' own lines follow it (Salesforce
 * delivery, the promise ledger), and it ends with every failed run and why.
 */
@Component
class RunSummary implements RunOnceParts {

    private static final String ROW = "%-28s %5s %9s %9s %9s %7s %12s %10s  %s%n";

    private final RunHistory runs;

    RunSummary(RunHistory runs) {
        this.runs = runs;
    }

    @Override
    public List<Report> reports() {
        return List.of(new Report(100, this::printTable), new Report(400, this::printFailures));
    }

    private void printTable(PrintStream out, RunOnce once) {
        out.println();
        out.println("LeaseBridge run summary");
        out.printf(ROW, "flow", "runs", "read", "changed", "sent", "failed", "quarantined", "api calls", "status");
        byFlow(runs.since(once.started())).forEach((flow, flowRuns) -> {
            RunCounts c = flowRuns.stream().map(FlowRun::counts).reduce(RunCounts.NONE, RunCounts::plus);
            long notSucceeded = flowRuns.stream().filter(r -> !RunHistory.SUCCEEDED.equals(r.status())).count();
            out.printf(ROW, flow, flowRuns.size(), c.read(), c.changed(), c.sent(), c.failed(), c.quarantined(), c.apiCalls(),
                    notSucceeded == 0 ? "ok" : notSucceeded + " failed");
        });
        out.println();
    }

    private void printFailures(PrintStream out, RunOnce once) {
        runs.since(once.started()).stream().filter(r -> r.error() != null)
                .forEach(r -> out.printf("FAILED %s %s: %s%n", r.flow(), r.source() == null ? "" : r.source(), r.error()));
        out.println();
    }

    private static Map<String, List<FlowRun>> byFlow(List<FlowRun> runs) {
        Map<String, List<FlowRun>> byFlow = new LinkedHashMap<>();
        runs.forEach(r -> byFlow.computeIfAbsent(r.flow(), f -> new ArrayList<>()).add(r));
        return byFlow;
    }
}
