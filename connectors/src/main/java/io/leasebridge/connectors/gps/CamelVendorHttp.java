package io.leasebridge.connectors.gps;

import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.component.http.HttpComponent;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A vendor's REST API through camel-http: one endpoint per base URL, a fresh exchange per call (so no
 * header of a route leaks to the vendor), and failures returned as statuses for the connector to classify.
 */
public final class CamelVendorHttp {

    private final String vendor;
    private final ProducerTemplate producer;
    private final String endpointUri;

    /** The camel-http component the GPS connectors use, apart from the shared {@code http} one. */
    static final String COMPONENT = "gps-http";

    public CamelVendorHttp(String vendor, CamelContext camel, URI baseUrl) {
        this.vendor = vendor;
        this.producer = camel.createProducerTemplate();
        registerComponent(camel);
        // the base URL is configuration; statuses are classified by the connector, so camel-http must not throw on them
        this.endpointUri = COMPONENT + ":" + baseUrl + (baseUrl.getQuery() == null ? "?" : "&") + "throwExceptionOnFailure=false";
    }

    /**
     * Apache HttpClient re-sends a request on 429 and 503 by itself; here every retry is the connector's decision
     * (Retry-After, the rate limiter, the circuit breaker), so the GPS vendors get a component with that switched off.
     */
    private static synchronized void registerComponent(CamelContext camel) {
        if (camel.hasComponent(COMPONENT) == null) {
            camel.addComponent(COMPONENT, new HttpComponent());
        }
        // set after registration: Camel Spring Boot's customizers apply camel.component.http.* defaults to every HttpComponent added
        camel.getComponent(COMPONENT, HttpComponent.class).setAutomaticRetriesDisabled(true);
    }

    public HttpReply get(String path, Map<String, String> query, Map<String, String> headers) {
        return call("GET", path, query, headers, null);
    }

    public HttpReply postForm(String path, Map<String, String> form, Map<String, String> headers) {
        Map<String, String> all = new LinkedHashMap<>(headers);
        all.put("Content-Type", "application/x-www-form-urlencoded");
        return call("POST", path, Map.of(), all, encode(form));
    }

    private HttpReply call(String method, String path, Map<String, String> query, Map<String, String> headers, String body) {
        Exchange reply = producer.send(endpointUri, exchange -> {
            Message in = exchange.getIn();
            in.setHeader(Exchange.HTTP_METHOD, method);
            in.setHeader(Exchange.HTTP_PATH, path);
            if (!query.isEmpty()) {
                in.setHeader(Exchange.HTTP_QUERY, encode(query));
            }
            headers.forEach(in::setHeader);
            in.setBody(body);
        });
        if (reply.getException() != null) {
            throw new GpsVendorException(vendor, 0, true, "no response: " + reply.getException().getClass().getSimpleName()
                    + ": " + reply.getException().getMessage(), reply.getException());
        }
        Message out = reply.getMessage();
        Integer status = out.getHeader(Exchange.HTTP_RESPONSE_CODE, Integer.class);
        Map<String, String> responseHeaders = new LinkedHashMap<>();
        out.getHeaders().forEach((name, value) -> {
            if (value != null && !name.startsWith("Camel")) {
                responseHeaders.put(name.toLowerCase(Locale.ROOT), value.toString());
            }
        });
        return new HttpReply(status == null ? 0 : status, out.getBody(String.class), responseHeaders);
    }

    private static String encode(Map<String, String> values) {
        return values.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }
}
