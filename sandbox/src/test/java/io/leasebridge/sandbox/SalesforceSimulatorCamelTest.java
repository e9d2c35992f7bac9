package io.leasebridge.sandbox;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import org.apache.camel.CamelExecutionException;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.component.salesforce.SalesforceComponent;
import org.apache.camel.component.salesforce.api.dto.AbstractDescribedSObjectBase;
import org.apache.camel.component.salesforce.api.dto.Attributes;
import org.apache.camel.component.salesforce.api.dto.SObjectDescription;
import org.apache.camel.component.salesforce.api.dto.UpsertSObjectResult;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The simulator against the real camel-salesforce 4.17 client with default settings: what it calls at
 * start-up and shutdown, the upsert it sends, its re-login on 401.
 */
class SalesforceSimulatorCamelTest {

    private static final String UPSERT_ACCOUNTS = "salesforce:compositeUpsertSObjectCollections"
            + "?sObjectName=Account&sObjectIdName=LeaseWorks_Customer_Id__c&apiVersion=" + RestClient.VERSION;

    private SalesforceSimulator salesforce;
    private DefaultCamelContext camel;

    @BeforeEach
    void startCamelAgainstTheSimulator() {
        salesforce = SalesforceSimulator.start(0);
        camel = new DefaultCamelContext();
        SalesforceComponent component = new SalesforceComponent();
        component.setLoginUrl(salesforce.baseUrl());
        component.setClientId("leasebridge");
        component.setClientSecret("secret");
        component.setUserName("sync@leasebridge.test");
        component.setPassword("password");
        camel.addComponent("salesforce", component);
        camel.start();
    }

    @AfterEach
    void stop() {
        camel.stop();
        salesforce.stop();
    }

    @Test
    void camelLogsInAtStartUpAndRevokesItsTokenAtShutdown() {
        assertThat(salesforce.loginCalls()).isEqualTo(1);

        camel.stop();

        List<String> calls = salesforce.wireMock().getAllServeEvents().stream()
                .map(ServeEvent::getRequest)
                .map(r -> r.getMethod().getName() + " " + r.getUrl().replaceAll("token=.*", "token=…"))
                .toList();
        assertThat(calls).containsExactlyInAnyOrder("POST /services/oauth2/token", "GET /services/oauth2/revoke?token=…");
        assertThat(salesforce.wireMock().getAllServeEvents()).allSatisfy(e -> assertThat(e.getResponse().getStatus()).isEqualTo(200));
    }

    @Test
    @SuppressWarnings("unchecked")
    void camelUpsertsACollectionAndReadsEachResult() {
        ProducerTemplate template = camel.createProducerTemplate();

        List<UpsertSObjectResult> first = template.requestBody(UPSERT_ACCOUNTS,
                List.of(account("C-1", "Ada Núñez"), account("C-2", null)), List.class);
        List<UpsertSObjectResult> second = template.requestBody(UPSERT_ACCOUNTS, List.of(account("C-1", "Ada N.")), List.class);

        assertThat(first).hasSize(2);
        assertThat(first.get(0).getSuccess()).isTrue();
        assertThat(first.get(0).getCreated()).isTrue();
        assertThat(first.get(0).getId()).startsWith("001");
        assertThat(first.get(1).getSuccess()).isFalse();
        assertThat(first.get(1).getErrors().get(0).getErrorCode()).isEqualTo("REQUIRED_FIELD_MISSING");
        assertThat(second.get(0).getCreated()).isFalse();
        assertThat(salesforce.records("Account").get("C-1")).containsEntry("Name", "Ada N.");
    }

    @Test
    @SuppressWarnings("unchecked")
    void camelLogsInAgainWhenTheSessionExpiresAndRetriesTheCall() {
        ProducerTemplate template = camel.createProducerTemplate();
        salesforce.expireSessionOnce();

        List<UpsertSObjectResult> results = template.requestBody(UPSERT_ACCOUNTS, List.of(account("C-1", "Ada")), List.class);

        assertThat(results.get(0).getCreated()).isTrue();
        assertThat(salesforce.loginCalls()).isEqualTo(2);
        assertThat(salesforce.createdCount("Account", "C-1")).isEqualTo(1);
    }

    @Test
    void aDroppedConnectionSurfacesAsAnExceptionAndStoresNothing() {
        ProducerTemplate template = camel.createProducerTemplate();
        salesforce.dropConnectionAfterWriteCalls(0);

        assertThatThrownBy(() -> template.requestBody(UPSERT_ACCOUNTS, List.of(account("C-1", "Ada")), List.class))
                .isInstanceOf(CamelExecutionException.class);

        assertThat(salesforce.records("Account")).isEmpty();
        assertThat(salesforce.writeCalls("Account")).isEqualTo(1);
    }

    @Test
    void camelQueriesWhatWasWritten() {
        ProducerTemplate template = camel.createProducerTemplate();
        template.requestBody(UPSERT_ACCOUNTS, List.of(account("C-1", "Ada")), List.class);

        String json = template.requestBody("salesforce:query?rawPayload=true&apiVersion=" + RestClient.VERSION
                + "&sObjectQuery=SELECT Id, Name FROM Account", null, String.class);

        assertThat(json).contains("\"totalSize\":1", "\"Name\":\"Ada\"");
    }

    private static GenericSObject account(String customerId, String name) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("LeaseWorks_Customer_Id__c", customerId);
        if (name != null) {
            fields.put("Name", name);
        }
        return new GenericSObject("Account", fields);
    }

    /** A generic record: any sObject as a type name and a map of fields, the shape the outbox sends. */
    static final class GenericSObject extends AbstractDescribedSObjectBase {

        private final Map<String, Object> fields;

        GenericSObject(String type, Map<String, Object> fields) {
            Attributes attributes = new Attributes();
            attributes.setType(type);
            setAttributes(attributes);
            this.fields = fields;
        }

        @JsonAnyGetter
        Map<String, Object> fields() {
            return fields;
        }

        @Override
        public SObjectDescription description() {
            return new SObjectDescription();
        }
    }
}
