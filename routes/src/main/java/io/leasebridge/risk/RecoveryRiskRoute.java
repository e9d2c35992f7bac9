package io.leasebridge.risk;

import io.leasebridge.flow.Flow;
import io.leasebridge.flow.FlowRoutes;
import org.apache.camel.builder.RouteBuilder;
import org.springframework.stereotype.Component;

import java.util.List;

/** Reviews every lease's recovery risk on its schedule, or once in run-once mode (after the GPS poll). */
@Component
public class RecoveryRiskRoute extends RouteBuilder implements FlowRoutes {

    public static final String REVIEW = "direct:recovery-risk";

    private final RecoveryRiskReview review;

    public RecoveryRiskRoute(RecoveryRiskReview review) {
        this.review = review;
    }

    @Override
    public List<Flow> flows() {
        return List.of(Flow.scheduled(RecoveryRiskReview.FLOW, REVIEW));
    }

    @Override
    public void configure() {
        from(REVIEW).routeId(RecoveryRiskReview.FLOW)
                .bean(review, "reviewToday");
    }
}
