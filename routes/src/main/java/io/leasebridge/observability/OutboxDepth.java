package io.leasebridge.observability;

import io.leasebridge.hub.SalesforceOutbox;
import io.leasebridge.mapping.salesforce.SObjectType;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.util.Map;

/**
 * Pending rows of the Salesforce outbox per record type, as gauges. One grouped count serves every gauge of a scrape
 * and is reused for {@code leasebridge.observability.outbox-depth-max-age}.
 */
@Component
class OutboxDepth implements MeterBinder {

    private static final Logger log = LoggerFactory.getLogger(OutboxDepth.class);

    private final SalesforceOutbox outbox;
    private final long maxAgeNanos;
    private Map<String, Long> pending = Map.of();
    private long countedAt;
    private boolean counted;

    OutboxDepth(SalesforceOutbox outbox, ObservabilityProperties properties) {
        this.outbox = outbox;
        this.maxAgeNanos = properties.outboxDepthMaxAge().toNanos();
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        for (SObjectType type : SObjectType.values()) {
            Gauge.builder("leasebridge.outbox.pending", this, depth -> depth.pending(type))
                    .description("Outbox rows waiting to be delivered")
                    .tag("target", "salesforce")
                    .tag("sobject", type.recordType())
                    .register(registry);
        }
    }

    double pending(SObjectType type) {
        Map<String, Long> counts = counts();
        return counts == null ? Double.NaN : counts.getOrDefault(type.recordType(), 0L);
    }

    private synchronized Map<String, Long> counts() {
        long now = System.nanoTime();
        if (!counted || now - countedAt > maxAgeNanos) {
            try {
                pending = outbox.pendingByRecordType();
            } catch (RuntimeException e) {
                log.warn("outbox depth not counted: {}", e.getClass().getSimpleName());
                pending = null;
            }
            countedAt = now;
            counted = true;
        }
        return pending;
    }
}
