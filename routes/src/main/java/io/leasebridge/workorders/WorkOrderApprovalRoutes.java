package io.leasebridge.workorders;

import io.leasebridge.flow.Flow;
import io.leasebridge.flow.FlowRoutes;
import org.apache.camel.builder.RouteBuilder;

import java.util.List;

/** Reads work order approvals from Salesforce on their schedule; run-once calls it after the outbox drain. */
class WorkOrderApprovalRoutes extends RouteBuilder implements FlowRoutes {

    static final String READ = "direct:" + WorkOrderApprovals.FLOW;

    private final WorkOrderApprovals approvals;

    WorkOrderApprovalRoutes(WorkOrderApprovals approvals) {
        this.approvals = approvals;
    }

    @Override
    public List<Flow> flows() {
        return List.of(Flow.scheduled(WorkOrderApprovals.FLOW, READ));
    }

    @Override
    public void configure() {
        from(READ).routeId(WorkOrderApprovals.FLOW)
                .bean(approvals, "read");
    }
}
