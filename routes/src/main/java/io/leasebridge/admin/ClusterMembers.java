package io.leasebridge.admin;

import io.leasebridge.cluster.ClusterProperties;
import io.leasebridge.hub.ClusterNode;
import io.leasebridge.hub.ClusterNodes;
import org.springframework.stereotype.Service;

import java.time.Duration;

/** The cluster as the admin API and page show it. */
@Service
class ClusterMembers {

    private static final Duration RECENT = Duration.ofDays(1);

    private final ClusterNodes nodes;
    private final ClusterNode node;
    private final ClusterProperties properties;

    ClusterMembers(ClusterNodes nodes, ClusterNode node, ClusterProperties properties) {
        this.nodes = nodes;
        this.node = node;
        this.properties = properties;
    }

    ClusterView view() {
        return new ClusterView(node.id(), nodes.members(RECENT, properties.nodeSilentAfter()));
    }
}
