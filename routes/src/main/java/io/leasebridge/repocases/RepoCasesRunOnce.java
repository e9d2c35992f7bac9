package io.leasebridge.repocases;

import io.leasebridge.flow.RouteCalls;
import io.leasebridge.flow.RunOnceParts;
import org.springframework.stereotype.Component;

import java.io.PrintStream;
import java.util.List;

/** Repossession cases in run-once: Salesforce's Case changes after the vehicles; afterwards what they did. */
@Component
class RepoCasesRunOnce implements RunOnceParts {

    private final RouteCalls routes;
    private final RepoCaseSync cases;
    private final RepoOrderMail orders;
    private final FinalReviews finalReviews;

    RepoCasesRunOnce(RouteCalls routes, RepoCaseSync cases, RepoOrderMail orders, FinalReviews finalReviews) {
        this.routes = routes;
        this.cases = cases;
        this.orders = orders;
        this.finalReviews = finalReviews;
    }

    @Override
    public List<Step> steps() {
        return List.of(Step.of(300, RepoCaseSync.FLOW, once -> routes.run(RepoCaseRoutes.READ)));
    }

    @Override
    public List<Report> reports() {
        return List.of(new Report(1500, (out, once) -> print(out)));
    }

    private void print(PrintStream out) {
        lines(out, "Repossession cases advanced: ", cases.lastReport(), "");
        lines(out, "Repo orders sent: ", orders.lastSent(), "");
        lines(out, "Recovery costs: ", finalReviews.costs(), " cases");
        lines(out, "Final account reviews: ", finalReviews.reviews(), "");
        out.println();
    }

    private static void lines(PrintStream out, String title, List<String> lines, String unit) {
        out.println(title + (lines.isEmpty() ? "none" : lines.size() + unit));
        lines.forEach(line -> out.println("  " + line));
    }
}
