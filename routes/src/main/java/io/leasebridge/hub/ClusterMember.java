package io.leasebridge.hub;

import java.time.Instant;

/** A node that joined the hub, with its last heartbeat; {@code stoppedAt} once it left in good order. */
public record ClusterMember(String nodeId, String host, Instant startedAt, Instant heartbeatAt, Instant stoppedAt, boolean alive) {
}
