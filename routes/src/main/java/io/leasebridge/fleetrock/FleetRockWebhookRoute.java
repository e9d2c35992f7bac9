package io.leasebridge.fleetrock;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.leasebridge.flow.Flow;
import io.leasebridge.flow.FlowRoutes;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;

import java.util.List;

/**
 * Serves FleetRock's pushes on {@code leasebridge.fleetrock.webhook.path} (POST only), through Spring MVC
 * (camel-platform-http); {@code WebhookGuard} has checked the shared secret and the body's size before.
 */
class FleetRockWebhookRoute extends RouteBuilder implements FlowRoutes {

    private final FleetRockWebhook webhook;
    private final FleetRockProperties.Webhook settings;
    private final ObjectMapper json;

    FleetRockWebhookRoute(FleetRockWebhook webhook, FleetRockProperties properties, ObjectMapper json) {
        this.webhook = webhook;
        this.settings = properties.webhook();
        this.json = json;
    }

    @Override
    public List<Flow> flows() {
        return List.of(Flow.onDemand(FleetRockWebhook.FLOW));
    }

    @Override
    public void configure() {
        fromF("platform-http:%s?httpMethodRestrict=POST", settings.path()).routeId(FleetRockWebhook.FLOW)
                .process(exchange -> {
                    FleetRockWebhook.Reply reply = webhook.receive(exchange.getIn().getBody(String.class));
                    exchange.getMessage().removeHeaders("*");
                    exchange.getMessage().setHeader(Exchange.HTTP_RESPONSE_CODE, reply.status());
                    exchange.getMessage().setHeader(Exchange.CONTENT_TYPE, "application/json");
                    exchange.getMessage().setBody(json.writeValueAsString(reply.body()));
                });
    }
}
