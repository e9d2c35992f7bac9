package io.leasebridge.gps;

import io.leasebridge.connectors.gps.passtime.PassTimeClient;
import io.leasebridge.connectors.gps.spireon.SpireonClient;
import io.leasebridge.flow.Flow;
import io.leasebridge.flow.FlowRoutes;
import org.apache.camel.builder.RouteBuilder;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;

/**
 * Polls the GPS vendors for the vehicles the policy allows: one pull route per configured vendor, each with its own
 * threads ({@code max-concurrent}), its request-rate limiter and its resilience4j circuit breaker, so a vendor that
 * is down or slow stops neither the other vendor nor the rest of LeaseBridge.
 */
@Component
public class GpsPollRoute extends RouteBuilder implements FlowRoutes {

    public static final String POLL = "direct:gps-location-poll";
    /** Locates one vehicle again (body: its VIN), for a dead letter replayed; answers the poll report. */
    public static final String RELOCATE = "direct:gps-location-replay";
    private static final String RELOCATE_ROUTE = "gps-location-replay";
    private static final String PULL_ALL = "direct:gps-pull-all";
    private static final String PULL_ALL_ROUTE = "gps-pull-all";
    static final String REPORT = "gpsReport";

    /** The pull route of each vendor LeaseBridge can poll, by the vendor's name. */
    static final Map<String, String> PULL_ROUTES = Map.of(
            PassTimeClient.NAME, "gps-passtime-pull",
            SpireonClient.NAME, "gps-spireon-pull");

    private final GpsPoll poll;
    private final GpsLocator locator;
    private final GpsVendors vendors;
    private final GpsProperties properties;

    public GpsPollRoute(GpsPoll poll, GpsLocator locator, GpsVendors vendors, GpsProperties properties) {
        this.poll = poll;
        this.locator = locator;
        this.vendors = vendors;
        this.properties = properties;
    }

    static String pullRouteId(String vendor) {
        String routeId = PULL_ROUTES.get(vendor);
        if (routeId == null) {
            throw new IllegalArgumentException("GPS vendor " + vendor + " has no pull route: name it in GpsPollRoute.PULL_ROUTES");
        }
        return routeId;
    }

    static String circuitBreakerId(String vendor) {
        return "gps-" + vendor.toLowerCase(Locale.ROOT) + "-circuit-breaker";
    }

    static String pullEndpoint(String vendor) {
        return "direct:gps-pull-" + vendor.toLowerCase(Locale.ROOT);
    }

    @Override
    public List<Flow> flows() {
        return List.of(Flow.scheduled(GpsPoll.FLOW, POLL));
    }

    @Override
    public void configure() {
        from(POLL).routeId(GpsPoll.FLOW)
                .bean(poll, "plan")
                .to(PULL_ALL);

        from(RELOCATE).routeId(RELOCATE_ROUTE)
                .bean(poll, "planFor(${body})")
                .to(PULL_ALL);

        from(PULL_ALL).routeId(PULL_ALL_ROUTE)
                .setProperty(REPORT, body())
                .split(simple("${body.batches}")).parallelProcessing()
                    .toD("direct:gps-pull-${body.vendor.toLowerCase()}")
                .end()
                .setBody(exchangeProperty(REPORT))
                .bean(poll, "finish");

        GpsProperties.CircuitBreaker breaker = properties.circuitBreaker();
        for (GpsVendors.Vendor vendor : vendors.all()) {
            String name = vendor.provider().name();
            String key = name.toLowerCase(Locale.ROOT);
            ExecutorService threads = getCamelContext().getExecutorServiceManager()
                    .newFixedThreadPool(this, "gps-" + key, vendor.maxConcurrent());
            from(pullEndpoint(name)).routeId(pullRouteId(name))
                    .split(simple("${body.requests}")).parallelProcessing().executorService(threads)
                        .setProperty(GpsLocator.REQUEST, body())
                        .process(exchange -> vendors.acquire(name))
                        .circuitBreaker().id(circuitBreakerId(name))
                            .resilience4jConfiguration()
                                .failureRateThreshold(breaker.failureRateThreshold())
                                .slidingWindowSize(breaker.slidingWindowSize())
                                .minimumNumberOfCalls(breaker.minimumNumberOfCalls())
                                .waitDurationInOpenState((int) Math.max(1, breaker.waitInOpenState().toSeconds()))
                                .permittedNumberOfCallsInHalfOpenState(breaker.permittedCallsInHalfOpenState())
                                .automaticTransitionFromOpenToHalfOpenEnabled(true)
                                .timeoutEnabled(true)
                                .timeoutDuration((int) breaker.callTimeout().toMillis())
                            .end()
                            .bean(locator, "locate")
                        .onFallback()
                            .bean(locator, "unavailable")
                        .end()
                        .bean(poll, "apply(${exchangeProperty." + REPORT + "}, ${body})")
                    .end();
        }
    }
}
