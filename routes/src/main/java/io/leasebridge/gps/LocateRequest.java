package io.leasebridge.gps;

import io.leasebridge.gps.rules.Garaging;

/**
 * One location LeaseBridge will ask a vendor for, with why the vehicle is eligible.
 *
 * @param pullId the audit row recorded before the call
 */
public record LocateRequest(long pullId, String vin, String leaseId, String provider, String deviceId, String eligibleBecause,
                            Garaging garaging) {
}
