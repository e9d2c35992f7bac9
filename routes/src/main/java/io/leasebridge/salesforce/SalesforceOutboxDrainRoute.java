package io.leasebridge.salesforce;

import io.leasebridge.config.RunProperties;
import io.leasebridge.connectors.salesforce.CamelSalesforceGateway;
import org.apache.camel.builder.RouteBuilder;

import io.leasebridge.cluster.FlowSchedule;
import org.springframework.stereotype.Component;

/** Drains the Salesforce outbox on its schedule (or once, in run-once mode). */
@Component
public class SalesforceOutboxDrainRoute extends RouteBuilder {

    public static final String DRAIN = "direct:salesforce-outbox-drain";

    private final SalesforceOutboxDrain drain;
    private final RunProperties run;

    public SalesforceOutboxDrainRoute(SalesforceOutboxDrain drain, RunProperties run) {
        this.drain = drain;
        this.run = run;
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

        if (!run.runOnce()) {
            from(FlowSchedule.cron(SalesforceOutboxDrain.FLOW, run.schedule(SalesforceOutboxDrain.FLOW)))
                    .routeId(SalesforceOutboxDrain.FLOW + "-schedule")
                    .to(DRAIN);
        }
    }
}
