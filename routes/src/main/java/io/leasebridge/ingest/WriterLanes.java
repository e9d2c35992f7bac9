package io.leasebridge.ingest;

import org.slf4j.MDC;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

/**
 * Writes a file's batches on several threads side by side, each batch on the lane its reader chose, so that the
 * database works on one batch while the next is prepared: with one writer, PostgreSQL and the writing thread take
 * turns, and a processor idles. A lane writes its batches one after another, in the order handed over, with at most
 * {@link #BATCHES_PER_LANE} waiting or in hand, so memory stays bounded. The first failure stops every lane: what
 * waits is dropped, and the failure is thrown to the thread that hands batches over, at its next hand-over or at
 * {@link #finish()}. With one lane, each batch is written on the calling thread, as it is handed over.
 *
 * @param <B> a batch
 */
final class WriterLanes<B> implements AutoCloseable {

    static final int BATCHES_PER_LANE = 2;

    private record Lane(ExecutorService thread, Semaphore room) {
    }

    private final Consumer<B> write;
    private final List<Lane> lanes = new ArrayList<>();
    private final AtomicReference<Throwable> failure = new AtomicReference<>();
    private final Map<String, String> logContext = MDC.getCopyOfContextMap();
    private volatile boolean stopped;

    private WriterLanes(String threadName, int count, Consumer<B> write) {
        this.write = write;
        if (count > 1) {
            for (int i = 0; i < count; i++) {
                String name = threadName + "-" + (i + 1);
                lanes.add(new Lane(Executors.newSingleThreadExecutor(task -> daemon(task, name)), new Semaphore(BATCHES_PER_LANE)));
            }
        }
    }

    static <B> WriterLanes<B> start(String threadName, int count, Consumer<B> write) {
        if (count < 1) {
            throw new IllegalArgumentException("at least one writer, not " + count);
        }
        return new WriterLanes<>(threadName, count, write);
    }

    private static Thread daemon(Runnable task, String name) {
        Thread thread = new Thread(task, name);
        thread.setDaemon(true);
        return thread;
    }

    /** Hands a batch to its lane, waiting while that lane is full; throws the first failure of any lane. */
    void write(int lane, B batch) {
        throwIfFailed();
        if (lanes.isEmpty()) {
            write.accept(batch);
            return;
        }
        Lane target = lanes.get(lane);
        try {
            target.room().acquire();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CancellationException("interrupted while waiting for a writer");
        }
        target.thread().execute(() -> writeInLane(batch, target));
    }

    private void writeInLane(B batch, Lane lane) {
        if (logContext != null) {
            MDC.setContextMap(logContext);
        }
        try {
            if (!stopped && failure.get() == null) {
                write.accept(batch);
            }
        } catch (Throwable e) {
            failure.compareAndSet(null, e);
        } finally {
            lane.room().release();
            MDC.clear();
        }
    }

    /** Waits until every lane has written what it was handed; throws the first failure of any lane. */
    void finish() {
        awaitLanes();
        throwIfFailed();
    }

    private void throwIfFailed() {
        Throwable error = failure.get();
        if (error instanceof RuntimeException runtime) {
            throw runtime;
        }
        if (error instanceof Error fatal) {
            throw fatal;
        }
        if (error != null) {
            throw new IllegalStateException(error);
        }
    }

    /** Drops what waits and ends the lanes, after the batches in hand are written or have failed. */
    @Override
    public void close() {
        stopped = true;
        awaitLanes();
    }

    private void awaitLanes() {
        lanes.forEach(lane -> lane.thread().shutdown());
        boolean interrupted = false;
        for (Lane lane : lanes) {
            while (!lane.thread().isTerminated()) {
                try {
                    lane.thread().awaitTermination(1, TimeUnit.MINUTES);
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
