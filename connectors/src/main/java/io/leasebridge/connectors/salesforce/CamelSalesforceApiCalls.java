package io.leasebridge.connectors.salesforce;

import org.apache.camel.CamelContext;
import org.apache.camel.component.salesforce.SalesforceComponent;
import org.apache.camel.spring.boot.CamelContextConfiguration;
import org.springframework.stereotype.Component;

import java.util.concurrent.atomic.AtomicLong;

/**
 * Counts the requests made to Salesforce's data API ({@code /services/data/...}) as they leave
 * camel-salesforce's HTTP client: each call, each redelivery, and each call the component repeats by
 * itself after renewing an expired session. Log-ins are not API calls and are not counted.
 */
@Component
public class CamelSalesforceApiCalls implements CamelContextConfiguration {

    private static final String DATA_API = "/services/data/";

    private final AtomicLong calls = new AtomicLong();

    @Override
    public void beforeApplicationStart(CamelContext camel) {
    }

    @Override
    public void afterApplicationStart(CamelContext camel) {
        SalesforceComponent salesforce = camel.getComponent("salesforce", SalesforceComponent.class);
        if (salesforce != null && salesforce.getHttpClient() != null) {
            salesforce.getHttpClient().getRequestListeners().addBeginListener(request -> {
                if (request.getPath() != null && request.getPath().contains(DATA_API)) {
                    calls.incrementAndGet();
                }
            });
        }
    }

    public long total() {
        return calls.get();
    }
}
