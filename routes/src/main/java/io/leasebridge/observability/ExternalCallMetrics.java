package io.leasebridge.observability;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.apache.camel.Exchange;
import org.apache.camel.component.salesforce.SalesforceEndpoint;
import org.apache.camel.spi.CamelEvent;
import org.apache.camel.spi.CamelEvent.ExchangeSentEvent;
import org.apache.camel.support.EventNotifierSupport;
import org.springframework.stereotype.Component;

import java.util.concurrent.TimeUnit;

/**
 * Watches every exchange Camel sends to an external system's endpoint: times the call (each redelivery is a
 * call of its own), tells {@link SystemStatus} whether it was answered, and reads Salesforce's API usage off
 * the answer. Routes stay as they are: Camel hands this notifier each {@code ExchangeSentEvent}.
 */
@Component
class ExternalCallMetrics extends EventNotifierSupport {

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
    public boolean isEnabled(CamelEvent event) {
        return event instanceof ExchangeSentEvent sent && sent.getEndpoint() instanceof SalesforceEndpoint;
    }

    @Override
    public void notify(CamelEvent event) {
        ExchangeSentEvent sent = (ExchangeSentEvent) event;
        SalesforceEndpoint endpoint = (SalesforceEndpoint) sent.getEndpoint();
        Exchange exchange = sent.getExchange();
        Exception failure = exchange.getException();
        String operation = endpoint.getOperationName() == null ? "unknown" : endpoint.getOperationName().value();
        Timer.builder(TIMER)
                .description("Calls LeaseBridge made to an external system, each redelivery counted")
                .tag("system", "salesforce")
                .tag("operation", operation)
                .tag("outcome", failure == null ? "success" : "failure")
                .register(registry)
                .record(sent.getTimeTaken(), TimeUnit.MILLISECONDS);
        if (failure == null) {
            status.salesforceCallSucceeded();
            apiUsage.record(exchange.getMessage().getHeader(SalesforceApiUsage.HEADER, String.class));
        } else {
            status.salesforceCallFailed(failure);
        }
    }

    @Override
    protected void doInit() throws Exception {
        super.doInit();
        setIgnoreCamelContextEvents(true);
        setIgnoreRouteEvents(true);
        setIgnoreServiceEvents(true);
        setIgnoreStepEvents(true);
        setIgnoreExchangeCreatedEvent(true);
        setIgnoreExchangeCompletedEvent(true);
        setIgnoreExchangeFailedEvents(true);
        setIgnoreExchangeRedeliveryEvents(true);
        setIgnoreExchangeSendingEvents(true);
    }
}
