package io.leasebridge.gps;

import io.leasebridge.config.RunProperties;
import org.apache.camel.builder.RouteBuilder;
import org.springframework.stereotype.Component;

import java.util.Locale;
import java.util.concurrent.ExecutorService;

import io.leasebridge.cluster.FlowSchedule;

/**
 * Polls the GPS vendors for the vehicles the policy allows: one pull route per configured vendor, each with its own
 * threads ({@code max-concurrent}), its request-rate limiter and its resilience4j circuit breaker, so a vendor that
 * is down or slow stops neither the other vendor nor the rest of LeaseBridge.
 */
@Component
public class GpsPollRoute extends RouteBuilder {

    public static final String POLL = "direct:gps-location-poll";
    /** Locates one vehicle again (body: its VIN), for a dead letter replayed; answers the poll report. */
    public static final String RELOCATE = "direct:gps-location-replay";
    private static final String PULL_ALL = "direct:gps-pull-all";
    static final String REPORT = "gpsReport";

    private final GpsPoll poll;
    private final GpsLocator locator;
    private final GpsVendors vendors;
    private final GpsProperties properties;
    private final RunProperties run;

    public GpsPollRoute(GpsPoll poll, GpsLocator locator, GpsVendors vendors, GpsProperties properties, RunProperties run) {
        this.poll = poll;
        this.locator = locator;
        this.vendors = vendors;
        this.properties = properties;
        this.run = run;
    }

    static String circuitBreakerId(String vendor) {
        return "gps-" + vendor.toLowerCase(Locale.ROOT) + "-circuit-breaker";
    }

    static String pullEndpoint(String vendor) {
        return "direct:gps-pull-" + vendor.toLowerCase(Locale.ROOT);
    }

    @Override
    public void configure() {
        from(POLL).routeId(GpsPoll.FLOW)
                .bean(poll, "plan")
                .to(PULL_ALL);

        from(RELOCATE).routeId("gps-location-replay")
                .bean(poll, "planFor(${body})")
                .to(PULL_ALL);

        from(PULL_ALL).routeId("gps-pull-all")
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
            from(pullEndpoint(name)).routeId("gps-" + key + "-pull")
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

        if (!run.runOnce()) {
            from(FlowSchedule.cron(GpsPoll.FLOW, run.schedule(GpsPoll.FLOW)))
                    .routeId(GpsPoll.FLOW + "-schedule")
                    .to(POLL);
        }
    }
}
