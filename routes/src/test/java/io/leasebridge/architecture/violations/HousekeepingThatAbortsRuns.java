package io.leasebridge.architecture.violations;

import io.leasebridge.hub.RunHistory;

/** Keeps the run bookkeeping rule: ending the runs a departed process left is housekeeping, not a run of its own. */
public class HousekeepingThatAbortsRuns {

    private final RunHistory history;

    public HousekeepingThatAbortsRuns(RunHistory history) {
        this.history = history;
    }

    public int abortDeparted() {
        return history.abortRunsOfOtherNodes();
    }
}
