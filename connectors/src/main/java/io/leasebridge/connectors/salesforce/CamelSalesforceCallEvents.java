package io.leasebridge.connectors.salesforce;

import io.leasebridge.connectors.salesforce.SalesforceCallListener.SalesforceCall;
import org.apache.camel.Exchange;
import org.apache.camel.component.salesforce.SalesforceEndpoint;
import org.apache.camel.spi.CamelEvent;
import org.apache.camel.spi.CamelEvent.ExchangeSentEvent;
import org.apache.camel.support.EventNotifierSupport;
import org.springframework.stereotype.Component;

/**
 * Watches every exchange Camel sends to a salesforce endpoint and tells the {@link SalesforceCallListener} about it:
 * the operation, how long it took, the failure read into a {@link SalesforceCallException}, and the org's API usage
 * from the answer's {@code Sforce-Limit-Info} (camel-salesforce copies {@code Sforce-*} response headers onto the
 * message). Routes stay as they are: Camel hands this notifier each {@code ExchangeSentEvent}.
 */
@Component
public class CamelSalesforceCallEvents extends EventNotifierSupport {

    public static final String LIMIT_INFO = "Sforce-Limit-Info";

    private final SalesforceCallListener listener;

    public CamelSalesforceCallEvents(SalesforceCallListener listener) {
        this.listener = listener;
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
        listener.called(new SalesforceCall(operation, sent.getTimeTaken(),
                failure == null ? null : CamelSalesforceErrors.translate(failure),
                failure == null ? exchange.getMessage().getHeader(LIMIT_INFO, String.class) : null));
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
