package io.leasebridge.architecture.violations.cycle.a;

import io.leasebridge.architecture.violations.cycle.b.Beta;

/** Breaks the cycle rule with {@link Beta}: a knows b, b knows a. */
public record Alpha(Beta beta) {
}
