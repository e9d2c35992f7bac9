package io.leasebridge.connectors.salesforce;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import io.leasebridge.mapping.salesforce.SObjectType;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.component.salesforce.SalesforceEndpointConfig;
import org.apache.camel.component.salesforce.api.dto.RestError;
import org.apache.camel.component.salesforce.api.dto.SaveSObjectResult;
import org.apache.camel.component.salesforce.api.dto.UpsertSObjectResult;
import org.apache.camel.component.salesforce.api.dto.bulkv2.ContentTypeEnum;
import org.apache.camel.component.salesforce.api.dto.bulkv2.Job;
import org.apache.camel.component.salesforce.api.dto.bulkv2.JobStateEnum;
import org.apache.camel.component.salesforce.api.dto.bulkv2.LineEndingEnum;
import org.apache.camel.component.salesforce.api.dto.bulkv2.OperationEnum;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * {@link SalesforceGateway} through camel-salesforce. Each call goes to a {@code direct:} endpoint below, whose route
 * (in the routes module) calls the salesforce component under Salesforce's error policy; what comes back is read into
 * LeaseBridge's types here, and a failure into {@link SalesforceCallException}.
 */
@Component
public class CamelSalesforceGateway implements SalesforceGateway {

    public static final String UPSERT = "direct:salesforce-collections-upsert";
    public static final String UPDATE = "direct:salesforce-collections-update";
    public static final String QUERY = "direct:salesforce-query";
    public static final String QUERY_MORE = "direct:salesforce-query-more";
    public static final String BULK_CREATE = "direct:salesforce-bulk2-create-job";
    public static final String BULK_UPLOAD = "direct:salesforce-bulk2-upload";
    public static final String BULK_CLOSE = "direct:salesforce-bulk2-close-job";
    public static final String BULK_ABORT = "direct:salesforce-bulk2-abort-job";
    public static final String BULK_GET = "direct:salesforce-bulk2-get-job";
    public static final String BULK_SUCCESSFUL = "direct:salesforce-bulk2-successful-results";
    public static final String BULK_FAILED = "direct:salesforce-bulk2-failed-results";
    public static final String BULK_UNPROCESSED = "direct:salesforce-bulk2-unprocessed-records";

    private final ProducerTemplate producer;
    private final ObjectReader pageReader;
    private final CamelSalesforceApiCalls apiCalls;

    public CamelSalesforceGateway(ProducerTemplate producer, ObjectMapper json, CamelSalesforceApiCalls apiCalls) {
        this.producer = producer;
        this.pageReader = json.readerFor(Map.class).with(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
        this.apiCalls = apiCalls;
    }

    @Override
    @SuppressWarnings("unchecked")
    public List<UpsertResult> upsert(SObjectType type, List<Map<String, Object>> records) {
        List<CamelSObject> sObjects = records.stream().map(fields -> new CamelSObject(type.apiName(), fields)).toList();
        if (type.updatesById()) {
            List<SaveSObjectResult> saved = call(() -> producer.requestBody(UPDATE, sObjects, List.class));
            return saved == null ? null : saved.stream()
                    .map(r -> result(r.getId(), r.getSuccess(), false, r.getErrors())).toList();
        }
        Map<String, Object> headers = Map.of(
                SalesforceEndpointConfig.SOBJECT_NAME, type.apiName(),
                SalesforceEndpointConfig.SOBJECT_EXT_ID_NAME, type.externalIdField());
        List<UpsertSObjectResult> upserted = call(() -> producer.requestBodyAndHeaders(UPSERT, sObjects, headers, List.class));
        return upserted == null ? null : upserted.stream()
                .map(r -> result(r.getId(), r.getSuccess(), r.getCreated(), r.getErrors())).toList();
    }

    @Override
    public BulkJob createUpsertJob(String sObject, String externalIdField) {
        Job job = new Job();
        job.setObject(sObject);
        job.setOperation(OperationEnum.UPSERT);
        job.setExternalIdFieldName(externalIdField);
        job.setContentType(ContentTypeEnum.CSV);
        job.setLineEnding(LineEndingEnum.LF);
        return bulkJob(call(() -> producer.requestBody(BULK_CREATE, job, Job.class)));
    }

    @Override
    public void upload(String jobId, byte[] csv) {
        // bytes, not a stream: a redelivered upload converts them to a fresh stream
        call(() -> producer.requestBodyAndHeader(BULK_UPLOAD, csv, SalesforceEndpointConfig.JOB_ID, jobId));
    }

    @Override
    public BulkJob closeJob(String jobId) {
        return jobCall(BULK_CLOSE, jobId);
    }

    @Override
    public BulkJob abortJob(String jobId) {
        return jobCall(BULK_ABORT, jobId);
    }

    @Override
    public BulkJob job(String jobId) {
        return jobCall(BULK_GET, jobId);
    }

    @Override
    public String successfulResults(String jobId) {
        return csv(BULK_SUCCESSFUL, jobId);
    }

    @Override
    public String failedResults(String jobId) {
        return csv(BULK_FAILED, jobId);
    }

    @Override
    public String unprocessedRecords(String jobId) {
        return csv(BULK_UNPROCESSED, jobId);
    }

    @Override
    public QueryPage query(String soql) {
        return page(call(() -> producer.requestBodyAndHeader(QUERY, null, SalesforceEndpointConfig.SOBJECT_QUERY, soql,
                InputStream.class)));
    }

    @Override
    public QueryPage next(String nextRecordsUrl) {
        return page(call(() -> producer.requestBodyAndHeader(QUERY_MORE, null, SalesforceEndpointConfig.SOBJECT_QUERY,
                nextRecordsUrl, InputStream.class)));
    }

    @Override
    public long apiCalls() {
        return apiCalls.total();
    }

    /** Runs one call; what it raises after the route's redeliveries reaches the flows as a {@link SalesforceCallException}. */
    private static <T> T call(Supplier<T> request) {
        try {
            return request.get();
        } catch (RuntimeException failed) {
            throw CamelSalesforceErrors.translate(failed);
        }
    }

    private BulkJob jobCall(String route, String jobId) {
        return bulkJob(call(() -> producer.requestBodyAndHeader(route, null, SalesforceEndpointConfig.JOB_ID, jobId, Job.class)));
    }

    private String csv(String route, String jobId) {
        Object body = call(() -> producer.requestBodyAndHeader(route, null, SalesforceEndpointConfig.JOB_ID, jobId));
        if (body == null) {
            return "";
        }
        if (body instanceof InputStream in) {
            try (in) {
                return new String(in.readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read the results of Bulk job " + jobId, e);
            }
        }
        return body.toString();
    }

    @SuppressWarnings("unchecked")
    private QueryPage page(InputStream body) {
        try (InputStream in = body) {
            Map<String, Object> page = pageReader.readValue(in);
            List<Map<String, Object>> records = (List<Map<String, Object>>) page.getOrDefault("records", List.of());
            Object done = page.get("done");
            Object next = page.get("nextRecordsUrl");
            return new QueryPage(records, Boolean.FALSE.equals(done) && next != null ? next.toString() : null);
        } catch (IOException e) {
            throw new UncheckedIOException("Salesforce answered a query with a body that is not a query result", e);
        }
    }

    private static UpsertResult result(String id, Boolean success, Boolean created,
                                       List<RestError> errors) {
        return new UpsertResult(id, Boolean.TRUE.equals(success), Boolean.TRUE.equals(created),
                CamelSalesforceErrors.errors(errors));
    }

    /** The state as Salesforce spells it on the wire. */
    private static String state(JobStateEnum state) {
        if (state == null) {
            return null;
        }
        return switch (state) {
            case OPEN -> BulkJob.OPEN;
            case UPLOAD_COMPLETE -> BulkJob.UPLOAD_COMPLETE;
            case IN_PROGRESS -> BulkJob.IN_PROGRESS;
            case JOB_COMPLETE -> BulkJob.JOB_COMPLETE;
            case FAILED -> BulkJob.FAILED;
            case ABORTED -> BulkJob.ABORTED;
            case CLOSED -> BulkJob.CLOSED;
        };
    }

    private static BulkJob bulkJob(Job job) {
        if (job == null || job.getId() == null) {
            throw new IllegalStateException("Salesforce answered a Bulk API 2.0 request without a job");
        }
        return new BulkJob(job.getId(), state(job.getState()),
                job.getNumberRecordsProcessed() == null ? 0 : job.getNumberRecordsProcessed(),
                job.getNumberRecordsFailed() == null ? 0 : job.getNumberRecordsFailed(), job.getErrorMessage());
    }
}
