package io.leasebridge.workorders;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.leasebridge.hub.DeadLetters;
import io.leasebridge.salesforce.SalesforceReadFlow;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.type.AnnotatedTypeMetadata;

/**
 * The approval read, when work orders can come in at all: FleetRock polled ({@code leasebridge.fleetrock.base-url})
 * or pushing ({@code leasebridge.fleetrock.webhook.secret}). Without either there is nothing to approve.
 */
@Configuration(proxyBeanMethods = false)
@Conditional(WorkOrderConfiguration.WorkOrdersCome.class)
class WorkOrderConfiguration {

    @Bean
    WorkOrderApprovals workOrderApprovals(SalesforceReadFlow readFlow, WorkOrderStore store, DeadLetters deadLetters,
                                          ObjectMapper json) {
        return new WorkOrderApprovals(readFlow, store, deadLetters, json);
    }

    @Bean
    WorkOrderApprovalRoutes workOrderApprovalRoutes(WorkOrderApprovals approvals) {
        return new WorkOrderApprovalRoutes(approvals);
    }

    static class WorkOrdersCome implements Condition {
        @Override
        public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
            return given(context, "leasebridge.fleetrock.base-url") || given(context, "leasebridge.fleetrock.webhook.secret");
        }

        private static boolean given(ConditionContext context, String property) {
            String value = context.getEnvironment().getProperty(property);
            return value != null && !value.isBlank();
        }
    }
}
