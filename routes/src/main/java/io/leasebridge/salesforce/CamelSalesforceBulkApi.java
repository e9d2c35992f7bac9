package io.leasebridge.salesforce;

import org.apache.camel.ProducerTemplate;
import org.apache.camel.component.salesforce.SalesforceEndpointConfig;
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

/** {@link SalesforceBulkApi} through camel-salesforce's bulk2* operations, each behind {@link SalesforceBulkRoutes}. */
@Component
class CamelSalesforceBulkApi implements SalesforceBulkApi {

    private final ProducerTemplate producer;

    CamelSalesforceBulkApi(ProducerTemplate producer) {
        this.producer = producer;
    }

    @Override
    public BulkJob createUpsertJob(String sObject, String externalIdField) {
        Job job = new Job();
        job.setObject(sObject);
        job.setOperation(OperationEnum.UPSERT);
        job.setExternalIdFieldName(externalIdField);
        job.setContentType(ContentTypeEnum.CSV);
        job.setLineEnding(LineEndingEnum.LF);
        return bulkJob(producer.requestBody(SalesforceBulkRoutes.CREATE, job, Job.class));
    }

    @Override
    public void upload(String jobId, byte[] csv) {
        // bytes, not a stream: a redelivered upload converts them to a fresh stream
        producer.requestBodyAndHeader(SalesforceBulkRoutes.UPLOAD, csv, SalesforceEndpointConfig.JOB_ID, jobId);
    }

    @Override
    public BulkJob close(String jobId) {
        return jobCall(SalesforceBulkRoutes.CLOSE, jobId);
    }

    @Override
    public BulkJob abort(String jobId) {
        return jobCall(SalesforceBulkRoutes.ABORT, jobId);
    }

    @Override
    public BulkJob job(String jobId) {
        return jobCall(SalesforceBulkRoutes.GET, jobId);
    }

    @Override
    public String successfulResults(String jobId) {
        return csv(SalesforceBulkRoutes.SUCCESSFUL, jobId);
    }

    @Override
    public String failedResults(String jobId) {
        return csv(SalesforceBulkRoutes.FAILED, jobId);
    }

    @Override
    public String unprocessedRecords(String jobId) {
        return csv(SalesforceBulkRoutes.UNPROCESSED, jobId);
    }

    private BulkJob jobCall(String route, String jobId) {
        return bulkJob(producer.requestBodyAndHeader(route, null, SalesforceEndpointConfig.JOB_ID, jobId, Job.class));
    }

    private String csv(String route, String jobId) {
        Object body = producer.requestBodyAndHeader(route, null, SalesforceEndpointConfig.JOB_ID, jobId);
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

    /** The state as Salesforce spells it on the wire. */
    private static String state(JobStateEnum state) {
        if (state == null) {
            return null;
        }
        return switch (state) {
            case OPEN -> BulkJob.OPEN;
            case UPLOAD_COMPLETE -> BulkJob.UPLOAD_COMPLETE;
            case IN_PROGRESS -> "InProgress";
            case JOB_COMPLETE -> BulkJob.JOB_COMPLETE;
            case FAILED -> BulkJob.FAILED;
            case ABORTED -> BulkJob.ABORTED;
            case CLOSED -> "Closed";
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
