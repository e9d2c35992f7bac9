package io.leasebridge.sandbox;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryType;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The most heap in use at any sample, every 50 ms (the pools' own peaks do not add up), and the most left
 * in use after a collection: garbage not collected yet counts in the first, only what was still reachable
 * in the second.
 */
final class HeapSampler implements AutoCloseable {

    private final AtomicLong peak = new AtomicLong();
    private final AtomicLong peakAfterCollection = new AtomicLong();
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "heap-sampler");
        t.setDaemon(true);
        return t;
    });

    HeapSampler() {
        timer.scheduleAtFixedRate(this::sample, 0, 50, TimeUnit.MILLISECONDS);
    }

    private void sample() {
        peak.accumulateAndGet(ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed(), Math::max);
        long afterCollection = ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(pool -> pool.getType() == MemoryType.HEAP && pool.getCollectionUsage() != null)
                .mapToLong(pool -> pool.getCollectionUsage().getUsed()).sum();
        peakAfterCollection.accumulateAndGet(afterCollection, Math::max);
    }

    /** The peaks so far. */
    Peaks peaks() {
        return new Peaks(peak.get() / (1024 * 1024), peakAfterCollection.get() / (1024 * 1024));
    }

    /** @param usedMegabytes the most in use at a sample; @param afterCollectionMegabytes the most left after a collection */
    record Peaks(long usedMegabytes, long afterCollectionMegabytes) {
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
