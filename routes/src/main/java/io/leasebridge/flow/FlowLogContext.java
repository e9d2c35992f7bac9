package io.leasebridge.flow;

import org.slf4j.MDC;

/**
 * Puts the flow and run id of the run in progress in the logging context (SLF4J MDC keys {@code flow} and
 * {@code runId}), so that every line a run logs says which run it belongs to. Closing puts back what was
 * there before, so that a run started inside another one does not wipe the outer run's context.
 */
public final class FlowLogContext implements AutoCloseable {

    public static final String FLOW = "flow";
    public static final String RUN_ID = "runId";

    private final String previousFlow;
    private final String previousRunId;

    private FlowLogContext(String flow, long runId) {
        previousFlow = MDC.get(FLOW);
        previousRunId = MDC.get(RUN_ID);
        MDC.put(FLOW, flow);
        MDC.put(RUN_ID, Long.toString(runId));
    }

    public static FlowLogContext enter(String flow, long runId) {
        return new FlowLogContext(flow, runId);
    }

    @Override
    public void close() {
        restore(FLOW, previousFlow);
        restore(RUN_ID, previousRunId);
    }

    private static void restore(String key, String value) {
        if (value == null) {
            MDC.remove(key);
        } else {
            MDC.put(key, value);
        }
    }
}
