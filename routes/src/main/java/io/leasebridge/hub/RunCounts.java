package io.leasebridge.hub;

/** What one run of a flow did. */
public record RunCounts(long read, long changed, long sent, long failed, long quarantined, long apiCalls) {

    public static final RunCounts NONE = new RunCounts(0, 0, 0, 0, 0, 0);

    public RunCounts plus(RunCounts o) {
        return new RunCounts(read + o.read, changed + o.changed, sent + o.sent, failed + o.failed,
                quarantined + o.quarantined, apiCalls + o.apiCalls);
    }
}
