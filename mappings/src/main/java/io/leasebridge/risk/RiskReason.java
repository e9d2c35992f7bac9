package io.leasebridge.risk;

/** One rule's part in a score: its points and what it saw, in a collector's words. */
public record RiskReason(RiskRule rule, int points, String words) {
}
