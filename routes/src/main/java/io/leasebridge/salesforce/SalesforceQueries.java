package io.leasebridge.salesforce;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.component.salesforce.SalesforceEndpointConfig;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;

/** SOQL through camel-salesforce's query and queryMore, with Salesforce's error policy; pages as maps. */
@Component
public class SalesforceQueries {

    static final String QUERY_ENDPOINT = "direct:salesforce-query";
    static final String QUERY_MORE_ENDPOINT = "direct:salesforce-query-more";

    /** One page of a query result: its records and, when there are more, where the next page is. */
    public record Page(List<Map<String, Object>> records, String nextRecordsUrl) {
        public boolean hasMore() {
            return nextRecordsUrl != null;
        }
    }

    private final ProducerTemplate producer;
    private final ObjectReader pageReader;

    public SalesforceQueries(ProducerTemplate producer, ObjectMapper json) {
        this.producer = producer;
        this.pageReader = json.readerFor(Map.class).with(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
    }

    public Page query(String soql) {
        return page(producer.requestBodyAndHeader(QUERY_ENDPOINT, null, SalesforceEndpointConfig.SOBJECT_QUERY, soql,
                InputStream.class));
    }

    /** The page {@code nextRecordsUrl} of an earlier page points at. */
    public Page next(String nextRecordsUrl) {
        return page(producer.requestBodyAndHeader(QUERY_MORE_ENDPOINT, null, SalesforceEndpointConfig.SOBJECT_QUERY,
                nextRecordsUrl, InputStream.class));
    }

    @SuppressWarnings("unchecked")
    private Page page(InputStream body) {
        try (InputStream in = body) {
            Map<String, Object> page = pageReader.readValue(in);
            List<Map<String, Object>> records = (List<Map<String, Object>>) page.getOrDefault("records", List.of());
            Object done = page.get("done");
            Object next = page.get("nextRecordsUrl");
            return new Page(records, Boolean.FALSE.equals(done) && next != null ? next.toString() : null);
        } catch (IOException e) {
            throw new UncheckedIOException("Salesforce answered a query with a body that is not a query result", e);
        }
    }
}
