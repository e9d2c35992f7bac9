package io.leasebridge.salesforce;

import org.apache.camel.builder.RouteBuilder;
import org.springframework.stereotype.Component;

/** camel-salesforce's Bulk API 2.0 operations, each completed once (see {@link CompletesOnce}) under Salesforce's error policy. */
@Component
class SalesforceBulkRoutes extends RouteBuilder {

    static final String CREATE = "direct:salesforce-bulk2-create-job";
    static final String UPLOAD = "direct:salesforce-bulk2-upload";
    static final String CLOSE = "direct:salesforce-bulk2-close-job";
    static final String ABORT = "direct:salesforce-bulk2-abort-job";
    static final String GET = "direct:salesforce-bulk2-get-job";
    static final String SUCCESSFUL = "direct:salesforce-bulk2-successful-results";
    static final String FAILED = "direct:salesforce-bulk2-failed-results";
    static final String UNPROCESSED = "direct:salesforce-bulk2-unprocessed-records";

    @Override
    public void configure() {
        operation(CREATE, "bulk2CreateJob");
        operation(UPLOAD, "bulk2CreateBatch");
        operation(CLOSE, "bulk2CloseJob");
        operation(ABORT, "bulk2AbortJob");
        operation(GET, "bulk2GetJob");
        operation(SUCCESSFUL, "bulk2GetSuccessfulResults");
        operation(FAILED, "bulk2GetFailedResults");
        operation(UNPROCESSED, "bulk2GetUnprocessedRecords");
    }

    private void operation(String from, String operation) {
        from(from).routeId(from.substring("direct:".length()))
                .routeConfigurationId(SalesforceRouteConfiguration.ID)
                .process(new CompletesOnce(getContext().getEndpoint("salesforce:" + operation)));
    }
}
