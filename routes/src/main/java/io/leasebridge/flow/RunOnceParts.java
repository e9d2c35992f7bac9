package io.leasebridge.flow;

import java.io.PrintStream;
import java.util.List;

/**
 * What a feature does in run-once: its steps, which run-once runs in {@link Step#order()} across every feature (lowest
 * first: a flow after the flows whose records it reads), and its reports, printed after every step has run, in
 * {@link Report#order()}. A feature adds its parts here and touches no list of run-once's.
 */
public interface RunOnceParts {

    default List<Step> steps() {
        return List.of();
    }

    default List<Report> reports() {
        return List.of();
    }

    /** Runs once; false when it was still busy at the run-once timeout (a failed run is in the run history already). */
    @FunctionalInterface
    interface Action {
        boolean run(RunOnce once) throws Exception;
    }

    @FunctionalInterface
    interface Printer {
        void print(PrintStream out, RunOnce once);
    }

    /** @param name what the log calls it */
    record Step(int order, String name, Action action) {

        /** A step that always finishes in time. */
        public static Step of(int order, String name, RunOnceWork work) {
            return new Step(order, name, once -> {
                work.run(once);
                return true;
            });
        }
    }

    record Report(int order, Printer printer) {
    }

    @FunctionalInterface
    interface RunOnceWork {
        void run(RunOnce once) throws Exception;
    }
}
