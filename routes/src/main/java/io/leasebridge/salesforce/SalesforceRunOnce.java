package io.leasebridge.salesforce;

import io.leasebridge.flow.RouteCalls;
import io.leasebridge.flow.RunOnceParts;
import org.springframework.stereotype.Component;

import java.io.PrintStream;
import java.util.List;

/**
 * The Salesforce outbox in run-once: drained after every flow that fills it; in the summary, delivery per sObject and
 * the org's API usage.
 */
@Component
class SalesforceRunOnce implements RunOnceParts {

    private final RouteCalls routes;
    private volatile DrainReport drain;

    SalesforceRunOnce(RouteCalls routes) {
        this.routes = routes;
    }

    @Override
    public List<Step> steps() {
        return List.of(Step.of(1100, SalesforceOutboxDrain.FLOW,
                once -> drain = routes.request(SalesforceOutboxDrainRoute.DRAIN, null, DrainReport.class)));
    }

    @Override
    public List<Report> reports() {
        return List.of(new Report(200, (out, once) -> {
            if (drain != null) {
                print(out, drain);
            }
        }));
    }

    private static void print(PrintStream out, DrainReport drain) {
        out.println("Salesforce delivery by object (api calls = sObject Collections and Bulk API 2.0 calls, log-ins not counted)");
        out.printf("%-28s %9s %9s %7s %10s%n", "sObject", "outbox", "sent", "failed", "api calls");
        drain.bySObject().forEach((sObject, c) ->
                out.printf("%-28s %9d %9d %7d %10d%n", sObject, c.read(), c.sent(), c.failed(), c.apiCalls()));
        out.printf("org API usage (used/limit, every client of the org): %s before the drain, %s after%n",
                drain.orgUsageBefore(), drain.orgUsageAfter());
        if (drain.stoppedFor() != null) {
            out.println("drain stopped early: " + drain.stoppedFor());
        }
        out.println();
    }
}
