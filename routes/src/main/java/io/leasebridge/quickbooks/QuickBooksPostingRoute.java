package io.leasebridge.quickbooks;

import io.leasebridge.flow.Flow;
import io.leasebridge.flow.FlowRoutes;
import org.apache.camel.builder.RouteBuilder;

import java.util.List;

/** Posts to QuickBooks on its schedule, or when run-once or an operator asks. */
class QuickBooksPostingRoute extends RouteBuilder implements FlowRoutes {

    public static final String POST = "direct:quickbooks-postings";

    private final QuickBooksPostingRun postings;

    QuickBooksPostingRoute(QuickBooksPostingRun postings) {
        this.postings = postings;
    }

    @Override
    public List<Flow> flows() {
        return List.of(Flow.scheduled(QuickBooksPostingRun.FLOW, POST));
    }

    @Override
    public void configure() {
        from(POST).routeId(QuickBooksPostingRun.FLOW)
                .bean(postings, "run");
    }
}
