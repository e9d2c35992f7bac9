package io.leasebridge.flow;

import java.util.List;

/**
 * A RouteBuilder that carries flows says which: the registry collects them, and the schedule, the metrics, replay
 * and the admin API find them there. A new flow is its class and its routes; nothing else lists it.
 */
public interface FlowRoutes {

    List<Flow> flows();
}
