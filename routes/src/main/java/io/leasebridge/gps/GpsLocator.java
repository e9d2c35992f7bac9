package io.leasebridge.gps;

import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.leasebridge.connectors.gps.GpsVendorException;
import io.leasebridge.connectors.gps.MalformedLocationException;
import org.apache.camel.spi.CircuitBreakerConstants;
import org.apache.camel.Exchange;
import org.apache.camel.ExchangeProperty;
import org.springframework.stereotype.Component;

/**
 * The call to the vendor inside its circuit breaker. Only failures that say something about the vendor's health
 * escape to the breaker; a malformed answer or an unknown device concerns one vehicle and becomes a result.
 */
@Component
public class GpsLocator {

    public static final String REQUEST = "gpsRequest";

    private final GpsVendors vendors;

    public GpsLocator(GpsVendors vendors) {
        this.vendors = vendors;
    }

    public PullResult locate(@ExchangeProperty(REQUEST) LocateRequest request) {
        try {
            return PullResult.located(request, vendors.get(request.provider()).provider().lastLocation(request.vin(), request.deviceId()));
        } catch (MalformedLocationException e) {
            return new PullResult(request, PullResult.MALFORMED, null, e.field(), e.getMessage(), e.payload());
        } catch (GpsVendorException e) {
            if (e.retryable()) {
                throw e;
            }
            return PullResult.of(request, PullResult.REFUSED, e.getMessage());
        }
    }

    /**
     * The breaker's fallback: the vendor failed, or the breaker is open and the vendor was not asked. With the time
     * limiter on, camel-resilience4j hands a refused call to the fallback without an exception (and without its
     * "rejected" flag), so a fallback with no failure caught is a call the breaker did not let through.
     */
    public PullResult unavailable(@ExchangeProperty(REQUEST) LocateRequest request,
                                  @ExchangeProperty(Exchange.EXCEPTION_CAUGHT) Throwable failure,
                                  @ExchangeProperty(CircuitBreakerConstants.RESPONSE_STATE) String state) {
        if (failure == null || failure instanceof CallNotPermittedException) {
            return PullResult.of(request, PullResult.CIRCUIT_OPEN, request.provider() + " circuit breaker " + state + ": not asked");
        }
        return PullResult.of(request, PullResult.FAILED, failure.getMessage());
    }
}
