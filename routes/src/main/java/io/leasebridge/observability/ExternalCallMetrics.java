package io.leasebridge.observability;

import io.leasebridge.salesforce.SalesforceApiUsage;
import io.leasebridge.status.SystemStatus;
import io.leasebridge.connectors.salesforce.SalesforceCallListener;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.springframework.stereotype.Component;

import java.util.concurrent.TimeUnit;

/**
 * Each request sent to an external system: times the call (each redelivery is a call of its own), tells
 * {@link SystemStatus} whether it was answered, and reads Salesforce's API usage off the answer.
 */
@Component
class ExternalCallMetrics implements SalesforceCallListener {

    static final String TIMER = "leasebridge.external.call";

    private final MeterRegistry registry;
    private final SystemStatus status;
    private final SalesforceApiUsage apiUsage;

    ExternalCallMetrics(MeterRegistry registry, SystemStatus status, SalesforceApiUsage apiUsage) {
        this.registry = registry;
        this.status = status;
        this.apiUsage = apiUsage;
    }

    @Override
    public void called(SalesforceCall call) {
        Timer.builder(TIMER)
                .description("Calls LeaseBridge made to an external system, each redelivery counted")
                .tag("system", "salesforce")
                .tag("operation", call.operation())
                .tag("outcome", call.answered() ? "success" : "failure")
                .register(registry)
                .record(call.millis(), TimeUnit.MILLISECONDS);
        if (call.answered()) {
            status.salesforceCallSucceeded();
            apiUsage.record(call.limitInfo());
        } else {
            status.salesforceCallFailed(call.failure());
        }
    }
}
