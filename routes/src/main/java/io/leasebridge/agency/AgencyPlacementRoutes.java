package io.leasebridge.agency;

import io.leasebridge.cluster.FlowSchedule;
import io.leasebridge.config.RunProperties;
import io.leasebridge.connectors.files.CamelFileSink;
import org.apache.camel.builder.RouteBuilder;
import org.springframework.stereotype.Component;

/**
 * Collection agency placements: propose the leases far enough past due, read the managers' decisions from Salesforce,
 * then send the approved placements to their agencies. On its schedule when serving; run-once calls it in order.
 */
@Component
public class AgencyPlacementRoutes extends RouteBuilder {

    public static final String FLOW = "agency-placements";
    public static final String PLACEMENTS = "direct:" + FLOW;
    static final String SEND = "direct:agency-file-send";

    private final PlacementProposals proposals;
    private final PlacementDecisions decisions;
    private final PlacementFiles files;
    private final RunProperties run;

    public AgencyPlacementRoutes(PlacementProposals proposals, PlacementDecisions decisions, PlacementFiles files,
                                 RunProperties run) {
        this.proposals = proposals;
        this.decisions = decisions;
        this.files = files;
        this.run = run;
    }

    @Override
    public void configure() {
        from(PLACEMENTS).routeId(FLOW)
                .bean(proposals, "proposeToday")
                .bean(decisions, "read")
                .bean(files, "sendApproved");

        from(SEND).routeId("agency-file-send")
                .toD("${header." + CamelFileSink.DESTINATION + "}")
                .removeHeader(CamelFileSink.DESTINATION);

        if (!run.runOnce()) {
            from(FlowSchedule.cron(FLOW, run.schedule(FLOW)))
                    .routeId(FLOW + "-schedule")
                    .to(PLACEMENTS);
        }
    }
}
