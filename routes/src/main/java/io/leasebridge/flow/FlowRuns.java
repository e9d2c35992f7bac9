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

    /** Runs {@code work} as one run of {@code flow}; {@code failure} says in the run history why it failed. */
    public <T> T run(String flow, String source, Function<RuntimeException, String> failure, Function<Run, T> work) {
        Run run = new Run(history.start(flow, source));
        try (FlowLogContext ignored = FlowLogContext.enter(flow, run.id)) {
            try {
                T result = work.apply(run);
                history.finish(run.id, run.counts, run.error);
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
