package io.leasebridge.salesforce;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import io.leasebridge.connectors.salesforce.SalesforceCallException;
import io.leasebridge.connectors.salesforce.SalesforceError;
import io.leasebridge.connectors.salesforce.SalesforceGateway;
import io.leasebridge.connectors.salesforce.UpsertResult;
import io.leasebridge.hub.DeadLetter;
import io.leasebridge.hub.DeadLetters;
import io.leasebridge.hub.ExternalWrite;
import io.leasebridge.hub.ExternalWrites;
import io.leasebridge.hub.OutboxRow;
import io.leasebridge.hub.RunCounts;
import io.leasebridge.hub.SalesforceOutbox;
import io.leasebridge.mapping.salesforce.SObjectType;
import io.leasebridge.flow.FlowRuns;
import io.leasebridge.status.SystemStatus;
import io.leasebridge.salesforce.ParallelCollections.Call;
import io.leasebridge.salesforce.ParallelCollections.Pending;
import io.leasebridge.salesforce.ParallelCollections.Sent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Delivers the Salesforce outbox: parents before children, up to 200 records per call and up to
 * {@code leasebridge.salesforce.concurrency} calls of one sObject in flight (never two with children of one parent),
 * each result read on its own. A record Salesforce rejects goes to dead letters and the rest of its batch is marked
 * delivered; a call that fails after its redeliveries leaves every record of the batch pending.
 */
@Service
public class SalesforceOutboxDrain {

    public static final String FLOW = "salesforce-outbox-drain";
    private static final Logger log = LoggerFactory.getLogger(SalesforceOutboxDrain.class);

    private final SalesforceOutbox outbox;
    private final ParallelCollections collections;
    private final SalesforceGateway salesforce;
    private final DeadLetters deadLetters;
    private final FlowRuns runs;
    private final ExternalWrites externalWrites;
    private final TransactionTemplate transaction;
    private final SalesforceDeliveryProperties properties;
    private final ObjectReader payloadReader;
    private final SystemStatus status;
    private final ApiBudget budget;
    private final BulkDelivery bulk;

    SalesforceOutboxDrain(SalesforceOutbox outbox, ParallelCollections collections, SalesforceGateway salesforce,
                                 DeadLetters deadLetters, FlowRuns runs, TransactionTemplate transaction,
                                 SalesforceDeliveryProperties properties, ObjectMapper json, SystemStatus status,
                                 ExternalWrites externalWrites, ApiBudget budget, BulkDelivery bulk) {
        this.outbox = outbox;
        this.collections = collections;
        this.salesforce = salesforce;
        this.deadLetters = deadLetters;
        this.runs = runs;
        this.transaction = transaction;
        this.properties = properties;
        this.payloadReader = json.readerFor(Map.class).with(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
        this.status = status;
        this.externalWrites = externalWrites;
        this.budget = budget;
        this.bulk = bulk;
    }

    /** One drain at a time on a node: a second one (a trigger while the schedule runs) waits rather than skipping the claimed rows. */
    public synchronized DrainReport drain() {
        return runs.run(FLOW, null, this::deliverAll);
    }

    private DrainReport deliverAll(FlowRuns.Run run) {
        long runId = run.id();
        Map<String, RunCounts> bySObject = new LinkedHashMap<>();
        RunCounts total = RunCounts.NONE;
        String usageBefore = budget.usage();
        try {
            for (SObjectType type : deliveryOrder()) {
                RunCounts counts = drain(type, runId);
                bySObject.put(type.recordType(), counts);
                total = total.plus(counts);
            }
            run.count(total);
            status.salesforceDrainCompleted();
            return new DrainReport(total, bySObject, usageBefore, budget.usage(), null);
        } catch (BudgetReached reached) {
            total = total.plus(reached.soFar);
            bySObject.put(reached.type.recordType(), reached.soFar);
            run.count(total);
            run.fail(reached.getMessage());
            log.warn("{}: stopped, records stay pending for a later run: {}", FLOW, reached.getMessage());
            return new DrainReport(total, bySObject, usageBefore, budget.usage(), reached.getMessage());
        } catch (DeliveryFailed failed) {
            total = total.plus(failed.soFar);
            bySObject.put(failed.type.recordType(), failed.soFar);
            String error = failed.type.recordType() + ": " + SalesforceCallException.describe(failed.getCause());
            run.count(total);
            run.fail(error);
            status.salesforceDrainStopped(failed.getCause());
            log.error("{}: stopped, records stay pending for the next run: {}", FLOW, error);
            return new DrainReport(total, bySObject, usageBefore, budget.usage(), error);
        }
    }

    private RunCounts drain(SObjectType type, long runId) {
        RunCounts counts = RunCounts.NONE;
        try {
            counts = bulk.resume(type, runId);
            if (bulk.wanted(type)) {
                budget.exhausted().ifPresent(reason -> {
                    throw new BudgetReached(type, RunCounts.NONE, reason);
                });
                return counts.plus(bulk.deliver(type, runId));
            }
        } catch (BudgetReached reached) {
            throw new BudgetReached(type, counts, reached.getMessage());
        } catch (RuntimeException bulkFailed) {
            throw new DeliveryFailed(type, counts, bulkFailed);
        }
        long callsBefore = salesforce.apiCalls();
        try {
            return deliverInWaves(type, counts, runId).plus(calls(callsBefore));
        } catch (DeliveryFailed failed) {
            throw new DeliveryFailed(type, failed.soFar.plus(calls(callsBefore)), failed.getCause());
        } catch (BudgetReached reached) {
            throw new BudgetReached(type, reached.soFar.plus(calls(callsBefore)), reached.getMessage());
        }
    }

    private RunCounts calls(long callsBefore) {
        return new RunCounts(0, 0, 0, 0, 0, salesforce.apiCalls() - callsBefore);
    }

    /**
     * Collections calls in waves of up to {@code concurrency} calls. While a wave is in flight, the next one is claimed
     * and planned, and once it is sent, the answers of the one before are recorded: the hub's work overlaps Salesforce's
     * instead of adding to it, and two waves are never in flight at once.
     */
    private RunCounts deliverInWaves(SObjectType type, RunCounts counts, long runId) {
        long afterId = 0;
        int wave = properties.batchSize() * properties.concurrency();
        // rows of a parent that did not fit in a wave's calls: still claimed, they go in the next wave
        List<Pending> waiting = new ArrayList<>();
        Sent inFlight = null;
        try {
            while (true) {
                // a call's worth beyond the wave, so that the wave's calls are full despite the rows that must wait
                int wanted = wave + properties.batchSize() - waiting.size();
                List<OutboxRow> claimed = wanted <= 0 ? List.of() : outbox.claimNext(type, afterId, wanted);
                boolean last = claimed.size() < wanted;
                if (claimed.isEmpty() && waiting.isEmpty()) {
                    break;
                }
                if (!claimed.isEmpty()) {
                    afterId = claimed.get(claimed.size() - 1).id();
                }
                List<Pending> rows = new ArrayList<>(waiting);
                claimed.forEach(r -> rows.add(pending(type, r)));
                CollectionWaves.Wave<Pending> planned = CollectionWaves.plan(rows, Pending::group, properties.batchSize(),
                        properties.concurrency(), last);
                waiting = planned.waiting();
                Sent previous = inFlight;
                inFlight = null;
                List<Call> answered = previous == null ? List.of() : previous.answers();
                try {
                    counts = stopIfNeeded(type, answered, previous, counts, runId);
                } catch (RuntimeException stopped) {
                    outbox.release(planned.calls().stream().flatMap(List::stream).map(Pending::row).toList());
                    throw stopped;
                }
                inFlight = collections.start(type, planned.calls());
                if (previous != null) {
                    counts = recordWave(type, answered, previous, counts, runId);
                }
            }
            if (inFlight != null) {
                Sent lastWave = inFlight;
                inFlight = null;
                List<Call> answered = lastWave.answers();
                counts = recordWave(type, answered, lastWave, counts, runId);
                Optional<Call> failed = firstFailure(answered);
                if (failed.isPresent()) {
                    throw new DeliveryFailed(type, counts, failed.get().failure());
                }
            }
        } catch (RuntimeException stopped) {
            if (inFlight == null) {
                throw stopped;
            }
            // stopped while a wave was in flight: what Salesforce took is recorded, so that it is never sent again
            RunCounts recorded = recordWaveQuietly(type, inFlight, counts, runId);
            if (stopped instanceof DeliveryFailed failed) {
                throw new DeliveryFailed(type, recorded, failed.getCause());
            }
            throw stopped;
        } finally {
            if (!waiting.isEmpty()) {
                outbox.release(waiting.stream().map(Pending::row).toList());
            }
        }
        return counts;
    }

    /**
     * Before a wave goes, once the one before it has answered: when a call of that one failed for good or the API budget
     * is spent, its answers are recorded and the run stops.
     */
    private RunCounts stopIfNeeded(SObjectType type, List<Call> answered, Sent previous, RunCounts counts, long runId) {
        Optional<Call> failed = firstFailure(answered);
        Optional<String> overBudget = failed.isPresent() ? Optional.empty() : budget.exhausted();
        if (failed.isEmpty() && overBudget.isEmpty()) {
            return counts;
        }
        RunCounts recorded = previous == null ? counts : recordWave(type, answered, previous, counts, runId);
        if (failed.isPresent()) {
            throw new DeliveryFailed(type, recorded, failed.get().failure());
        }
        throw new BudgetReached(type, recorded, overBudget.get());
    }

    /** Records a wave's answers and ends its claim on the rows; what a failed call carried stays pending. */
    private RunCounts recordWave(SObjectType type, List<Call> calls, Sent wave, RunCounts counts, long runId) {
        try {
            long unanswered = 0;
            for (Call call : calls) {
                if (call.failure() != null) {
                    unanswered += call.rows().size();
                    continue;
                }
                RunCounts batch = record(type, call.rows(), call.results(), runId);
                counts = counts.plus(new RunCounts(batch.read(), 0, batch.sent(), batch.failed(), 0, 0));
            }
            return counts.plus(new RunCounts(unanswered, 0, 0, 0, 0, 0));
        } finally {
            outbox.release(wave.rows());
        }
    }

    private RunCounts recordWaveQuietly(SObjectType type, Sent wave, RunCounts counts, long runId) {
        try {
            return recordWave(type, wave.answers(), wave, counts, runId);
        } catch (RuntimeException e) {
            log.warn("{}: the answers of the last {} calls could not be recorded; their records stay pending: {}", FLOW,
                    type.recordType(), e.getMessage());
            return counts;
        }
    }

    private static Optional<Call> firstFailure(List<Call> calls) {
        return calls.stream().filter(call -> call.failure() != null).findFirst();
    }

    private RunCounts record(SObjectType type, List<OutboxRow> rows, List<UpsertResult> results, long runId) {
        if (results == null || results.size() != rows.size()) {
            throw new DeliveryFailed(type, RunCounts.NONE, new IllegalStateException(
                    "Salesforce answered " + (results == null ? "nothing" : results.size() + " results") + " for " + rows.size() + " records"));
        }
        long[] sentAndFailed = new long[2];
        transaction.executeWithoutResult(status -> {
            List<DeadLetter> rejected = new ArrayList<>();
            List<ExternalWrite> audit = new ArrayList<>();
            Map<OutboxRow, String> delivered = new LinkedHashMap<>();
            for (int i = 0; i < rows.size(); i++) {
                OutboxRow row = rows.get(i);
                UpsertResult result = results.get(i);
                String outcome;
                if (result.success()) {
                    delivered.put(row, result.id());
                    sentAndFailed[0]++;
                    outcome = result.created() ? "CREATED" : "UPDATED";
                } else if (retryable(result) && row.attempts() + 1 < properties.maxRecordAttempts()) {
                    outbox.markAttempted(row, describe(result));
                    outcome = "RETRYING";
                } else {
                    outbox.markFailed(row, describe(result));
                    rejected.add(deadLetter(type, row, result));
                    sentAndFailed[1]++;
                    outcome = "REJECTED";
                }
                audit.add(new ExternalWrite(0, "salesforce", type.recordType(), row.externalId(), "UPSERT", FLOW, runId,
                        "sf_outbox:" + row.id() + " v" + row.version(), outcome,
                        result.success() ? result.id() : describe(result), null));
            }
            outbox.markDelivered(delivered);
            deadLetters.record(rejected, runId);
            externalWrites.record(audit);
        });
        return new RunCounts(rows.size(), 0, sentAndFailed[0], sentAndFailed[1], 0, 0);
    }

    /** A claimed row with its record, grouped by the parent it names (or by itself without one). */
    private Pending pending(SObjectType type, OutboxRow row) {
        try {
            Map<String, Object> fields = payloadReader.readValue(row.payload());
            String parent = BulkCsv.parentKey(fields);
            return new Pending(row, fields, parent.isEmpty() ? "record:" + row.externalId() : "parent:" + parent);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("outbox row " + row.id() + " holds a payload that is not JSON", e);
        }
    }

    private static boolean retryable(UpsertResult result) {
        return result.errors().stream().allMatch(SalesforceError::retryable) && !result.errors().isEmpty();
    }

    private static DeadLetter deadLetter(SObjectType type, OutboxRow row, UpsertResult result) {
        List<SalesforceError> errors = result.errors();
        String fields = errors.stream().flatMap(e -> e.fields().stream()).distinct().collect(Collectors.joining(", "));
        String codes = errors.stream().map(SalesforceError::code).distinct().collect(Collectors.joining(", "));
        return new DeadLetter(FLOW, type.recordType(), row.externalId(), null, null, fields.isEmpty() ? null : fields,
                codes.isEmpty() ? "UNKNOWN" : codes, describe(result), row.payload());
    }

    private static String describe(UpsertResult result) {
        if (result.errors().isEmpty()) {
            return "Salesforce reported failure without an error";
        }
        return result.errors().stream().map(SalesforceError::describe).collect(Collectors.joining("; "));
    }

    private static List<SObjectType> deliveryOrder() {
        return Arrays.stream(SObjectType.values()).sorted(Comparator.comparingInt(SObjectType::deliveryRank)).toList();
    }

    /** The org's API usage passed the budget: no more calls in this run; carries what was done for that sObject. */
    private static final class BudgetReached extends RuntimeException {
        private final SObjectType type;
        private final RunCounts soFar;

        BudgetReached(SObjectType type, RunCounts soFar, String reason) {
            super(reason);
            this.type = type;
            this.soFar = soFar;
        }
    }

    /** A call that failed for good in this run; carries what the run had done for that sObject so far. */
    private static final class DeliveryFailed extends RuntimeException {
        private final SObjectType type;
        private final RunCounts soFar;

        DeliveryFailed(SObjectType type, RunCounts soFar, Throwable cause) {
            super(cause);
            this.type = type;
            this.soFar = soFar;
        }
    }
}
