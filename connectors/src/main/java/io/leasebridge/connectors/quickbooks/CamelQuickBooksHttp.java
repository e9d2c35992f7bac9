package io.leasebridge.connectors.quickbooks;

import org.apache.camel.CamelContext;
import org.apache.camel.Endpoint;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;

import java.util.HashMap;
import java.util.Map;

/**
 * QuickBooks over camel-http: one endpoint with the configured timeouts; each call names its full URI in
 * {@code CamelHttpUri}. Non-2xx answers come back as replies (their Fault bodies are read by the caller);
 * a call that gets no answer throws {@link QuickBooksUnavailableException}.
 */
public class CamelQuickBooksHttp implements QuickBooksHttp, AutoCloseable {

    private final ProducerTemplate producer;
    private final Endpoint endpoint;

    /** QuickBooks is optional: its configuration makes this adapter, with a producer of its own, only when it is set. */
    public CamelQuickBooksHttp(CamelContext camel, QuickBooksProperties properties) {
        this(camel, camel.createProducerTemplate(), properties);
    }

    public CamelQuickBooksHttp(CamelContext camel, ProducerTemplate producer, QuickBooksProperties properties) {
        this.producer = producer;
        Map<String, Object> options = new HashMap<>();
        options.put("throwExceptionOnFailure", false);
        options.put("responseTimeout", org.apache.hc.core5.util.Timeout.ofMilliseconds(properties.responseTimeout().toMillis()));
        options.put("connectTimeout", org.apache.hc.core5.util.Timeout.ofMilliseconds(properties.responseTimeout().toMillis()));
        options.put("followRedirects", false);
        // HttpClient would re-send a POST answered 429 or 503 by itself, past the limits and without the DocNumber look-up
        options.put("httpClientConfigurer", (org.apache.camel.component.http.HttpClientConfigurer) builder -> builder.disableAutomaticRetries());
        try {
            this.endpoint = camel.getEndpoint("http://quickbooks", options);
        } catch (Exception e) {
            throw new IllegalStateException("cannot create the QuickBooks HTTP endpoint", e);
        }
    }

    @Override
    public Reply send(Call call) {
        Exchange exchange = producer.send(endpoint, e -> {
            e.getIn().setHeader(Exchange.HTTP_URI, call.uri().toString());
            e.getIn().setHeader(Exchange.HTTP_METHOD, call.method());
            call.headers().forEach(e.getIn()::setHeader);
            e.getIn().setBody(call.body());
        });
        if (exchange.getException() != null) {
            throw new QuickBooksUnavailableException(call.method() + " " + call.uri().getPath() + " got no answer: "
                    + exchange.getException().getClass().getSimpleName() + " " + exchange.getException().getMessage(),
                    exchange.getException());
        }
        Integer status = exchange.getMessage().getHeader(Exchange.HTTP_RESPONSE_CODE, Integer.class);
        Map<String, String> headers = new HashMap<>();
        exchange.getMessage().getHeaders().forEach((name, value) -> {
            if (!name.startsWith("Camel") && value != null) {
                headers.put(name, value.toString());
            }
        });
        return new Reply(status == null ? 0 : status, exchange.getMessage().getBody(String.class), headers);
    }

    @Override
    public void close() {
        producer.stop();
    }
}
