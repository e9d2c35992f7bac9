package io.leasebridge.flow;

import io.leasebridge.cluster.FlowSchedule;
import org.apache.camel.builder.RouteBuilder;
import org.springframework.stereotype.Component;

/**
 * The schedule of every flow whose cron sends to its route: a Quartz route {@code <flow>-schedule} on the cron at
 * {@code leasebridge.schedules.<flow>}. Run-once mode has none: the run-once runner starts each flow itself.
 */
@Component
class FlowScheduleRoutes extends RouteBuilder {

    private final FlowRegistry flows;
    private final RunProperties run;

    FlowScheduleRoutes(FlowRegistry flows, RunProperties run) {
        this.flows = flows;
        this.run = run;
    }

    @Override
    public void configure() {
        if (run.runOnce()) {
            return;
        }
        for (Flow flow : flows.all()) {
            if (flow.trigger() instanceof Flow.Cron cron) {
                from(FlowSchedule.cron(flow.id(), run.schedule(flow.id())))
                        .routeId(flow.scheduleRouteId())
                        .to(cron.endpoint());
            }
        }
    }
}
