package io.leasebridge.workorders;

import io.leasebridge.config.RunProperties;
import org.apache.camel.builder.RouteBuilder;

import io.leasebridge.cluster.FlowSchedule;

/** Reads work order approvals from Salesforce on their schedule; run-once calls it after the outbox drain. */
class WorkOrderApprovalRoutes extends RouteBuilder {

    static final String READ = "direct:" + WorkOrderApprovals.FLOW;

    private final WorkOrderApprovals approvals;
    private final RunProperties run;

    WorkOrderApprovalRoutes(WorkOrderApprovals approvals, RunProperties run) {
        this.approvals = approvals;
        this.run = run;
    }

    @Override
    public void configure() {
        from(READ).routeId(WorkOrderApprovals.FLOW)
                .bean(approvals, "read");

        if (!run.runOnce()) {
            from(FlowSchedule.cron(WorkOrderApprovals.FLOW, run.schedule(WorkOrderApprovals.FLOW)))
                    .routeId(WorkOrderApprovals.FLOW + "-schedule")
                    .to(READ);
        }
    }
}
