package io.leasebridge.agency;

import io.leasebridge.cluster.FlowSchedule;
import io.leasebridge.config.RunProperties;
import org.apache.camel.builder.RouteBuilder;
import org.springframework.stereotype.Component;

/** Agency return files: taken from each agency's return endpoint and read into the hub, on its schedule or by run-once. */
@Component
public class AgencyReturnRoutes extends RouteBuilder {

    public static final String RETURNS = "direct:" + AgencyReturnIngest.FLOW;

    private final AgencyReturnPickup pickup;
    private final RunProperties run;

    public AgencyReturnRoutes(AgencyReturnPickup pickup, RunProperties run) {
        this.pickup = pickup;
        this.run = run;
    }

    @Override
    public void configure() {
        from(RETURNS).routeId(AgencyReturnIngest.FLOW)
                .bean(pickup, "collect");

        if (!run.runOnce()) {
            from(FlowSchedule.cron(AgencyReturnIngest.FLOW, run.schedule(AgencyReturnIngest.FLOW)))
                    .routeId(AgencyReturnIngest.FLOW + "-schedule")
                    .to(RETURNS);
        }
    }
}
