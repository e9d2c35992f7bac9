package io.leasebridge.hub;

/** This process among the nodes that share the hub: the name its runs and outbox claims carry. */
public record ClusterNode(String id, String host) {

    /** A node for stores used on their own (tests, commands) */
    public static final ClusterNode LOCAL = new ClusterNode("local", "localhost");
}
