package io.leasebridge.hub;

import java.time.Instant;

/** One recorded run of a flow, on the node that ran it. */
public record FlowRun(long id, String flow, String source, String status, Instant startedAt, Instant finishedAt,
                      RunCounts counts, String error, String node) {
}
