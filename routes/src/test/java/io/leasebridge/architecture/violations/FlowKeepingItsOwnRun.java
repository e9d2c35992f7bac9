package io.leasebridge.architecture.violations;

import io.leasebridge.hub.RunCounts;
import io.leasebridge.hub.RunHistory;

/** Breaks the run bookkeeping rule: it starts and finishes its run in the run history itself, past FlowRuns. */
public class FlowKeepingItsOwnRun {

    private final RunHistory history;

    public FlowKeepingItsOwnRun(RunHistory history) {
        this.history = history;
    }

    public void run() {
        long runId = history.start("fixture-flow", null);
        history.finish(runId, RunCounts.NONE, null);
    }
}
