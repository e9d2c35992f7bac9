package io.leasebridge.salesforce;

import io.leasebridge.connectors.salesforce.OutboxSObject;
import io.leasebridge.mapping.salesforce.SObjectType;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.component.salesforce.SalesforceEndpointConfig;
import org.apache.camel.component.salesforce.api.dto.SaveSObjectResult;
import org.apache.camel.component.salesforce.api.dto.UpsertSObjectResult;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Map;

/** Sends one sObject Collections upsert through the route that owns Salesforce's error policy. */
@Component
public class SalesforceCollections {

    static final String UPSERT_ENDPOINT = "direct:salesforce-collections-upsert";
    static final String UPDATE_ENDPOINT = "direct:salesforce-collections-update";

    private final ProducerTemplate producer;

    public SalesforceCollections(ProducerTemplate producer) {
        this.producer = producer;
    }

    /**
     * Writes the records: upserted by the type's external id, or, for a type written by Salesforce id,
     * updated (sObject Collections upsert takes only external ids). Results come back in request order.
     */
    @SuppressWarnings("unchecked")
    public List<UpsertSObjectResult> upsert(SObjectType type, List<OutboxSObject> records) {
        if (type.updatesById()) {
            List<SaveSObjectResult> saved = producer.requestBody(UPDATE_ENDPOINT, records, List.class);
            return saved == null ? null : saved.stream().map(SalesforceCollections::asUpsertResult).toList();
        }
        Map<String, Object> headers = Map.of(
                SalesforceEndpointConfig.SOBJECT_NAME, type.apiName(),
                SalesforceEndpointConfig.SOBJECT_EXT_ID_NAME, type.externalIdField());
        return producer.requestBodyAndHeaders(UPSERT_ENDPOINT, records, headers, List.class);
    }

    private static UpsertSObjectResult asUpsertResult(SaveSObjectResult saved) {
        UpsertSObjectResult result = new UpsertSObjectResult();
        result.setId(saved.getId());
        result.setSuccess(saved.getSuccess());
        result.setErrors(saved.getErrors());
        result.setCreated(false);
        return result;
    }
}
