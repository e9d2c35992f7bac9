package io.leasebridge.calls;

import io.leasebridge.cluster.FlowSchedule;
import io.leasebridge.config.RunProperties;
import org.apache.camel.builder.RouteBuilder;
import org.springframework.stereotype.Component;

/** Reads call activity from Salesforce and brings the contact limits up to date, on its schedule or once in run-once. */
@Component
public class CallActivityRoutes extends RouteBuilder {

    public static final String READ = "direct:" + CallActivityRead.FLOW;

    private final CallActivityRead calls;
    private final RunProperties run;

    public CallActivityRoutes(CallActivityRead calls, RunProperties run) {
        this.calls = calls;
        this.run = run;
    }

    @Override
    public void configure() {
        from(READ).routeId(CallActivityRead.FLOW)
                .bean(calls, "read");

        if (!run.runOnce()) {
            from(FlowSchedule.cron(CallActivityRead.FLOW, run.schedule(CallActivityRead.FLOW)))
                    .routeId(CallActivityRead.FLOW + "-schedule")
                    .to(READ);
        }
    }
}
