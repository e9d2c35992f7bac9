package io.leasebridge.calls;

import io.leasebridge.flow.RouteCalls;
import io.leasebridge.flow.RunOnceParts;
import org.springframework.stereotype.Component;

import java.io.PrintStream;
import java.util.List;
import java.util.Map;

/** Call activity in run-once: read after the promises are judged; afterwards the leases no call is allowed for. */
@Component
class CallsRunOnce implements RunOnceParts {

    private final RouteCalls routes;
    private final ContactStandings standings;

    CallsRunOnce(RouteCalls routes, ContactStandings standings) {
        this.routes = routes;
        this.standings = standings;
    }

    @Override
    public List<Step> steps() {
        return List.of(Step.of(500, CallActivityRead.FLOW, once -> routes.run(CallActivityRoutes.READ)));
    }

    @Override
    public List<Report> reports() {
        return List.of(new Report(900, (out, once) -> printContactLimits(out)));
    }

    /** Leases no call is allowed for, by the rule that blocks them, as the contact limits last stood. */
    private void printContactLimits(PrintStream out) {
        Map<String, Long> blocked = standings.blockedByRule();
        out.println("Contact limits, leases where no call is allowed now: " + (blocked.isEmpty() ? "none"
                : blocked.values().stream().mapToLong(Long::longValue).sum()));
        blocked.forEach((rule, count) -> out.printf("  %-28s %d%n", rule, count));
        out.println();
    }
}
