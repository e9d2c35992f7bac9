package io.leasebridge.gps;

import io.leasebridge.model.GpsAlert;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;

/** What one GPS poll did: pulls and their outcomes, vehicles skipped and why, rules skipped, alerts raised and closed. */
public final class GpsPollReport {

    /** How many vehicles the printed report names per skip reason; the count is always complete. */
    private static final int EXAMPLES = 5;

    public record Skip(String vin, String leaseId, String reason) {
    }

    /** The requests of one vendor: each vendor is pulled on its own threads, so one slow vendor never holds up another. */
    public record VendorBatch(String vendor, List<LocateRequest> requests) {
    }

    private final long runId;
    private final List<LocateRequest> requests;
    private final List<Skip> skipped;
    private final List<Skip> ruleSkips = Collections.synchronizedList(new ArrayList<>());
    private final List<GpsAlert> raised = Collections.synchronizedList(new ArrayList<>());
    private final List<GpsAlert> closed = Collections.synchronizedList(new ArrayList<>());
    private final Map<String, AtomicLong> outcomes = Collections.synchronizedMap(new TreeMap<>());
    private final AtomicLong accepted = new AtomicLong();
    private final AtomicLong ignoredOlder = new AtomicLong();

    GpsPollReport(long runId, List<LocateRequest> requests, List<Skip> skipped) {
        this.runId = runId;
        this.requests = List.copyOf(requests);
        this.skipped = List.copyOf(skipped);
    }

    public long runId() {
        return runId;
    }

    public List<LocateRequest> requests() {
        return requests;
    }

    public List<VendorBatch> batches() {
        return requests.stream().collect(Collectors.groupingBy(LocateRequest::provider, TreeMap::new, Collectors.toList()))
                .entrySet().stream().map(e -> new VendorBatch(e.getKey(), e.getValue())).toList();
    }

    public List<Skip> skipped() {
        return skipped;
    }

    public List<Skip> ruleSkips() {
        return List.copyOf(ruleSkips);
    }

    public List<GpsAlert> raised() {
        return List.copyOf(raised);
    }

    public List<GpsAlert> closed() {
        return List.copyOf(closed);
    }

    public long count(String outcome) {
        AtomicLong n = outcomes.get(outcome);
        return n == null ? 0 : n.get();
    }

    public long accepted() {
        return accepted.get();
    }

    public long ignoredOlder() {
        return ignoredOlder.get();
    }

    void outcome(String outcome) {
        outcomes.computeIfAbsent(outcome, k -> new AtomicLong()).incrementAndGet();
    }

    void accepted(boolean newer) {
        (newer ? accepted : ignoredOlder).incrementAndGet();
    }

    void ruleSkipped(String vin, String leaseId, String reason) {
        ruleSkips.add(new Skip(vin, leaseId, reason));
    }

    void raised(GpsAlert alert) {
        raised.add(alert);
    }

    void closed(GpsAlert alert) {
        closed.add(alert);
    }

    public void print(PrintStream out) {
        out.printf("GPS: %d vehicles with a device considered, %d locations requested, %d skipped%n",
                requests.size() + skipped.size(), requests.size(), skipped.size());
        out.printf("  pulls: %s; fixes accepted %d, older or same fix ignored %d%n",
                outcomes.isEmpty() ? "none" : outcomes.entrySet().stream().map(e -> e.getKey() + " " + e.getValue())
                        .collect(Collectors.joining(", ")), accepted(), ignoredOlder());
        printSkips(out, "  skipped", skipped);
        printSkips(out, "  rule not applied", ruleSkips());
        out.printf("  alerts raised: %d%n", raised.size());
        raised().forEach(a -> out.printf("    %-13s %s lease %s: %s%n", a.type(), a.vin(), a.leaseId(), a.detail()));
        out.printf("  alerts closed: %d%n", closed.size());
        closed().forEach(a -> out.printf("    %-13s %s lease %s%n", a.type(), a.vin(), a.leaseId()));
    }

    private static void printSkips(PrintStream out, String title, List<Skip> skips) {
        Map<String, List<Skip>> byReason = skips.stream().collect(Collectors.groupingBy(Skip::reason, TreeMap::new, Collectors.toList()));
        byReason.forEach((reason, list) -> out.printf("%s (%s): %d, e.g. %s%n", title, reason, list.size(),
                list.stream().limit(EXAMPLES).map(s -> s.vin() + " (" + (s.leaseId() == null ? "no lease" : s.leaseId()) + ")").collect(Collectors.joining(", "))));
    }
}
