package io.leasebridge.architecture.violations.purejava;

import java.math.BigDecimal;

/** Keeps the rule: plain Java. */
public record PlainJava(String leaseId, BigDecimal amount) {
}
