package io.leasebridge.connectors.fleetrock;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The date windows one poll asks FleetRock for: from where the last committed poll got to, up to now, in
 * steps of at most {@code window}; each starts {@code overlap} early, so an RO FleetRock recorded late is still
 * seen (and the hub's content hash makes the second sight of an unchanged RO a no-op).
 */
public final class PollWindows {

    /** @param until where the watermark moves once this window's repair orders are committed */
    public record Window(Instant start, Instant end, Instant until) {
    }

    private PollWindows() {
    }

    public static List<Window> plan(Instant watermark, Instant now, Duration window, Duration overlap) {
        if (window.isZero() || window.isNegative()) {
            throw new IllegalArgumentException("window must be positive, is " + window);
        }
        List<Window> windows = new ArrayList<>();
        Instant from = watermark;
        while (from.isBefore(now)) {
            Instant to = from.plus(window).isBefore(now) ? from.plus(window) : now;
            windows.add(new Window(from.minus(overlap), to, to));
            from = to;
        }
        return windows;
    }
}
