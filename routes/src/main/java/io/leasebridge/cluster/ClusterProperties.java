package io.leasebridge.cluster;

import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import java.time.Duration;

/**
 * This node among the LeaseBridge instances that share one hub.
 *
 * @param nodeId            this node's name in runs and claims; empty: host name, process id and start time, which
 *                          differ at every start, so that a restarted node never mistakes the runs of its previous
 *                          process for its own
 * @param heartbeatInterval how often the node says it is alive (and looks for runs of nodes that stopped saying so)
 * @param nodeSilentAfter   a node silent this long is gone: its RUNNING runs are aborted
 * @param claimTimeout      how long a worker holds the outbox rows it claimed; longer than one delivery with all its
 *                          redeliveries, short enough that the rows of a dead worker are soon delivered by another
 */
@Validated
@ConfigurationProperties("leasebridge.cluster")
public record ClusterProperties(
        String nodeId,
        @DefaultValue("10s") @NotNull Duration heartbeatInterval,
        @DefaultValue("60s") @NotNull Duration nodeSilentAfter,
        @DefaultValue("5m") @NotNull Duration claimTimeout) {
}
