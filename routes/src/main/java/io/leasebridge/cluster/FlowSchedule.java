package io.leasebridge.cluster;

import org.apache.camel.CamelContext;
import org.apache.camel.builder.endpoint.dsl.QuartzEndpointBuilderFactory.QuartzEndpointBuilder;
import org.apache.camel.spi.ScheduledPollConsumerScheduler;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

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

    /**
     * The scheduler options of a polling endpoint's URI (LeaseWorks drops): the flow's cron on a fixed trigger per flow,
     * fired by a {@link SharedTriggerPollScheduler} of its own, bound in the context's registry under the flow's name.
     */
    public static String pollingOptions(CamelContext camel, String flow, String cron) {
        String scheduler = flow + "-poll-scheduler";
        camel.getRegistry().bind(scheduler, ScheduledPollConsumerScheduler.class, new SharedTriggerPollScheduler());
        return "scheduler=#" + scheduler + "&scheduler.cron=" + URLEncoder.encode(cron, StandardCharsets.UTF_8)
                + "&scheduler.triggerGroup=" + GROUP + "-polls&scheduler.triggerId=" + flow;
    }
}
