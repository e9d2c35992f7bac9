package io.leasebridge.risk;

import java.io.PrintStream;
import java.util.List;
import java.util.Map;

/**
 * What one review of recovery risk found.
 *
 * @param byLevel      leases by level after the review
 * @param changed      leases whose level, score or reasons changed (and were queued for Salesforce)
 * @param risenToHigh  the leases that rose to HIGH in this review, with their reasons
 */
public record RiskReviewReport(Map<RiskLevel, Long> byLevel, long changed, List<String> risenToHigh) {

    private static final int LINES_SHOWN = 10;

    public RiskReviewReport {
        byLevel = Map.copyOf(byLevel);
        risenToHigh = List.copyOf(risenToHigh);
    }

    public void print(PrintStream out) {
        out.printf("Recovery risk: %d HIGH, %d MEDIUM, %d LOW; %d changed, %d rose to HIGH (one Task each)%n",
                byLevel.getOrDefault(RiskLevel.HIGH, 0L), byLevel.getOrDefault(RiskLevel.MEDIUM, 0L),
                byLevel.getOrDefault(RiskLevel.LOW, 0L), changed, risenToHigh.size());
        risenToHigh.stream().limit(LINES_SHOWN).forEach(line -> out.println("  " + line));
        if (risenToHigh.size() > LINES_SHOWN) {
            out.println("  ... and " + (risenToHigh.size() - LINES_SHOWN) + " more");
        }
        out.println();
    }
}
