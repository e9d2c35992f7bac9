package io.leasebridge.salesforce;

import io.leasebridge.connectors.salesforce.CamelSalesforceErrors;
import org.apache.camel.LoggingLevel;
import org.apache.camel.builder.RouteConfigurationBuilder;
import org.springframework.stereotype.Component;

/**
 * Salesforce's error policy, in one place: a call that failed for a passing reason (5xx, row lock, API
 * limit, lost connection) is redelivered with exponential backoff; anything else fails at once and the
 * caller decides what becomes of the records. An expired session is re-logged-in by camel-salesforce.
 */
@Component
public class SalesforceRouteConfiguration extends RouteConfigurationBuilder {

    public static final String ID = "salesforce-errors";

    private final SalesforceDeliveryProperties.Retry retry;
    public SalesforceRouteConfiguration(SalesforceDeliveryProperties properties) {
        this.retry = properties.retry();
    }

    @Override
    public void configuration() {
        routeConfiguration(ID)
                .onException(Exception.class)
                .onWhen(exchange -> CamelSalesforceErrors.isRetryable(exchange.getException()))
                .maximumRedeliveries(retry.maxRedeliveries())
                .redeliveryDelay(retry.initialDelay().toMillis())
                .useExponentialBackOff()
                .backOffMultiplier(2)
                .maximumRedeliveryDelay(retry.maxDelay().toMillis())
                .retryAttemptedLogLevel(LoggingLevel.WARN)
                .logStackTrace(false)
                .logExhausted(false);
    }
}
