package io.leasebridge.architecture.violations.cycle.b;

import io.leasebridge.architecture.violations.cycle.a.Alpha;

public record Beta(Alpha alpha) {
}
