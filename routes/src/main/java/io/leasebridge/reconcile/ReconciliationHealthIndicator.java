package io.leasebridge.reconcile;

import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * The last reconciliation: when it ran and how many differences nothing in the hub explains. A difference is a
 * matter for an operator, not an outage, so the status stays UP; UNKNOWN before the first reconciliation.
 */
@Component("reconciliation")
class ReconciliationHealthIndicator implements HealthIndicator {

    private final SystemsReconciliation reconciliation;

    ReconciliationHealthIndicator(SystemsReconciliation reconciliation) {
        this.reconciliation = reconciliation;
    }

    @Override
    public Health health() {
        return reconciliation.last()
                .map(report -> Health.up().withDetail("at", report.at().toString()).withDetail("unexplained", report.unexplained())
                        .withDetail("salesforceCalls", report.salesforceCalls()).withDetail("quickBooksCalls", report.quickBooksCalls()).build())
                .orElseGet(() -> Health.unknown().withDetail("unexplained", "no reconciliation yet").build());
    }
}
