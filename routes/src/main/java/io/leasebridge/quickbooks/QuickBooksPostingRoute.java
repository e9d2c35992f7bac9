package io.leasebridge.quickbooks;

import io.leasebridge.config.RunProperties;
import org.apache.camel.builder.RouteBuilder;

import io.leasebridge.cluster.FlowSchedule;

/** Posts to QuickBooks on its schedule, or when run-once or an operator asks. */
class QuickBooksPostingRoute extends RouteBuilder {

    public static final String POST = "direct:quickbooks-postings";

    private final QuickBooksPostingRun postings;
    private final RunProperties run;

    QuickBooksPostingRoute(QuickBooksPostingRun postings, RunProperties run) {
        this.postings = postings;
        this.run = run;
    }

    @Override
    public void configure() {
        from(POST).routeId(QuickBooksPostingRun.FLOW)
                .bean(postings, "run");

        if (!run.runOnce()) {
            from(FlowSchedule.cron(QuickBooksPostingRun.FLOW, run.schedule(QuickBooksPostingRun.FLOW)))
                    .routeId(QuickBooksPostingRun.FLOW + "-schedule")
                    .to(POST);
        }
    }
}
