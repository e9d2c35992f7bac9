package io.leasebridge.promises;

import io.leasebridge.flow.Flow;
import io.leasebridge.flow.FlowRoutes;
import org.apache.camel.builder.RouteBuilder;
import org.springframework.stereotype.Component;

import java.util.List;

/** Judges due promises on its schedule (nightly by default), or once in run-once mode. */
@Component
public class PromiseJudgementRoute extends RouteBuilder implements FlowRoutes {

    public static final String JUDGE = "direct:promise-judgement";

    private final PromiseJudgement judgement;

    public PromiseJudgementRoute(PromiseJudgement judgement) {
        this.judgement = judgement;
    }

    @Override
    public List<Flow> flows() {
        return List.of(Flow.scheduled(PromiseJudgement.FLOW, JUDGE));
    }

    @Override
    public void configure() {
        from(JUDGE).routeId(PromiseJudgement.FLOW)
                .bean(judgement, "judgeToday");
    }
}
