package io.leasebridge.agency;

import io.leasebridge.flow.Flow;
import io.leasebridge.flow.FlowRoutes;
import org.apache.camel.builder.RouteBuilder;
import org.springframework.stereotype.Component;

import java.util.List;

/** Agency return files: taken from each agency's return endpoint and read into the hub, on its schedule or by run-once. */
@Component
public class AgencyReturnRoutes extends RouteBuilder implements FlowRoutes {

    public static final String RETURNS = "direct:" + AgencyReturnIngest.FLOW;

    private final AgencyReturnPickup pickup;

    public AgencyReturnRoutes(AgencyReturnPickup pickup) {
        this.pickup = pickup;
    }

    @Override
    public List<Flow> flows() {
        return List.of(Flow.scheduled(AgencyReturnIngest.FLOW, RETURNS));
    }

    @Override
    public void configure() {
        from(RETURNS).routeId(AgencyReturnIngest.FLOW)
                .bean(pickup, "collect");
    }
}
