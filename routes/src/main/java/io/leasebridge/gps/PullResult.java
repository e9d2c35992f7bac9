package io.leasebridge.gps;

import io.leasebridge.model.GpsFix;

/**
 * What came of one pull.
 *
 * @param outcome  LOCATED, MALFORMED (quarantined), REFUSED (a permanent vendor error for this device), FAILED
 *                 (vendor error worth retrying, counted by the circuit breaker) or CIRCUIT_OPEN (not asked)
 * @param field    for MALFORMED, the field that was unusable
 * @param payload  for MALFORMED, the vendor's answer as received
 */
public record PullResult(LocateRequest request, String outcome, GpsFix fix, String field, String detail, String payload) {

    public static final String LOCATED = "LOCATED";
    public static final String MALFORMED = "MALFORMED";
    public static final String REFUSED = "REFUSED";
    public static final String FAILED = "FAILED";
    public static final String CIRCUIT_OPEN = "CIRCUIT_OPEN";

    static PullResult located(LocateRequest request, GpsFix fix) {
        return new PullResult(request, LOCATED, fix, null, null, null);
    }

    static PullResult of(LocateRequest request, String outcome, String detail) {
        return new PullResult(request, outcome, null, null, detail, null);
    }
}
