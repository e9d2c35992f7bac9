package io.leasebridge.observability;

import io.leasebridge.flow.Flow;
import io.leasebridge.flow.FlowRegistry;
import io.leasebridge.hub.RunCounts;
import io.leasebridge.hub.RunListener;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.SmartInitializingSingleton;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Counts, per flow, the records its runs read, changed, sent, failed and quarantined, and its runs by
 * outcome; fed by the run history as each run finishes, so every flow that records its runs is counted.
 * The counters of the flows in the registry exist from the start at 0, so that a rate over the first
 * run is right.
 */
class FlowMetrics implements RunListener, SmartInitializingSingleton {

    private static final String UNKNOWN_FLOW = "unknown";

    private final MeterRegistry registry;
    // the flows' services record their runs here, and the registry knows those services' routes: it is looked up last
    private final ObjectProvider<FlowRegistry> flows;
    private final Map<Long, String> running = new ConcurrentHashMap<>();

    FlowMetrics(MeterRegistry registry, ObjectProvider<FlowRegistry> flows) {
        this.registry = registry;
        this.flows = flows;
    }

    @Override
    public void afterSingletonsInstantiated() {
        flows.ifAvailable(registered -> registered.all().stream().map(Flow::id)
                .forEach(flow -> add(flow, RunCounts.NONE, null, false)));
    }

    @Override
    public void runStarted(long runId, String flow) {
        running.put(runId, flow);
    }

    @Override
    public void runFinished(long runId, RunCounts counts, String error) {
        String flow = running.remove(runId);
        add(flow == null ? UNKNOWN_FLOW : flow, counts, error, true);
    }

    private void add(String flow, RunCounts counts, String error, boolean countRun) {
        records("read", flow, "rows or records a run took in (file rows, outbox rows)").increment(counts.read());
        records("changed", flow, "records a run changed in the hub").increment(counts.changed());
        records("sent", flow, "records a target system accepted").increment(counts.sent());
        records("failed", flow, "records a target system refused for good (dead-lettered)").increment(counts.failed());
        records("quarantined", flow, "source rows that failed validation (dead-lettered)").increment(counts.quarantined());
        Counter succeeded = runs(flow, "succeeded");
        Counter failed = runs(flow, "failed");
        if (countRun) {
            (error == null ? succeeded : failed).increment();
        }
    }

    private Counter records(String what, String flow, String description) {
        return Counter.builder("leasebridge.records." + what).description("Records per flow: " + description)
                .tag("flow", flow).register(registry);
    }

    private Counter runs(String flow, String outcome) {
        return Counter.builder("leasebridge.flow.runs").description("Finished runs per flow and outcome")
                .tag("flow", flow).tag("outcome", outcome).register(registry);
    }
}
