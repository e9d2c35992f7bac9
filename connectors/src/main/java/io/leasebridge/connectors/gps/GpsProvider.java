package io.leasebridge.connectors.gps;

import io.leasebridge.model.GpsFix;

/**
 * One GPS vendor, as LeaseBridge uses it: the last location of one device, read-only. No device command
 * (starter interrupt, tone, disable) is ever part of this interface.
 */
public interface GpsProvider {

    /** {@code PASSTIME} or {@code SPIREON}, as {@code Vehicle.gpsProvider} names it. */
    String name();

    /**
     * The device's last reported location.
     *
     * @throws GpsVendorException         the vendor could not answer (retryable) or refused the request (permanent)
     * @throws MalformedLocationException the vendor answered with a location LeaseBridge cannot use
     */
    GpsFix lastLocation(String vin, String deviceId);
}
