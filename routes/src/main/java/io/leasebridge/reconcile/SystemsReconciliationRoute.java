package io.leasebridge.reconcile;

import io.leasebridge.flow.Flow;
import io.leasebridge.flow.FlowRoutes;
import org.apache.camel.builder.RouteBuilder;
import org.springframework.stereotype.Component;

import java.util.List;

/** Reconciles the targets against the hub on its schedule (daily by default); run-once calls it after the drain. */
@Component
public class SystemsReconciliationRoute extends RouteBuilder implements FlowRoutes {

    public static final String FLOW = "systems-reconciliation";
    public static final String RECONCILE = "direct:" + FLOW;

    private final SystemsReconciliation reconciliation;

    public SystemsReconciliationRoute(SystemsReconciliation reconciliation) {
        this.reconciliation = reconciliation;
    }

    @Override
    public List<Flow> flows() {
        return List.of(Flow.scheduled(FLOW, RECONCILE));
    }

    @Override
    public void configure() {
        from(RECONCILE).routeId(FLOW)
                .bean(reconciliation, "reconcile");
    }
}
