package io.leasebridge.risk;

import io.leasebridge.cluster.FlowSchedule;
import io.leasebridge.config.RunProperties;
import org.apache.camel.builder.RouteBuilder;
import org.springframework.stereotype.Component;

/** Reviews every lease's recovery risk on its schedule, or once in run-once mode (after the GPS poll). */
@Component
public class RecoveryRiskRoute extends RouteBuilder {

    public static final String REVIEW = "direct:recovery-risk";

    private final RecoveryRiskReview review;
    private final RunProperties run;

    public RecoveryRiskRoute(RecoveryRiskReview review, RunProperties run) {
        this.review = review;
        this.run = run;
    }

    @Override
    public void configure() {
        from(REVIEW).routeId(RecoveryRiskReview.FLOW)
                .bean(review, "reviewToday");

        if (!run.runOnce()) {
            from(FlowSchedule.cron(RecoveryRiskReview.FLOW, run.schedule(RecoveryRiskReview.FLOW)))
                    .routeId(RecoveryRiskReview.FLOW + "-schedule")
                    .to(REVIEW);
        }
    }
}
