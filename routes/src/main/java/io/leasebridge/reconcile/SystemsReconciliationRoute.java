package io.leasebridge.reconcile;

import io.leasebridge.cluster.FlowSchedule;
import io.leasebridge.config.RunProperties;
import org.apache.camel.builder.RouteBuilder;
import org.springframework.stereotype.Component;

/** Reconciles the targets against the hub on its schedule (daily by default); run-once calls it after the drain. */
@Component
public class SystemsReconciliationRoute extends RouteBuilder {

    public static final String FLOW = "systems-reconciliation";
    public static final String RECONCILE = "direct:" + FLOW;

    private final SystemsReconciliation reconciliation;
    private final RunProperties run;

    public SystemsReconciliationRoute(SystemsReconciliation reconciliation, RunProperties run) {
        this.reconciliation = reconciliation;
        this.run = run;
    }

    @Override
    public void configure() {
        from(RECONCILE).routeId(FLOW)
                .bean(reconciliation, "reconcile");

        if (!run.runOnce()) {
            from(FlowSchedule.cron(FLOW, run.schedule(FLOW))).routeId(FLOW + "-schedule")
                    .to(RECONCILE);
        }
    }
}
