package io.leasebridge.salesforce;

import io.leasebridge.connectors.salesforce.CamelSalesforceGateway;
import io.leasebridge.flow.Flow;
import io.leasebridge.flow.FlowRoutes;
import org.apache.camel.builder.RouteBuilder;

import org.springframework.stereotype.Component;

import java.util.List;

/** Drains the Salesforce outbox on its schedule (or once, in run-once mode). */
@Component
public class SalesforceOutboxDrainRoute extends RouteBuilder implements FlowRoutes {

    public static final String DRAIN = "direct:salesforce-outbox-drain";

    private final SalesforceOutboxDrain drain;

    public SalesforceOutboxDrainRoute(SalesforceOutboxDrain drain) {
        this.drain = drain;
    }

    @Override
    public List<Flow> flows() {
        return List.of(Flow.scheduled(SalesforceOutboxDrain.FLOW, DRAIN));
    }

    @Override
    public void configure() {
        from(DRAIN).routeId(SalesforceOutboxDrain.FLOW)
                .bean(drain, "drain");

        from(CamelSalesforceGateway.UPSERT).routeId("salesforce-collections-upsert")
                .routeConfigurationId(SalesforceRouteConfiguration.ID)
                .to("salesforce:compositeUpsertSObjectCollections?allOrNone=false");

        from(CamelSalesforceGateway.UPDATE).routeId("salesforce-collections-update")
                .routeConfigurationId(SalesforceRouteConfiguration.ID)
                .to("salesforce:compositeUpdateSObjectCollections?allOrNone=false");
    }
}
