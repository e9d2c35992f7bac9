package io.leasebridge.salesforce;

import io.leasebridge.connectors.salesforce.OutboxSObject;
import io.leasebridge.mapping.salesforce.SObjectType;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.component.salesforce.SalesforceEndpointConfig;
import org.apache.camel.component.salesforce.api.dto.UpsertSObjectResult;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Map;

/** Sends one sObject Collections upsert through the route that owns Salesforce's error policy. */
@Component
public class SalesforceCollections {

    static final String UPSERT_ENDPOINT = "direct:salesforce-collections-upsert";

    private final ProducerTemplate producer;

    public SalesforceCollections(ProducerTemplate producer) {
        this.producer = producer;
    }

    @SuppressWarnings("unchecked")
    public List<UpsertSObjectResult> upsert(SObjectType type, List<OutboxSObject> records) {
        Map<String, Object> headers = Map.of(
                SalesforceEndpointConfig.SOBJECT_NAME, type.apiName(),
                SalesforceEndpointConfig.SOBJECT_EXT_ID_NAME, type.externalIdField());
        return producer.requestBodyAndHeaders(UPSERT_ENDPOINT, records, headers, List.class);
    }
}
