package io.leasebridge.fleetrock;

import io.leasebridge.connectors.fleetrock.CamelFleetRockTransport;
import io.leasebridge.flow.Flow;
import io.leasebridge.flow.FlowRoutes;
import io.leasebridge.connectors.fleetrock.FleetRockException;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.builder.endpoint.dsl.HttpEndpointBuilderFactory;

import java.net.URI;
import java.util.List;

import static org.apache.camel.builder.endpoint.StaticEndpointBuilders.http;
import static org.apache.camel.builder.endpoint.StaticEndpointBuilders.https;

/** Polls FleetRock's repair orders on its schedule (or once, in run-once mode), and makes its HTTP calls. */
class FleetRockRoutes extends RouteBuilder implements FlowRoutes {

    static final String POLL = "direct:fleetrock-repair-orders";
    static final String API_CALL = CamelFleetRockTransport.API_CALL;
    private static final String HTTP_GET = "direct:fleetrock-http-get";

    private final FleetRockPoll poll;
    private final FleetRockProperties properties;

    FleetRockRoutes(FleetRockPoll poll, FleetRockProperties properties) {
        this.poll = poll;
        this.properties = properties;
    }

    @Override
    public List<Flow> flows() {
        return List.of(Flow.scheduled(FleetRockPoll.FLOW, POLL));
    }

    @Override
    public void configure() {
        from(POLL).routeId(FleetRockPoll.FLOW)
                .bean(poll, "poll");

        // A failed call is redelivered as a whole, request and answer check together.
        from(API_CALL).routeId("fleetrock-api-call")
                .routeConfigurationId(FleetRockRouteConfiguration.ID)
                .to(HTTP_GET);

        from(HTTP_GET).routeId("fleetrock-http-get")
                .errorHandler(noErrorHandler())
                .to(endpoint(properties.baseUrl()))
                .process(FleetRockRoutes::failWhenWorthRetrying);
    }

    private static HttpEndpointBuilderFactory.HttpEndpointBuilder endpoint(URI baseUrl) {
        String address = baseUrl.getRawAuthority() + (baseUrl.getRawPath() == null ? "" : baseUrl.getRawPath());
        return ("https".equalsIgnoreCase(baseUrl.getScheme()) ? https(address) : http(address))
                .throwExceptionOnFailure(false)
                // the redelivery policy of fleetrock-errors decides about retries, not the HTTP client
                .advanced().httpClientConfigurer(client -> client.disableAutomaticRetries()).basic();
    }

    /** 5xx and 429 are FleetRock saying "not now": worth the redelivery policy. */
    private static void failWhenWorthRetrying(Exchange exchange) {
        Integer status = exchange.getMessage().getHeader(Exchange.HTTP_RESPONSE_CODE, Integer.class);
        if (status != null && (status >= 500 || status == 429)) {
            throw new FleetRockException("FleetRock " + exchange.getIn().getHeader(Exchange.HTTP_PATH) + ": HTTP " + status,
                    status, true, null);
        }
    }
}
