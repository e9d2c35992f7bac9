package io.leasebridge.connectors.fleetrock;

import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Sends FleetRock's GETs through the {@code fleetrock-api-call} route, which owns the retry policy and the
 * camel-http endpoint. What comes back after the retries is FleetRock's answer, or a failure that says
 * whether a later run may succeed.
 */
public class CamelFleetRockTransport implements FleetRockTransport, AutoCloseable {

    public static final String API_CALL = "direct:fleetrock-api-call";

    private final ProducerTemplate producer;

    /** FleetRock is optional: its configuration makes this adapter, with a producer of its own, only when it is set. */
    public CamelFleetRockTransport(CamelContext camel) {
        this.producer = camel.createProducerTemplate();
    }

    @Override
    public Response get(String path, Map<String, String> query) {
        Exchange answer = producer.request(API_CALL, exchange -> {
            exchange.getIn().setHeader(Exchange.HTTP_METHOD, "GET");
            exchange.getIn().setHeader(Exchange.HTTP_PATH, path);
            exchange.getIn().setHeader(Exchange.HTTP_QUERY, encode(query));
        });
        Exception failure = answer.getException();
        if (failure instanceof FleetRockException fleetRock) {
            throw fleetRock;
        }
        if (failure != null) {
            // the failure's own message may quote the request URL, which carries the key or the token
            throw new FleetRockException("FleetRock " + path + ": no answer (" + failure.getClass().getSimpleName() + ")",
                    0, true, null);
        }
        Integer status = answer.getMessage().getHeader(Exchange.HTTP_RESPONSE_CODE, Integer.class);
        return new Response(status == null ? 0 : status, answer.getMessage().getBody(String.class));
    }

    @Override
    public void close() {
        producer.stop();
    }

    private static String encode(Map<String, String> query) {
        return query.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }
}
