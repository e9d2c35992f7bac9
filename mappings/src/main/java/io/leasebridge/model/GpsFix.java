package io.leasebridge.model;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * A position a GPS vendor reported for a vehicle's device.
 *
 * @param provider  {@code PASSTIME} or {@code SPIREON}
 * @param deviceId  the device's serial number (PassTime) or asset id (Spireon)
 * @param locatedAt when the device took the fix (not when LeaseBridge asked)
 */
public record GpsFix(String vin, String provider, String deviceId, BigDecimal latitude, BigDecimal longitude,
                     Instant locatedAt) {
}
