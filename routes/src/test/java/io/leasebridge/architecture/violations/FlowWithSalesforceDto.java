package io.leasebridge.architecture.violations;

import org.apache.camel.component.salesforce.api.dto.UpsertSObjectResult;

import java.util.List;

/** Breaks "no camel-salesforce type outside adapters": a flow reading the component's result DTOs. */
public class FlowWithSalesforceDto {

    public long failures(List<UpsertSObjectResult> results) {
        return results.stream().filter(result -> !result.getSuccess()).count();
    }
}
