package io.leasebridge.connectors.quickbooks;

import io.github.resilience4j.bulkhead.Bulkhead;
import io.github.resilience4j.bulkhead.BulkheadConfig;
import io.github.resilience4j.bulkhead.BulkheadFullException;
import io.github.resilience4j.ratelimiter.RateLimiter;
import io.github.resilience4j.ratelimiter.RateLimiterConfig;
import io.github.resilience4j.ratelimiter.RequestNotPermitted;

import java.util.function.Supplier;

/**
 * What QuickBooks allows one company: so many calls a minute (resilience4j RateLimiter) and so many in
 * flight at once (resilience4j Bulkhead), whatever the backlog and however many workers drain it.
 */
public class QuickBooksLimits {

    private final RateLimiter perPeriod;
    private final Bulkhead concurrent;

    public QuickBooksLimits(String realmId, QuickBooksProperties.Limits limits) {
        this.perPeriod = RateLimiter.of("quickbooks-" + realmId, RateLimiterConfig.custom()
                .limitForPeriod(limits.requestsPerPeriod())
                .limitRefreshPeriod(limits.period())
                .timeoutDuration(limits.maxWait())
                .build());
        this.concurrent = Bulkhead.of("quickbooks-" + realmId, BulkheadConfig.custom()
                .maxConcurrentCalls(limits.concurrentCalls())
                .maxWaitDuration(limits.maxWait())
                .fairCallHandlingStrategyEnabled(true)
                .build());
    }

    public <T> T call(Supplier<T> call) {
        try {
            return Bulkhead.decorateSupplier(concurrent, RateLimiter.decorateSupplier(perPeriod, call)).get();
        } catch (RequestNotPermitted | BulkheadFullException waitedTooLong) {
            throw new QuickBooksUnavailableException("QuickBooks call limit: no permit within the configured wait", waitedTooLong);
        }
    }
}
