package io.leasebridge.sandbox;

import io.leasebridge.salesforce.metadata.FieldDescription;
import io.leasebridge.salesforce.metadata.ObjectDescription;
import io.leasebridge.salesforce.metadata.SaveError;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Bulk API 2.0 ingest jobs of the simulated org: an upsert job by external id takes one CSV upload (comma, LF, a
 * header of field names, a parent as {@code Relationship__r.External_Id__c}), is closed with {@code UploadComplete},
 * and is {@code InProgress} for a processing time per job and per record before {@code JobComplete}. Its rows go
 * through the same rules as a collections upsert ({@link SalesforceOrg#upsert}); a column the object lacks fails the
 * job ({@code InvalidBatch : Field name not found}), a value its field refuses fails that row, with
 * {@code sf__Error} as {@code CODE:message:fields --}. A job aborted before it ran leaves its rows unprocessed.
 */
final class BulkIngestJobs {

    static final String OPEN = "Open";
    static final String UPLOAD_COMPLETE = "UploadComplete";
    static final String IN_PROGRESS = "InProgress";
    static final String JOB_COMPLETE = "JobComplete";
    static final String FAILED = "Failed";
    static final String ABORTED = "Aborted";

    private static final CSVFormat READ = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).build();
    private static final CSVFormat WRITE = CSVFormat.DEFAULT.builder().setRecordSeparator('\n').build();
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSZ").withZone(ZoneOffset.UTC);

    private final SalesforceOrg org;
    private final Clock clock;
    private final String userId;
    private final Map<String, Job> jobs = new ConcurrentHashMap<>();
    private final AtomicInteger sequence = new AtomicInteger();
    private final Map<String, Integer> jobsByObject = new ConcurrentHashMap<>();
    private volatile Duration perJob = Duration.ZERO;
    private volatile Duration perRecord = Duration.ZERO;

    BulkIngestJobs(SalesforceOrg org, Clock clock, String userId) {
        this.org = org;
        this.clock = clock;
        this.userId = userId;
    }

    void processingTime(Duration perJob, Duration perRecord) {
        this.perJob = perJob;
        this.perRecord = perRecord;
    }

    int jobs(String sObject) {
        return jobsByObject.getOrDefault(sObject, 0);
    }

    int totalJobs() {
        return jobsByObject.values().stream().mapToInt(Integer::intValue).sum();
    }

    void reset() {
        jobs.clear();
        jobsByObject.clear();
    }

    Map<String, Object> create(String version, Map<?, ?> request) {
        String object = text(request.get("object"));
        String operation = text(request.get("operation"));
        String externalId = text(request.get("externalIdFieldName"));
        if (object == null || operation == null) {
            throw invalidJob("object and operation are required");
        }
        if (!"upsert".equals(operation)) {
            throw invalidJob("the simulated org takes upsert jobs only, not " + operation);
        }
        if (request.get("contentType") != null && !"CSV".equals(request.get("contentType"))) {
            throw invalidJob("contentType must be CSV");
        }
        if (request.get("columnDelimiter") != null && !"COMMA".equals(request.get("columnDelimiter"))) {
            throw invalidJob("the simulated org reads COMMA-delimited uploads only");
        }
        ObjectDescription description = org.description(object);
        if (description == null) {
            throw invalidJob("Unable to find object: " + object);
        }
        if (externalId == null) {
            throw invalidJob("External ID was blank for " + object + ". An External ID must be specified for upsert.");
        }
        FieldDescription key = description.field(externalId);
        if (key == null || !key.externalId() && !key.name().equals("Id")) {
            throw invalidJob("Field name provided, " + externalId + " does not match an External ID, Salesforce Id, or indexed field for "
                    + object);
        }
        String id = SalesforceIds.id("750", sequence.incrementAndGet());
        Job job = new Job(id, description.name(), key.name(), version, stamp(clock.instant()),
                "LF".equals(request.get("lineEnding")) || request.get("lineEnding") == null ? "LF" : "CRLF");
        jobs.put(id, job);
        jobsByObject.merge(job.object, 1, Integer::sum);
        return job.info();
    }

    void upload(String jobId, String contentType, String csv) {
        Job job = job(jobId);
        synchronized (job) {
            if (!OPEN.equals(job.state)) {
                throw invalidState("Job is not open for uploads: its state is " + job.state);
            }
            if (job.upload != null) {
                throw invalidState("A job takes one upload of data; this one already has its data");
            }
            if (contentType == null || !contentType.toLowerCase().startsWith("text/csv")) {
                throw new SalesforceApiException(400, "INVALIDCONTENTTYPE", "Content-Type must be text/csv, not " + contentType);
            }
            job.upload = csv;
        }
    }

    Map<String, Object> changeState(String jobId, Map<?, ?> request) {
        Job job = job(jobId);
        String wanted = text(request.get("state"));
        synchronized (job) {
            refresh(job);
            if (UPLOAD_COMPLETE.equals(wanted)) {
                if (!OPEN.equals(job.state)) {
                    throw invalidState("Cannot close a job in state " + job.state);
                }
                if (job.upload == null) {
                    throw invalidState("Closing a job that has no data uploaded is not allowed.");
                }
                job.state = UPLOAD_COMPLETE;
                process(job);
            } else if (ABORTED.equals(wanted)) {
                if (JOB_COMPLETE.equals(job.state) || FAILED.equals(job.state) || ABORTED.equals(job.state)) {
                    throw invalidState("Cannot abort a job in state " + job.state);
                }
                if (job.outcome == null && job.upload != null) {
                    Upload upload = parse(job.upload);
                    job.header = upload.header();
                    upload.rows().forEach(r -> job.unprocessed.add(r.values()));
                }
                job.state = ABORTED;
            } else {
                throw new SalesforceApiException(400, "INVALIDJOBSTATE", "A job's state can be changed to UploadComplete or Aborted, not " + wanted);
            }
            return job.info();
        }
    }

    Map<String, Object> info(String jobId) {
        Job job = job(jobId);
        synchronized (job) {
            refresh(job);
            return job.info();
        }
    }

    void delete(String jobId) {
        Job job = job(jobId);
        synchronized (job) {
            refresh(job);
            if (OPEN.equals(job.state) || UPLOAD_COMPLETE.equals(job.state) || IN_PROGRESS.equals(job.state)) {
                throw invalidState("Only a job in state JobComplete, Aborted or Failed can be deleted; this one is " + job.state);
            }
            jobs.remove(jobId);
        }
    }

    String successfulResults(String jobId) {
        Job job = finished(jobId);
        return csv(List.of("sf__Id", "sf__Created"), job.header, job.successful);
    }

    String failedResults(String jobId) {
        Job job = finished(jobId);
        return csv(List.of("sf__Id", "sf__Error"), job.header, job.failed);
    }

    String unprocessedRecords(String jobId) {
        Job job = finished(jobId);
        return csv(List.of(), job.header, job.unprocessed.stream().map(r -> new Row(List.of(), r)).toList());
    }

    // ---------------------------------------------------------------- processing

    /** Runs the job's rows into the org at once; the job reports InProgress until its processing time has passed. */
    private void process(Job job) {
        Upload upload = parse(job.upload);
        job.header = upload.header();
        job.readyAt = clock.instant().plus(perJob).plusNanos(perRecord.toNanos() * upload.rows().size());
        ObjectDescription description = org.description(job.object);
        for (String column : upload.header()) {
            if (columnProblem(description, column) != null) {
                job.outcome = FAILED;
                job.errorMessage = "InvalidBatch : Field name not found : " + column;
                upload.rows().forEach(r -> job.unprocessed.add(r.values()));
                return;
            }
        }
        List<Map<String, Object>> typed = new ArrayList<>();
        List<CsvRow> typedRows = new ArrayList<>();
        for (CsvRow row : upload.rows()) {
            Map<String, Object> record = new LinkedHashMap<>();
            SaveError refused = null;
            for (int i = 0; i < upload.header().size() && refused == null; i++) {
                refused = put(description, record, upload.header().get(i), i < row.values().size() ? row.values().get(i) : "");
            }
            if (refused != null) {
                job.failed.add(new Row(List.of("", sfError(refused)), row.values()));
            } else {
                typed.add(record);
                typedRows.add(row);
            }
        }
        for (int from = 0; from < typed.size(); from += SalesforceOrg.COLLECTION_LIMIT) {
            int to = Math.min(typed.size(), from + SalesforceOrg.COLLECTION_LIMIT);
            List<SalesforceOrg.UpsertResult> results = org.upsert(job.object, job.externalIdField, false, typed.subList(from, to));
            for (int i = 0; i < results.size(); i++) {
                SalesforceOrg.UpsertResult result = results.get(i);
                List<String> values = typedRows.get(from + i).values();
                if (result.success()) {
                    job.successful.add(new Row(List.of(result.id(), Boolean.toString(result.created())), values));
                } else {
                    job.failed.add(new Row(List.of("", sfError(result.errors().get(0))), values));
                }
            }
        }
        job.outcome = JOB_COMPLETE;
    }

    private void refresh(Job job) {
        if ((UPLOAD_COMPLETE.equals(job.state) || IN_PROGRESS.equals(job.state)) && job.outcome != null) {
            job.state = clock.instant().isBefore(job.readyAt) ? IN_PROGRESS : job.outcome;
        }
    }

    /** Puts a CSV value into an upsert record as a collections call would carry it; the error of a value its field refuses. */
    private static SaveError put(ObjectDescription description, Map<String, Object> record, String column, String value) {
        if (value.isEmpty()) {
            return null;
        }
        Object typedValue = "#N/A".equals(value) ? null : value;
        int dot = column.indexOf('.');
        if (dot > 0) {
            String relationship = column.substring(0, dot);
            int colon = relationship.indexOf(':');
            Map<String, Object> reference = new LinkedHashMap<>();
            if (colon > 0) {
                reference.put("attributes", Map.of("type", relationship.substring(0, colon)));
                relationship = relationship.substring(colon + 1);
            }
            reference.put(column.substring(dot + 1), typedValue);
            record.put(description.relationship(relationship).relationshipName(), typedValue == null ? null : reference);
            return null;
        }
        FieldDescription field = description.field(column);
        if (typedValue == null) {
            record.put(field.name(), null);
            return null;
        }
        switch (field.type()) {
            case "Checkbox" -> {
                if (!value.equalsIgnoreCase("true") && !value.equalsIgnoreCase("false") && !value.equals("1") && !value.equals("0")) {
                    return notOfType(field, value);
                }
                record.put(field.name(), value.equalsIgnoreCase("true") || value.equals("1"));
            }
            case "Number", "Currency", "Percent" -> {
                try {
                    record.put(field.name(), new BigDecimal(value.strip()));
                } catch (NumberFormatException e) {
                    return notOfType(field, value);
                }
            }
            default -> record.put(field.name(), value);
        }
        return null;
    }

    private static SaveError notOfType(FieldDescription field, String value) {
        return SaveError.of("INVALID_TYPE_ON_FIELD_IN_RECORD", field.label() + ": value not of required type: " + value, field.name());
    }

    /** Why a header column names nothing the object has, or null. */
    private static String columnProblem(ObjectDescription description, String column) {
        int dot = column.indexOf('.');
        if (dot < 0) {
            return description.field(column) == null ? "no such field" : null;
        }
        String relationship = column.substring(0, dot);
        int colon = relationship.indexOf(':');
        FieldDescription lookup = description.relationship(colon > 0 ? relationship.substring(colon + 1) : relationship);
        return lookup == null ? "no such relationship" : null;
    }

    private static String sfError(SaveError error) {
        return error.statusCode() + ":" + error.message() + ":" + String.join(",", error.fields()) + " --";
    }

    // ---------------------------------------------------------------- wire helpers

    private Job finished(String jobId) {
        Job job = job(jobId);
        synchronized (job) {
            refresh(job);
            if (!JOB_COMPLETE.equals(job.state) && !FAILED.equals(job.state) && !ABORTED.equals(job.state)) {
                throw invalidState("Results are available once the job has ended; it is " + job.state);
            }
            return job;
        }
    }

    private Job job(String jobId) {
        Job job = jobs.get(jobId);
        if (job == null) {
            throw new SalesforceApiException(404, "NOT_FOUND", "The requested resource does not exist");
        }
        return job;
    }

    private record CsvRow(List<String> values) {
    }

    private record Upload(List<String> header, List<CsvRow> rows) {
    }

    private record Row(List<String> result, List<String> values) {
    }

    private static Upload parse(String csv) {
        try (CSVParser parser = READ.parse(new StringReader(csv))) {
            List<String> header = List.copyOf(parser.getHeaderNames());
            List<CsvRow> rows = new ArrayList<>();
            for (CSVRecord record : parser) {
                rows.add(new CsvRow(record.toList()));
            }
            return new Upload(header, rows);
        } catch (IOException | IllegalArgumentException | IllegalStateException e) {
            throw new SalesforceApiException(400, "ClientInputError", "The upload is not readable CSV: " + e.getMessage());
        }
    }

    private static String csv(List<String> resultColumns, List<String> header, List<Row> rows) {
        StringBuilder out = new StringBuilder();
        try (CSVPrinter printer = new CSVPrinter(out, WRITE)) {
            List<String> columns = new ArrayList<>(resultColumns);
            columns.addAll(header == null ? List.of() : header);
            printer.printRecord(columns);
            for (Row row : rows) {
                List<String> values = new ArrayList<>(row.result());
                values.addAll(row.values());
                printer.printRecord(values);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    private static SalesforceApiException invalidJob(String message) {
        return new SalesforceApiException(400, "INVALIDJOB", "InvalidJob : " + message);
    }

    private static SalesforceApiException invalidState(String message) {
        return new SalesforceApiException(409, "INVALIDJOBSTATE", message);
    }

    private static String text(Object value) {
        return value == null || value.toString().isBlank() ? null : value.toString();
    }

    private static String stamp(Instant instant) {
        return STAMP.format(instant);
    }

    private final class Job {
        final String id;
        final String object;
        final String externalIdField;
        final String version;
        final String createdDate;
        final String lineEnding;
        String state = OPEN;
        String upload;
        List<String> header;
        Instant readyAt;
        String outcome;
        String errorMessage;
        final List<Row> successful = new ArrayList<>();
        final List<Row> failed = new ArrayList<>();
        final List<List<String>> unprocessed = new ArrayList<>();

        Job(String id, String object, String externalIdField, String version, String createdDate, String lineEnding) {
            this.id = id;
            this.object = object;
            this.externalIdField = externalIdField;
            this.version = version;
            this.createdDate = createdDate;
            this.lineEnding = lineEnding;
        }

        Map<String, Object> info() {
            Map<String, Object> info = new LinkedHashMap<>();
            info.put("id", id);
            info.put("operation", "upsert");
            info.put("object", object);
            info.put("createdById", userId);
            info.put("createdDate", createdDate);
            info.put("systemModstamp", stamp(clock.instant()));
            info.put("state", state);
            info.put("externalIdFieldName", externalIdField);
            info.put("concurrencyMode", "Parallel");
            info.put("contentType", "CSV");
            info.put("apiVersion", new BigDecimal(version));
            if (OPEN.equals(state)) {
                info.put("contentUrl", "services/data/v" + version + "/jobs/ingest/" + id + "/batches");
            }
            info.put("lineEnding", lineEnding);
            info.put("columnDelimiter", "COMMA");
            if (!OPEN.equals(state) && !UPLOAD_COMPLETE.equals(state)) {
                boolean done = JOB_COMPLETE.equals(state) || FAILED.equals(state);
                info.put("jobType", "V2Ingest");
                info.put("numberRecordsProcessed", done ? successful.size() + failed.size() : 0);
                info.put("numberRecordsFailed", done ? failed.size() : 0);
                info.put("retries", 0);
                info.put("totalProcessingTime", 0);
                info.put("apiActiveProcessingTime", 0);
                info.put("apexProcessingTime", 0);
            }
            if (FAILED.equals(state) && errorMessage != null) {
                info.put("errorMessage", errorMessage);
            }
            return info;
        }
    }
}
