package io.leasebridge.salesforce;

import org.apache.camel.spi.CamelEvent;
import org.apache.camel.spi.CamelEvent.ExchangeSentEvent;
import org.apache.camel.support.EventNotifierSupport;
import org.springframework.stereotype.Component;

import java.util.concurrent.atomic.AtomicLong;

/**
 * Counts the calls made to Salesforce's data API, redeliveries included (log-ins are camel-salesforce's
 * own and are not counted here).
 */
@Component
public class SalesforceApiCalls extends EventNotifierSupport {

    private final AtomicLong calls = new AtomicLong();

    public SalesforceApiCalls() {
        setIgnoreCamelContextEvents(true);
        setIgnoreRouteEvents(true);
        setIgnoreServiceEvents(true);
        setIgnoreExchangeCreatedEvent(true);
        setIgnoreExchangeCompletedEvent(true);
        setIgnoreExchangeFailedEvents(true);
        setIgnoreExchangeRedeliveryEvents(true);
        setIgnoreExchangeSendingEvents(true);
        setIgnoreStepEvents(true);
    }

    @Override
    public void notify(CamelEvent event) {
        if (event instanceof ExchangeSentEvent sent && sent.getEndpoint().getEndpointUri().startsWith("salesforce:")) {
            calls.incrementAndGet();
        }
    }

    public long total() {
        return calls.get();
    }
}
