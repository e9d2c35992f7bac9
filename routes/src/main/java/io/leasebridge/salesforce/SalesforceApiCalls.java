package io.leasebridge.salesforce;

import org.springframework.stereotype.Component;

import java.util.concurrent.atomic.AtomicLong;

/**
 * Counts the calls made to Salesforce's data API: each call and each redelivery of it. Log-ins are
 * camel-salesforce's own business and are not counted here.
 */
@Component
public class SalesforceApiCalls {

    private final AtomicLong calls = new AtomicLong();

    public void count() {
        calls.incrementAndGet();
    }

    public long total() {
        return calls.get();
    }
}
