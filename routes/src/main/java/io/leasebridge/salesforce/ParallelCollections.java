package io.leasebridge.salesforce;

import io.leasebridge.connectors.salesforce.SalesforceGateway;
import io.leasebridge.connectors.salesforce.UpsertResult;
import io.leasebridge.hub.OutboxRow;
import io.leasebridge.mapping.salesforce.SObjectType;
import org.slf4j.MDC;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Up to {@code leasebridge.salesforce.concurrency} sObject Collections calls in flight, one per batch of a wave
 * ({@link CollectionWaves}); each answer, or each failure after the route's redeliveries, comes back with its rows.
 */
@Component
class ParallelCollections implements DisposableBean {

    /** A claimed row with its record, and the group (its parent, or itself) that keeps it out of a concurrent call. */
    record Pending(OutboxRow row, Map<String, Object> record, String group) {
    }

    /** A call's rows with Salesforce's results in request order, or the failure that left them unanswered. */
    record Call(List<OutboxRow> rows, List<UpsertResult> results, RuntimeException failure) {
    }

    private final SalesforceGateway salesforce;
    private final ExecutorService callers;

    ParallelCollections(SalesforceGateway salesforce, SalesforceDeliveryProperties properties) {
        this.salesforce = salesforce;
        AtomicInteger threads = new AtomicInteger();
        this.callers = properties.concurrency() == 1 ? null : Executors.newFixedThreadPool(properties.concurrency(), task -> {
            Thread thread = new Thread(task, "salesforce-collections-" + threads.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }

    /** A wave's calls, sent: their answers come in request order once every call is answered. */
    interface Sent {
        List<Call> answers();

        /** The rows of every call of the wave. */
        List<OutboxRow> rows();
    }

    /**
     * Sends a wave's calls side by side and returns at once, so that the caller can work while they are in flight; with
     * one call at a time, the call is made before this returns.
     */
    Sent start(SObjectType type, List<List<Pending>> wave) {
        List<OutboxRow> rows = wave.stream().flatMap(List::stream).map(Pending::row).toList();
        if (callers == null || wave.size() == 1) {
            List<Call> calls = new ArrayList<>(wave.size());
            for (List<Pending> batch : wave) {
                calls.add(calls.stream().anyMatch(c -> c.failure() != null)
                        ? new Call(rows(batch), null, new IllegalStateException("not sent: an earlier call of the run failed"))
                        : call(type, batch));
            }
            return new Answered(calls, rows);
        }
        Map<String, String> logContext = MDC.getCopyOfContextMap();
        List<Future<Call>> inFlight = new ArrayList<>(wave.size());
        for (List<Pending> batch : wave) {
            inFlight.add(callers.submit(() -> {
                if (logContext != null) {
                    MDC.setContextMap(logContext);
                }
                try {
                    return call(type, batch);
                } finally {
                    MDC.clear();
                }
            }));
        }
        return new InFlight(inFlight, wave, rows);
    }

    private record Answered(List<Call> answers, List<OutboxRow> rows) implements Sent {
    }

    private record InFlight(List<Future<Call>> calls, List<List<Pending>> wave, List<OutboxRow> rows) implements Sent {
        @Override
        public List<Call> answers() {
            List<Call> answers = new ArrayList<>(calls.size());
            for (int i = 0; i < calls.size(); i++) {
                answers.add(answer(calls.get(i), ParallelCollections.rows(wave.get(i))));
            }
            return answers;
        }
    }

    private Call call(SObjectType type, List<Pending> batch) {
        try {
            return new Call(rows(batch), salesforce.upsert(type, batch.stream().map(Pending::record).toList()), null);
        } catch (RuntimeException failed) {
            return new Call(rows(batch), null, failed);
        }
    }

    private static Call answer(Future<Call> call, List<OutboxRow> rows) {
        try {
            return call.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Call(rows, null, new IllegalStateException("interrupted while waiting for Salesforce", e));
        } catch (ExecutionException e) {
            return new Call(rows, null, e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause()));
        }
    }

    private static List<OutboxRow> rows(List<Pending> batch) {
        return batch.stream().map(Pending::row).toList();
    }

    @Override
    public void destroy() {
        if (callers != null) {
            callers.shutdownNow();
        }
    }
}
