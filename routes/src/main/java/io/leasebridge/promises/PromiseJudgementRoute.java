package io.leasebridge.promises;

import io.leasebridge.config.RunProperties;
import org.apache.camel.builder.RouteBuilder;
import org.springframework.stereotype.Component;

import io.leasebridge.cluster.FlowSchedule;

/** Judges due promises on its schedule (nightly by default), or once in run-once mode. */
@Component
public class PromiseJudgementRoute extends RouteBuilder {

    public static final String JUDGE = "direct:promise-judgement";

    private final PromiseJudgement judgement;
    private final RunProperties run;

    public PromiseJudgementRoute(PromiseJudgement judgement, RunProperties run) {
        this.judgement = judgement;
        this.run = run;
    }

    @Override
    public void configure() {
        from(JUDGE).routeId(PromiseJudgement.FLOW)
                .bean(judgement, "judgeToday");

        if (!run.runOnce()) {
            from(FlowSchedule.cron(PromiseJudgement.FLOW, run.schedule(PromiseJudgement.FLOW)))
                    .routeId(PromiseJudgement.FLOW + "-schedule")
                    .to(JUDGE);
        }
    }
}
