package io.leasebridge.workorders;

import io.leasebridge.flow.RunOnceParts;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

import java.util.List;

/** Work order approvals in run-once, when work orders come in at all: read after the Salesforce drain. */
@Component
class WorkOrderRunOnce implements RunOnceParts {

    private final ObjectProvider<WorkOrderApprovals> approvals;

    WorkOrderRunOnce(ObjectProvider<WorkOrderApprovals> approvals) {
        this.approvals = approvals;
    }

    @Override
    public List<Step> steps() {
        return List.of(Step.of(1300, WorkOrderApprovals.FLOW, once -> approvals.ifAvailable(WorkOrderApprovals::read)));
    }
}
