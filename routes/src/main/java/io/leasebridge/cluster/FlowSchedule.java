package io.leasebridge.cluster;

import org.apache.camel.builder.endpoint.dsl.QuartzEndpointBuilderFactory.QuartzEndpointBuilder;

import static org.apache.camel.builder.endpoint.StaticEndpointBuilders.quartz;

/**
 * The Quartz endpoint that starts a flow on its cron. Its trigger is named after the flow, so every node
 * shares one trigger in the job store; stateful, so that a run overrunning its interval is never started
 * again, on this node or another, before it ends.
 */
public final class FlowSchedule {

    public static final String GROUP = "leasebridge";

    private FlowSchedule() {
    }

    public static QuartzEndpointBuilder cron(String flow, String cron) {
        return quartz(GROUP + "/" + flow).cron(cron).stateful(true);
    }

    /** The scheduler options of a polling endpoint's URI (LeaseWorks drops), with a fixed trigger per flow. */
    public static String pollingOptions(String flow, String encodedCron) {
        return "scheduler=quartz&scheduler.cron=" + encodedCron + "&scheduler.triggerGroup=" + GROUP + "-polls"
                + "&scheduler.triggerId=" + flow;
    }
}
