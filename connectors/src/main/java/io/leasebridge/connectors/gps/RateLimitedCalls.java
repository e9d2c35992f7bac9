package io.leasebridge.connectors.gps;

import java.time.Duration;
import java.util.function.Supplier;

/**
 * A vendor call that honours HTTP 429: waits the vendor's Retry-After (capped) and tries again a bounded number
 * of times; any other failure, or a 429 that persists, is classified and thrown.
 */
public final class RateLimitedCalls {

    /** The wait on a 429 that does not say how long. */
    private static final Duration WITHOUT_RETRY_AFTER = Duration.ofSeconds(1);

    private final String vendor;
    private final int retries;
    private final Duration maxWait;
    private final Sleeper sleeper;

    public RateLimitedCalls(String vendor, int retries, Duration maxWait, Sleeper sleeper) {
        this.vendor = vendor;
        this.retries = retries;
        this.maxWait = maxWait;
        this.sleeper = sleeper;
    }

    public HttpReply call(String what, Supplier<HttpReply> call) {
        for (int attempt = 0; ; attempt++) {
            HttpReply reply = call.get();
            if (reply.ok()) {
                return reply;
            }
            if (reply.status() == 429 && attempt < retries) {
                pause(VendorReplies.retryAfter(reply, WITHOUT_RETRY_AFTER, maxWait));
                continue;
            }
            throw VendorReplies.failure(vendor, what, reply);
        }
    }

    private void pause(Duration wait) {
        try {
            sleeper.sleep(wait);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new GpsVendorException(vendor, 429, true, "interrupted while waiting out a 429", e);
        }
    }
}
