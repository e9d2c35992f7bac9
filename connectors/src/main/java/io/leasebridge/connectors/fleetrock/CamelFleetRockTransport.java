package io.leasebridge.fleetrock;

import io.leasebridge.connectors.fleetrock.FleetRockException;
import io.leasebridge.connectors.fleetrock.FleetRockTransport;
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
class CamelFleetRockTransport implements FleetRockTransport {

    private final ProducerTemplate producer;

    CamelFleetRockTransport(ProducerTemplate producer) {
        this.producer = producer;
    }

    @Override
    public Response get(String path, Map<String, String> query) {
        Exchange answer = producer.request(FleetRockRoutes.API_CALL, exchange -> {
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

    private static String encode(Map<String, String> query) {
        return query.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }
}
