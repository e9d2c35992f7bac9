package io.leasebridge.connectors.salesforce;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.camel.component.salesforce.api.utils.JsonUtils;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class CamelSObjectTest {

    private final ObjectMapper camelSalesforceMapper = JsonUtils.createObjectMapper();

    @Test
    void serializesFieldsAsCamelSalesforceSendsThem() throws Exception {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("LeaseWorks_Lease_Id__c", "L-1");
        fields.put("Name", "L-1");
        fields.put("Customer__r", Map.of("LeaseWorks_Customer_Id__c", "C-1"));
        fields.put("Past_Due_Amount__c", new BigDecimal("12.50"));
        fields.put("Collector__c", null);

        String json = camelSalesforceMapper.writeValueAsString(new CamelSObject("Lease__c", fields));
        JsonNode node = camelSalesforceMapper.readTree(json);

        assertThat(node.path("attributes").path("type").asText()).isEqualTo("Lease__c");
        assertThat(node.path("Name").asText()).isEqualTo("L-1");
        assertThat(node.path("LeaseWorks_Lease_Id__c").asText()).isEqualTo("L-1");
        assertThat(node.path("Customer__r").path("LeaseWorks_Customer_Id__c").asText()).isEqualTo("C-1");
        assertThat(node.path("Past_Due_Amount__c").decimalValue()).isEqualByComparingTo("12.50");
        assertThat(node.has("Collector__c")).as(json).isTrue();
        assertThat(node.get("Collector__c").isNull()).isTrue();
        assertThat(node.has("Id")).as(json).isFalse();
        assertThat(node.has("fieldsToNull")).as(json).isFalse();
    }
}
