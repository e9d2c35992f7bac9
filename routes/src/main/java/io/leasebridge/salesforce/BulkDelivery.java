package io.leasebridge.salesforce;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import io.leasebridge.connectors.salesforce.BulkJob;
import io.leasebridge.connectors.salesforce.SalesforceGateway;
import io.leasebridge.hub.DeadLetter;
import io.leasebridge.hub.DeadLetters;
import io.leasebridge.hub.ExternalWrite;
import io.leasebridge.hub.ExternalWrites;
import io.leasebridge.hub.OutboxRow;
import io.leasebridge.hub.RunCounts;
import io.leasebridge.hub.SalesforceBulkJobs;
import io.leasebridge.hub.SalesforceOutbox;
import io.leasebridge.mapping.salesforce.SObjectType;
import org.apache.commons.csv.CSVRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Delivers one sObject's backlog through Bulk API 2.0: claimed rows, sorted so that one parent's children sit
 * together, go up as one job per upload (at most {@code max-upload} rows and bytes); the job is recorded before the
 * upload, polled until Salesforce finishes it, and its results matched to the rows by external id (Salesforce keeps
 * no row order): written rows are delivered, refused ones go to dead letters with the code, message and fields of
 * their {@code sf__Error}, unprocessed ones stay pending. While Salesforce works on one job, the next is uploaded,
 * and closed once the first has finished. A job that a run which died had closed is resumed, never uploaded again;
 * one it left open, which Salesforce never starts, is aborted and its rows go up in a new job.
 */
@Service
class BulkDelivery {

    private static final Logger log = LoggerFactory.getLogger(BulkDelivery.class);

    private final SalesforceOutbox outbox;
    private final SalesforceBulkJobs jobs;
    private final SalesforceGateway salesforce;
    private final DeadLetters deadLetters;
    private final ExternalWrites externalWrites;
    private final TransactionTemplate transaction;
    private final SalesforceDeliveryProperties.Bulk properties;
    private final ObjectReader payloadReader;
    private final Clock clock;

    BulkDelivery(SalesforceOutbox outbox, SalesforceBulkJobs jobs, SalesforceGateway salesforce,
                 DeadLetters deadLetters, ExternalWrites externalWrites, TransactionTemplate transaction,
                 SalesforceDeliveryProperties properties, ObjectMapper json, Clock clock) {
        this.outbox = outbox;
        this.jobs = jobs;
        this.salesforce = salesforce;
        this.deadLetters = deadLetters;
        this.externalWrites = externalWrites;
        this.transaction = transaction;
        this.properties = properties.bulk();
        this.payloadReader = json.readerFor(Map.class).with(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
        this.clock = clock;
    }

    /** Whether this type's backlog goes through Bulk API 2.0 rather than sObject Collections. */
    boolean wanted(SObjectType type) {
        return properties.threshold() > 0 && !type.updatesById()
                && outbox.countPending(type, properties.threshold()) > properties.threshold();
    }

    /**
     * Finishes the jobs earlier runs left for this type; their rows are not uploaded again. A job still open was never
     * closed, so Salesforce processed none of it: it is aborted and its rows go up again in a new job.
     */
    RunCounts resume(SObjectType type, long runId) {
        RunCounts counts = RunCounts.NONE;
        for (String jobId : jobs.unfinished(type)) {
            long callsBefore = salesforce.apiCalls();
            if (BulkJob.OPEN.equals(salesforce.job(jobId).state())) {
                log.info("{}: aborting Bulk API 2.0 job {} of {}, left open by a run that stopped", SalesforceOutboxDrain.FLOW, jobId,
                        type.recordType());
                abandon(type, jobId);
            } else {
                log.info("{}: resuming Bulk API 2.0 job {} of {}", SalesforceOutboxDrain.FLOW, jobId, type.recordType());
                counts = counts.plus(record(type, jobId, awaitFinished(jobId), runId));
            }
            counts = counts.plus(calls(callsBefore));
        }
        return counts;
    }

    /**
     * Uploads the type's pending rows job by job until none is left; a failed call leaves the rest pending. While
     * Salesforce works on one job, the next is claimed and uploaded, then closed as soon as the first has finished,
     * before the first's results are recorded: Salesforce never works on two jobs of one type at once, and the hub's
     * work overlaps Salesforce's.
     */
    RunCounts deliver(SObjectType type, long runId) {
        long callsBefore = salesforce.apiCalls();
        RunCounts counts = RunCounts.NONE;
        Staged processing = stage(type, 0);
        if (processing != null) {
            close(processing.jobId());
        }
        while (processing != null) {
            Staged next;
            try {
                next = stage(type, processing.continueAfter());
            } catch (RuntimeException stopped) {
                // what Salesforce has taken is recorded before the run stops
                try {
                    record(type, processing.jobId(), awaitFinished(processing.jobId()), runId);
                } catch (RuntimeException alsoFailed) {
                    stopped.addSuppressed(alsoFailed);
                }
                throw stopped;
            }
            boolean nextClosed = false;
            try {
                BulkJob finished = awaitFinished(processing.jobId());
                if (next != null && finished.finished()) {
                    close(next.jobId());
                    nextClosed = true;
                }
                counts = counts.plus(record(type, processing.jobId(), finished, runId));
            } catch (RuntimeException stopped) {
                // a closed job is Salesforce's to process, and the next run resumes it; one still open is aborted
                if (next != null && !nextClosed) {
                    abandonQuietly(type, next.jobId());
                }
                throw stopped;
            }
            processing = next;
        }
        return counts.plus(calls(callsBefore));
    }

    /** A job uploaded and not yet closed, and the outbox id after which the next job claims. */
    private record Staged(String jobId, long continueAfter) {
    }

    /** Claims the rows of the next job after {@code afterId} and uploads them to a new job, left open; null when none is pending. */
    private Staged stage(SObjectType type, long afterId) {
        // a job's rows stay claimed while Salesforce works on them, which can outlast the usual claim
        Duration claimFor = properties.jobTimeout().plus(properties.jobTimeout());
        List<OutboxRow> rows = outbox.claimNext(type, afterId, properties.maxUpload(), claimFor);
        if (rows.isEmpty()) {
            return null;
        }
        List<OutboxRow> sorted = byParent(rows);
        List<OutboxRow> job = withinBytes(sorted);
        if (job.size() < rows.size()) {
            outbox.release(sorted.subList(job.size(), sorted.size()));
        }
        // rows cut off by bytes may sit anywhere in id order: the next claim starts where this one did and skips the job's claimed rows
        long continueAfter = job.size() < rows.size() ? afterId : rows.get(rows.size() - 1).id();
        try {
            String jobId = salesforce.createUpsertJob(type.apiName(), type.externalIdField()).id();
            jobs.opened(jobId, type, job);
            salesforce.upload(jobId, BulkCsv.write(job, this::fields, payloadBytes(job)));
            return new Staged(jobId, continueAfter);
        } catch (RuntimeException e) {
            outbox.release(job);
            throw e;
        }
    }

    private void close(String jobId) {
        try {
            jobs.state(jobId, salesforce.closeJob(jobId).state());
        } catch (RuntimeException closeFailed) {
            // the job may be closed or not: Salesforce's own state decides, read when the job is awaited; abort one still open
            log.warn("{}: closing Bulk job {} failed: {}", SalesforceOutboxDrain.FLOW, jobId, closeFailed.getMessage());
            BulkJob state = salesforce.job(jobId);
            if (BulkJob.OPEN.equals(state.state())) {
                salesforce.abortJob(jobId);
            }
        }
    }

    /** Aborts a job Salesforce never started on: its rows stay pending, for a new job. */
    private void abandon(SObjectType type, String jobId) {
        salesforce.abortJob(jobId);
        List<OutboxRow> carried = jobs.rows(jobId).stream().map(r -> row(type, r, null)).toList();
        transaction.executeWithoutResult(tx -> {
            outbox.release(carried);
            jobs.done(jobId);
        });
    }

    private void abandonQuietly(SObjectType type, String jobId) {
        try {
            abandon(type, jobId);
        } catch (RuntimeException e) {
            // the next run finds it open and aborts it then
            log.warn("{}: aborting Bulk job {} failed: {}", SalesforceOutboxDrain.FLOW, jobId, e.getMessage());
        }
    }

    private RunCounts calls(long callsBefore) {
        return new RunCounts(0, 0, 0, 0, 0, salesforce.apiCalls() - callsBefore);
    }

    /** Reads a finished job's results and marks its rows; a job still unfinished stays for the next run. */
    private RunCounts record(SObjectType type, String jobId, BulkJob job, long runId) {
        if (!job.finished()) {
            // the rows stay claimed while Salesforce works on them: the next run resumes the job
            throw new IllegalStateException("Bulk job " + jobId + " is still " + job.state() + " after "
                    + properties.jobTimeout() + "; the next run resumes it");
        }
        List<SalesforceBulkJobs.JobRow> carried = jobs.rows(jobId);
        Map<String, Written> written = BulkCsv.byColumn(salesforce.successfulResults(jobId), type.externalIdField(),
                result -> new Written(result.get("sf__Id"), "true".equalsIgnoreCase(result.get("sf__Created"))));
        // a job that refused nothing has no failed results worth a call
        Map<String, Map<String, String>> refused = job.failed() > 0 || written.size() < job.processed()
                ? BulkCsv.byColumn(salesforce.failedResults(jobId), type.externalIdField(), CSVRecord::toMap) : Map.of();
        long[] sentAndFailed = new long[2];
        transaction.executeWithoutResult(tx -> {
            List<DeadLetter> rejected = new ArrayList<>();
            List<OutboxRow> left = new ArrayList<>();
            Map<OutboxRow, String> delivered = new LinkedHashMap<>();
            List<ExternalWrite> audit = new ArrayList<>();
            for (SalesforceBulkJobs.JobRow carriedRow : carried) {
                Written ok = written.get(carriedRow.externalId());
                Map<String, String> error = refused.get(carriedRow.externalId());
                if (ok != null) {
                    delivered.put(row(type, carriedRow, null), ok.salesforceId());
                    audit.add(write(type, carriedRow, jobId, runId, ok.created() ? "CREATED" : "UPDATED", ok.salesforceId()));
                    sentAndFailed[0]++;
                } else if (error != null) {
                    BulkError reason = BulkError.parse(error.get("sf__Error"));
                    String payload = payload(error);
                    outbox.markFailed(row(type, carriedRow, payload), reason.describe());
                    rejected.add(new DeadLetter(SalesforceOutboxDrain.FLOW, type.recordType(), carriedRow.externalId(), null, null,
                            reason.fields(), reason.code(), reason.describe(), payload));
                    audit.add(write(type, carriedRow, jobId, runId, "REJECTED", reason.describe()));
                    sentAndFailed[1]++;
                } else {
                    left.add(row(type, carriedRow, null));
                }
            }
            outbox.markDelivered(delivered);
            deadLetters.record(rejected, runId);
            externalWrites.record(audit);
            outbox.release(left);
            jobs.done(jobId);
        });
        if (!BulkJob.JOB_COMPLETE.equals(job.state())) {
            log.warn("{}: Bulk job {} of {} ended {}{}; its unprocessed rows stay pending", SalesforceOutboxDrain.FLOW, jobId,
                    type.recordType(), job.state(), job.errorMessage() == null ? "" : " (" + job.errorMessage() + ")");
        }
        return new RunCounts(carried.size(), 0, sentAndFailed[0], sentAndFailed[1], 0, 0);
    }

    private BulkJob awaitFinished(String jobId) {
        Instant giveUp = clock.instant().plus(properties.jobTimeout());
        BulkJob job = salesforce.job(jobId);
        JobPollWaits waits = new JobPollWaits(properties.pollInterval(), properties.maxPollInterval());
        while (!job.finished() && clock.instant().isBefore(giveUp)) {
            try {
                Thread.sleep(waits.next().toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return job;
            }
            job = salesforce.job(jobId);
        }
        jobs.state(jobId, job.state());
        return job;
    }

    private List<OutboxRow> byParent(List<OutboxRow> rows) {
        Map<Long, String> parents = new HashMap<>();
        rows.forEach(r -> parents.put(r.id(), BulkCsv.parentKey(fields(r))));
        return rows.stream().sorted(Comparator.comparing((OutboxRow r) -> parents.get(r.id())).thenComparingLong(OutboxRow::id))
                .toList();
    }

    /** The leading rows whose payloads fit in one upload's bytes (at least one). */
    private List<OutboxRow> withinBytes(List<OutboxRow> rows) {
        long bytes = 0;
        for (int i = 0; i < rows.size(); i++) {
            bytes += rows.get(i).payload().length();
            if (bytes > properties.maxUploadBytes() && i > 0) {
                return rows.subList(0, i);
            }
        }
        return rows;
    }

    private static int payloadBytes(List<OutboxRow> rows) {
        long bytes = rows.stream().mapToLong(r -> r.payload().length()).sum();
        return (int) Math.min(bytes, Integer.MAX_VALUE - 8);
    }

    /** A row's outcome in the audit trail, as a collections call records it, naming the job that carried it. */
    private static ExternalWrite write(SObjectType type, SalesforceBulkJobs.JobRow row, String jobId, long runId, String outcome,
                                       String detail) {
        return new ExternalWrite(0, "salesforce", type.recordType(), row.externalId(), "UPSERT", SalesforceOutboxDrain.FLOW, runId,
                "sf_outbox:" + row.outboxId() + " v" + row.version() + " bulk job " + jobId, outcome, detail, null);
    }

    /** What a successful result row says: the record's id, and whether the upsert created it. */
    private record Written(String salesforceId, boolean created) {
    }

    private static OutboxRow row(SObjectType type, SalesforceBulkJobs.JobRow row, String payload) {
        return new OutboxRow(row.outboxId(), type.apiName(), row.externalId(), payload, row.version(), 0);
    }

    private static String payload(Map<String, String> resultRow) {
        Map<String, String> fields = new LinkedHashMap<>(resultRow);
        fields.keySet().removeIf(k -> k.startsWith("sf__"));
        return fields.toString();
    }

    private Map<String, Object> fields(OutboxRow row) {
        try {
            return payloadReader.readValue(row.payload());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("outbox row " + row.id() + " holds a payload that is not JSON", e);
        }
    }
}
