package io.leasebridge.gps;

import org.apache.camel.CamelContext;
import org.apache.camel.component.resilience4j.ResilienceProcessor;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.stereotype.Component;

import java.util.Locale;

/**
 * The GPS vendors as their circuit breakers see them ({@code /actuator/health} component {@code gpsVendors}):
 * DOWN while a vendor's circuit is open (LeaseBridge is not asking it), UP when every configured vendor's circuit
 * is closed or half-open, UNKNOWN when no vendor is configured.
 */
@Component
class GpsVendorsHealthIndicator implements HealthIndicator {

    private final CamelContext camel;
    private final GpsVendors vendors;

    GpsVendorsHealthIndicator(CamelContext camel, GpsVendors vendors) {
        this.camel = camel;
        this.vendors = vendors;
    }

    @Override
    public Health health() {
        if (vendors.names().isEmpty()) {
            return Health.unknown().withDetail("vendors", "none configured").build();
        }
        boolean open = false;
        Health.Builder details = Health.up();
        for (String vendor : vendors.names()) {
            ResilienceProcessor breaker = camel.getProcessor(GpsPollRoute.circuitBreakerId(vendor), ResilienceProcessor.class);
            String state = breaker == null ? "NOT_STARTED" : breaker.getCircuitBreakerState();
            open |= state.contains("OPEN") && !state.equals("HALF_OPEN");
            details.withDetail(vendor.toLowerCase(Locale.ROOT), state);
        }
        return (open ? details.down() : details).build();
    }
}
