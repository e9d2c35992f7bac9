package io.leasebridge.connectors.gps;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * The times a vendor's fix may carry: from {@link #EARLIEST} to now plus the clock skew tolerated. A fix dated later
 * would be taken as the newest and block every real fix after it; one dated earlier is a misread time.
 *
 * @param clockSkewTolerance how far a vendor's or device's clock may run ahead of LeaseBridge's
 */
public record FixTimeWindow(Clock clock, Duration clockSkewTolerance) {

    /**
     * No fleet GPS fix is older: an earlier time is a device whose clock was reset (to 1970, or to 1980 or 1999 by a GPS
     * week-number rollover) or a number in the wrong unit.
     */
    static final Instant EARLIEST = Instant.parse("2000-01-01T00:00:00Z");

    /** Why {@code at} cannot be the time of a fix, or empty when it can. */
    Optional<String> refusal(Instant at) {
        if (at.isBefore(EARLIEST)) {
            return Optional.of("before " + EARLIEST + ", older than any fleet GPS fix");
        }
        Instant latest = clock.instant().plus(clockSkewTolerance);
        if (at.isAfter(latest)) {
            return Optional.of("later than " + latest + ", now plus the clock skew tolerated");
        }
        return Optional.empty();
    }

    boolean contains(Instant at) {
        return refusal(at).isEmpty();
    }
}
