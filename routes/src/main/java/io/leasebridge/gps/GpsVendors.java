package io.leasebridge.gps;

import io.github.resilience4j.ratelimiter.RateLimiter;
import io.github.resilience4j.ratelimiter.RateLimiterConfig;
import io.leasebridge.connectors.gps.GpsProvider;

import java.time.Duration;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The GPS vendors LeaseBridge is configured for, each with its request-rate limiter (resilience4j) and how many
 * of its calls may be in flight at once.
 */
public final class GpsVendors {

    public record Vendor(GpsProvider provider, RateLimiter limiter, int maxConcurrent) {
    }

    private final Map<String, Vendor> vendors = new LinkedHashMap<>();
    private final Duration maxWait;

    public GpsVendors(Duration maxWait) {
        this.maxWait = maxWait;
    }

    public GpsVendors add(GpsProvider provider, double requestsPerSecond, int maxConcurrent) {
        // one permit every 1/rate seconds, no burst: the vendor sees an even pace
        long nanosPerPermit = Math.max(1, Math.round(1_000_000_000d / requestsPerSecond));
        RateLimiterConfig config = RateLimiterConfig.custom()
                .limitForPeriod(1)
                .limitRefreshPeriod(Duration.ofNanos(nanosPerPermit))
                .timeoutDuration(maxWait)
                .build();
        vendors.put(provider.name(), new Vendor(provider, RateLimiter.of("gps-" + provider.name().toLowerCase(), config), maxConcurrent));
        return this;
    }

    public Set<String> names() {
        return vendors.keySet();
    }

    public Collection<Vendor> all() {
        return vendors.values();
    }

    public Vendor get(String name) {
        Vendor vendor = vendors.get(name);
        if (vendor == null) {
            throw new IllegalArgumentException("GPS vendor not configured: " + name);
        }
        return vendor;
    }

    /** Waits for the vendor's next permit; throws when none comes within the poll timeout. */
    public void acquire(String name) {
        RateLimiter.waitForPermission(get(name).limiter());
    }
}
