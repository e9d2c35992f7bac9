package io.leasebridge.flow;

import io.leasebridge.hub.RunCounts;
import io.leasebridge.hub.RunHistory;
import org.springframework.stereotype.Component;

import java.util.function.Function;

/**
 * Records each run of a flow, the one way every flow does: started in the run history, its flow and run id in the
 * logging context while it works, finished with what it counted; when its work throws, finished as failed with the
 * counts it had reached, and the exception goes on to the caller.
 */
@Component
public class FlowRuns {

    private final RunHistory history;

    public FlowRuns(RunHistory history) {
        this.history = history;
    }

    /** Runs {@code work} as one run of {@code flow}; a failure is recorded as the exception's {@code toString()}. */
    public <T> T run(String flow, String source, Function<Run, T> work) {
        return run(flow, source, RuntimeException::toString, work);
    }

    /**
     * Runs {@code work} as one run of {@code flow}; {@code failure} says in the run history why it failed, or null when
     * the exception is the work's answer rather than a failure (input refused on purpose, its reason recorded).
     */
    public <T> T run(String flow, String source, Function<RuntimeException, String> failure, Function<Run, T> work) {
        return within(flow, new Run(history.start(flow, source)), failure, work, true);
    }

    /**
     * Starts a run that other exchanges carry on (a poll whose answers come back on other threads) and {@link #finish}
     * ends: {@code opening} does its first part in the run's log context. The run stays RUNNING when {@code opening}
     * returns, and ends failed when it throws.
     */
    public <T> T open(String flow, String source, Function<Run, T> opening) {
        return within(flow, new Run(history.start(flow, source)), RuntimeException::toString, opening, false);
    }

    /** Ends the run {@link #open} started: {@code closing} does its last part in the run's log context and counts. */
    public <T> T finish(String flow, long runId, Function<Run, T> closing) {
        return within(flow, new Run(runId), RuntimeException::toString, closing, true);
    }

    private <T> T within(String flow, Run run, Function<RuntimeException, String> failure, Function<Run, T> work,
                         boolean finishes) {
        try (FlowLogContext ignored = FlowLogContext.enter(flow, run.id)) {
            try {
                T result = work.apply(run);
                if (finishes) {
                    history.finish(run.id, run.counts, run.error);
                }
                return result;
            } catch (RuntimeException e) {
                history.finish(run.id, run.counts, failure.apply(e));
                throw e;
            }
        }
    }

    /** The run in progress: its id, what it has counted so far, and an error that fails it without an exception. */
    public static final class Run {

        private final long id;
        private RunCounts counts = RunCounts.NONE;
        private String error;

        private Run(long id) {
            this.id = id;
        }

        public long id() {
            return id;
        }

        /** What the run has counted so far. */
        public RunCounts counts() {
            return counts;
        }

        /** What the run has done so far: it finishes with these counts, also when it fails. */
        public void count(RunCounts soFar) {
            counts = soFar;
        }

        /** The run ends FAILED with this error once its work returns (work that stopped short without throwing). */
        public void fail(String why) {
            error = why;
        }
    }
}
