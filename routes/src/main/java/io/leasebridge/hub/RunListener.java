package io.leasebridge.hub;

/** Hears of each run as the run history records its start and its end (metrics count runs this way). */
public interface RunListener {

    /** Hears nothing: for a run history built outside Spring. */
    RunListener NONE = new RunListener() {
        @Override
        public void runStarted(long runId, String flow) {
        }

        @Override
        public void runFinished(long runId, RunCounts counts, String error) {
        }
    };

    void runStarted(long runId, String flow);

    void runFinished(long runId, RunCounts counts, String error);
}
