package io.leasebridge.salesforce;

import io.leasebridge.connectors.salesforce.CamelSalesforceGateway;
import org.apache.camel.builder.RouteBuilder;
import org.springframework.stereotype.Component;

/** camel-salesforce's Bulk API 2.0 operations, each completed once (see {@link CompletesOnce}) under Salesforce's error policy. */
@Component
class SalesforceBulkRoutes extends RouteBuilder {

    @Override
    public void configure() {
        operation(CamelSalesforceGateway.BULK_CREATE, "bulk2CreateJob");
        operation(CamelSalesforceGateway.BULK_UPLOAD, "bulk2CreateBatch");
        operation(CamelSalesforceGateway.BULK_CLOSE, "bulk2CloseJob");
        operation(CamelSalesforceGateway.BULK_ABORT, "bulk2AbortJob");
        operation(CamelSalesforceGateway.BULK_GET, "bulk2GetJob");
        operation(CamelSalesforceGateway.BULK_SUCCESSFUL, "bulk2GetSuccessfulResults");
        operation(CamelSalesforceGateway.BULK_FAILED, "bulk2GetFailedResults");
        operation(CamelSalesforceGateway.BULK_UNPROCESSED, "bulk2GetUnprocessedRecords");
    }

    private void operation(String from, String operation) {
        from(from).routeId(from.substring("direct:".length()))
                .routeConfigurationId(SalesforceRouteConfiguration.ID)
                .process(new CompletesOnce(getContext().getEndpoint("salesforce:" + operation)));
    }
}
