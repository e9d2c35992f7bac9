package io.leasebridge.ingest;

import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * Tells when an export route has taken every file there was: its consumer polled and found nothing.
 * Run-once mode waits on this before it stops the route and moves on to the next flow.
 */
@Component
public class ExportPolls {

    private final Map<String, Semaphore> emptyPolls = new ConcurrentHashMap<>();

    public void pollFoundNothing(String routeId) {
        emptyPolls.computeIfAbsent(routeId, id -> new Semaphore(0)).release();
    }

    /** Forgets earlier empty polls, so that the next wait sees only polls after this call. */
    public void reset(String routeId) {
        emptyPolls.computeIfAbsent(routeId, id -> new Semaphore(0)).drainPermits();
    }

    public boolean awaitEmptyPoll(String routeId, Duration timeout) throws InterruptedException {
        return emptyPolls.computeIfAbsent(routeId, id -> new Semaphore(0)).tryAcquire(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }
}
