package io.leasebridge.agency;

import io.leasebridge.connectors.files.CamelFileSink;
import io.leasebridge.flow.Flow;
import io.leasebridge.flow.FlowRoutes;
import org.apache.camel.builder.RouteBuilder;
import org.springframework.stereotype.Component;

import java.util.List;

/**
 * Collection agency placements: propose the leases far enough past due, read the managers' decisions from Salesforce,
 * then send the approved placements to their agencies. On its schedule when serving; run-once calls it in order.
 */
@Component
public class AgencyPlacementRoutes extends RouteBuilder implements FlowRoutes {

    public static final String FLOW = "agency-placements";
    public static final String PLACEMENTS = "direct:" + FLOW;
    static final String SEND = "direct:agency-file-send";

    private final PlacementProposals proposals;
    private final PlacementDecisions decisions;
    private final PlacementFiles files;

    public AgencyPlacementRoutes(PlacementProposals proposals, PlacementDecisions decisions, PlacementFiles files) {
        this.proposals = proposals;
        this.decisions = decisions;
        this.files = files;
    }

    @Override
    public List<Flow> flows() {
        return List.of(Flow.scheduled(FLOW, PLACEMENTS));
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
    }
}
