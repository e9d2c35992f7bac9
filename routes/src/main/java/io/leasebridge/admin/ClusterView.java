package io.leasebridge.admin;

import io.leasebridge.hub.ClusterMember;

import java.util.List;

/** The nodes that work on this hub (those seen within the last day), and which of them answered this request. */
public record ClusterView(String thisNode, List<ClusterMember> members) {
}
