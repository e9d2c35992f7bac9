package io.leasebridge.quickbooks;

import io.leasebridge.connectors.quickbooks.QuickBooksApi;
import io.leasebridge.connectors.quickbooks.QuickBooksProperties;
import io.leasebridge.connectors.quickbooks.QuickBooksTokens;
import io.leasebridge.connectors.quickbooks.ReconnectQuickBooksException;
import io.leasebridge.hub.DeadLetter;
import io.leasebridge.hub.DeadLetters;
import io.leasebridge.hub.RunCounts;
import io.leasebridge.flow.FlowRuns;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * The {@code quickbooks-postings} flow: queue what the hub says QuickBooks should have (refusing what
 * cannot be posted, into dead letters), then send the pending postings with several workers, the
 * company's limits holding the calls to what QuickBooks allows. {@code invalid_grant} stops the run
 * with "reconnect QuickBooks"; an outage leaves postings pending for the next run.
 */
public class QuickBooksPostingRun {

    public static final String FLOW = "quickbooks-postings";
    private static final Logger log = LoggerFactory.getLogger(QuickBooksPostingRun.class);

    private final QuickBooksSources sources;
    private final QuickBooksOutbox outbox;
    private final QuickBooksPoster poster;
    private final QuickBooksApi api;
    private final QuickBooksTokens tokens;
    private final QuickBooksProperties properties;
    private final DeadLetters deadLetters;
    private final FlowRuns runs;
    private final TransactionTemplate transaction;
    private final QuickBooksStatus status;

    QuickBooksPostingRun(QuickBooksSources sources, QuickBooksOutbox outbox, QuickBooksPoster poster, QuickBooksApi api,
                         QuickBooksTokens tokens, QuickBooksProperties properties, DeadLetters deadLetters, FlowRuns runs,
                         TransactionTemplate transaction, QuickBooksStatus status) {
        this.sources = sources;
        this.outbox = outbox;
        this.poster = poster;
        this.api = api;
        this.tokens = tokens;
        this.properties = properties;
        this.deadLetters = deadLetters;
        this.runs = runs;
        this.transaction = transaction;
        this.status = status;
    }

    public synchronized QuickBooksRunReport run() {
        return runs.run(FLOW, null, run -> {
            try {
                return post(run);
            } catch (RuntimeException e) {
                status.failed(e.toString());
                throw e;
            }
        });
    }

    private QuickBooksRunReport post(FlowRuns.Run run) {
        long callsBefore = api.calls();
        Queued queued = enqueue(run.id());
        Drained drained = drain(run.id());
        long calls = api.calls() - callsBefore;
        RunCounts counts = new RunCounts(queued.read, queued.changed, drained.confirmed, drained.failed, queued.refused, calls);
        String error = drained.stopped;
        if (error == null && drained.pending > 0) {
            error = drained.pending + " postings left pending: QuickBooks unavailable (" + drained.lastPendingReason + ")";
        }
        run.count(counts);
        if (error != null) {
            run.fail(error);
        }
        if (drained.stopped == null) {
            if (drained.pending == 0) {
                status.succeeded();
            } else {
                status.failed(error);
            }
        }
        log.info("{}: {} source records, {} queued, {} refused; {} confirmed, {} failed, {} pending; {} QuickBooks calls",
                FLOW, queued.read, queued.changed, queued.refused, drained.confirmed, drained.failed, drained.pending, calls);
        return new QuickBooksRunReport(counts, drained.confirmed, drained.failed, queued.refused, drained.pending, error);
    }

    private record Queued(long read, long changed, long refused) {
    }

    private Queued enqueue(long runId) {
        List<SourceRecord> records = sources.all();
        Long[] counts = transaction.execute(tx -> {
            long changed = 0;
            List<DeadLetter> refusals = new ArrayList<>();
            for (SourceRecord record : records) {
                if (record.posting() != null) {
                    changed += outbox.enqueue(record.posting()) ? 1 : 0;
                } else {
                    refusals.add(new DeadLetter(FLOW, record.type().name(), record.sourceKey(), null, null, record.refusal().field(),
                            record.refusal().code(), record.refusal().getMessage(), record.payload()));
                }
            }
            deadLetters.record(refusals, runId);
            return new Long[]{changed, (long) refusals.size()};
        });
        return new Queued(records.size(), counts[0], counts[1]);
    }

    private static final class Drained {
        long confirmed;
        long failed;
        long pending;
        String lastPendingReason;
        String stopped;
    }

    private Drained drain(long runId) {
        Drained drained = new Drained();
        String reconnect = tokens.reconnectReason();
        if (reconnect != null) {
            return stop(drained, new ReconnectQuickBooksException(properties.realmId(), reconnect),
                    outbox.countByStatus(QuickBooksOutbox.PENDING));
        }
        List<OutboxPosting> pending = outbox.claim(properties.batchSize());
        try {
            return post(pending, drained, runId);
        } finally {
            outbox.release(pending);
        }
    }

    private Drained post(List<OutboxPosting> pending, Drained drained, long runId) {
        ExecutorService workers = Executors.newFixedThreadPool(Math.min(properties.workers(), Math.max(1, pending.size())));
        try {
            List<Future<PostResult>> results = pending.stream().map(p -> workers.submit(() -> poster.post(p))).toList();
            List<DeadLetter> failures = new ArrayList<>();
            for (Future<PostResult> future : results) {
                try {
                    PostResult result = future.get();
                    switch (result.outcome()) {
                        case CONFIRMED -> drained.confirmed++;
                        case FAILED -> {
                            drained.failed++;
                            OutboxPosting p = result.posting();
                            failures.add(new DeadLetter(FLOW, p.type().name(), p.requestId(), null, null, result.fault().firstElement(),
                                    "QB-" + result.fault().firstCode(), result.detail(), p.payload()));
                        }
                        case PENDING -> {
                            drained.pending++;
                            drained.lastPendingReason = result.detail();
                        }
                    }
                } catch (ExecutionException e) {
                    if (e.getCause() instanceof ReconnectQuickBooksException reconnectNeeded) {
                        workers.shutdownNow();
                        stop(drained, reconnectNeeded, 0);
                    } else if (drained.stopped == null) {
                        throw new IllegalStateException("posting to QuickBooks failed: " + e.getCause(), e.getCause());
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("interrupted while posting to QuickBooks", e);
                }
            }
            deadLetters.record(failures, runId);
            if (drained.stopped != null) {
                drained.pending = outbox.countByStatus(QuickBooksOutbox.PENDING);
            }
            return drained;
        } finally {
            workers.shutdownNow();
        }
    }

    private Drained stop(Drained drained, ReconnectQuickBooksException reason, long pending) {
        if (drained.stopped == null) {
            drained.stopped = reason.getMessage();
            drained.pending = pending;
            status.reconnectRequired(reason.getMessage());
            log.error("{}: {}", FLOW, reason.getMessage());
        }
        return drained;
    }
}
