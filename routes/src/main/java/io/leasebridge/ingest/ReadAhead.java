package io.leasebridge.ingest;

import org.slf4j.MDC;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CancellationException;
import java.util.function.Consumer;

/**
 * Runs the reading of a file (parsing its rows and mapping them into batches) on a thread of its own, at most
 * {@link #BATCHES_AHEAD} batches ahead of the thread that writes them, so that reading and writing share two
 * processors while memory stays bounded by a few batches. Batches come out in the order they were read; what the
 * reading throws is thrown again to the writer; a writer that stops early stops the reading and waits until it has
 * let go of its file.
 *
 * @param <B> a batch
 * @param <R> what the reading returns once it has handed over its last full batch
 */
final class ReadAhead<B, R> implements AutoCloseable {

    static final int BATCHES_AHEAD = 2;

    /** The reading: hands over each full batch, in order, and returns what it found at the end. */
    @FunctionalInterface
    interface Reading<B, R> {
        R read(Consumer<B> handOver);
    }

    private sealed interface Item<B, R> {
    }

    private record Batch<B, R>(B batch) implements Item<B, R> {
    }

    private record Finished<B, R>(R result) implements Item<B, R> {
    }

    private record Failed<B, R>(Throwable error) implements Item<B, R> {
    }

    private final BlockingQueue<Item<B, R>> handedOver = new ArrayBlockingQueue<>(BATCHES_AHEAD);
    private final Thread thread;
    private volatile boolean stopped;
    private R result;
    private Throwable failure;
    private boolean finished;

    private ReadAhead(String threadName, Reading<B, R> reading) {
        Map<String, String> logContext = MDC.getCopyOfContextMap();
        this.thread = new Thread(() -> run(reading, logContext), threadName);
        thread.setDaemon(true);
    }

    static <B, R> ReadAhead<B, R> start(String threadName, Reading<B, R> reading) {
        ReadAhead<B, R> readAhead = new ReadAhead<>(threadName, reading);
        readAhead.thread.start();
        return readAhead;
    }

    private void run(Reading<B, R> reading, Map<String, String> logContext) {
        if (logContext != null) {
            MDC.setContextMap(logContext);
        }
        try {
            R end = reading.read(batch -> put(new Batch<>(batch)));
            put(new Finished<>(end));
        } catch (Throwable e) {
            if (!stopped) {
                putQuietly(new Failed<>(e));
            }
        } finally {
            MDC.clear();
        }
    }

    private void put(Item<B, R> item) {
        try {
            handedOver.put(item);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CancellationException("the writer stopped reading");
        }
    }

    private void putQuietly(Item<B, R> item) {
        try {
            handedOver.put(item);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * The next full batch, or nothing once the reading is done: then {@link #result()} holds what it returned. Throws
     * what the reading threw, once the batches it handed over before are taken.
     */
    Optional<B> next() {
        if (failure != null) {
            throw rethrow(failure);
        }
        if (finished) {
            return Optional.empty();
        }
        Item<B, R> item = take();
        if (item instanceof Batch<B, R> batch) {
            return Optional.of(batch.batch());
        }
        if (item instanceof Failed<B, R> failed) {
            failure = failed.error();
            throw rethrow(failure);
        }
        finished = true;
        result = ((Finished<B, R>) item).result();
        return Optional.empty();
    }

    /** What the reading returned, once {@link #next()} has said it is done. */
    R result() {
        if (!finished) {
            throw new IllegalStateException(failure == null ? "the reading is not done" : "the reading failed", failure);
        }
        return result;
    }

    private Item<B, R> take() {
        try {
            return handedOver.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CancellationException("interrupted while waiting for rows");
        }
    }

    private static RuntimeException rethrow(Throwable error) {
        if (error instanceof RuntimeException runtime) {
            return runtime;
        }
        if (error instanceof Error fatal) {
            throw fatal;
        }
        return new IllegalStateException(error);
    }

    /** Stops a reading that is not done and waits for its thread to end, so that its file is closed. */
    @Override
    public void close() {
        if (thread.isAlive()) {
            stopped = true;
            thread.interrupt();
            boolean interrupted = false;
            while (thread.isAlive()) {
                try {
                    thread.join();
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
