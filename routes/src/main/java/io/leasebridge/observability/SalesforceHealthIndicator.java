package io.leasebridge.observability;

import io.leasebridge.salesforce.SalesforceApiUsage;
import io.leasebridge.status.SystemStatus;
import io.leasebridge.salesforce.ApiBudget;
import io.leasebridge.status.SystemStatus.SalesforceStatus;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.stereotype.Component;

import java.time.Instant;

/**
 * Salesforce as the flows last saw it. OUT_OF_SERVICE while the last call was refused for its
 * credentials (nothing gets through until someone fixes them); DOWN after
 * {@code leasebridge.observability.salesforce-failures-before-down} failed calls in a row, or when the last
 * drain gave up on an outage and no call has succeeded since; UP once a call succeeded; UNKNOWN before the
 * first call. Past the API budget, {@code drainPaused} says why records wait.
 */
@Component
class SalesforceHealthIndicator implements HealthIndicator {

    private final SystemStatus status;
    private final SalesforceApiUsage apiUsage;
    private final int failuresBeforeDown;
    private final ApiBudget budget;

    SalesforceHealthIndicator(SystemStatus status, SalesforceApiUsage apiUsage, ObservabilityProperties properties,
                              ApiBudget budget) {
        this.status = status;
        this.apiUsage = apiUsage;
        this.failuresBeforeDown = properties.salesforceFailuresBeforeDown();
        this.budget = budget;
    }

    @Override
    public Health health() {
        SalesforceStatus sf = status.salesforce();
        Health.Builder health;
        if (sf.consecutiveFailures() > 0 && sf.lastErrorAuthentication()) {
            health = Health.outOfService();
        } else if (sf.consecutiveFailures() >= failuresBeforeDown
                || (sf.consecutiveFailures() > 0 && Boolean.TRUE.equals(sf.lastDrainStoppedOnOutage()))) {
            health = Health.down();
        } else if (sf.lastSuccessAt() != null) {
            health = Health.up();
        } else {
            health = Health.unknown();
        }
        health.withDetail("consecutiveFailedCalls", sf.consecutiveFailures())
                .withDetail("failedCallsBeforeDown", failuresBeforeDown);
        detail(health, "lastSuccessAt", sf.lastSuccessAt());
        detail(health, "lastErrorAt", sf.lastErrorAt());
        detail(health, "lastError", sf.lastError());
        detail(health, "lastDrainAt", sf.lastDrainAt());
        detail(health, "lastDrainStoppedOnOutage", sf.lastDrainStoppedOnOutage());
        if (!Double.isNaN(apiUsage.used())) {
            health.withDetail("apiRequestsUsed", (long) apiUsage.used()).withDetail("apiRequestsLimit", (long) apiUsage.limit());
        }
        budget.exhausted().ifPresent(reason -> health.withDetail("drainPaused", reason));
        return health.build();
    }

    private static void detail(Health.Builder health, String key, Object value) {
        if (value != null) {
            health.withDetail(key, value instanceof Instant at ? at.toString() : value);
        }
    }
}
