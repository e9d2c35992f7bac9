package io.leasebridge.salesforce;

import io.leasebridge.connectors.salesforce.CamelSalesforceGateway;
import org.apache.camel.builder.RouteBuilder;
import org.springframework.stereotype.Component;

/** The two Salesforce read endpoints every change reader goes through, under Salesforce's error policy. */
@Component
public class SalesforceQueryRoutes extends RouteBuilder {

    @Override
    public void configure() {
        from(CamelSalesforceGateway.QUERY).routeId("salesforce-query")
                .routeConfigurationId(SalesforceRouteConfiguration.ID)
                .to("salesforce:query?rawPayload=true");

        from(CamelSalesforceGateway.QUERY_MORE).routeId("salesforce-query-more")
                .routeConfigurationId(SalesforceRouteConfiguration.ID)
                .to("salesforce:queryMore?rawPayload=true");
    }
}
