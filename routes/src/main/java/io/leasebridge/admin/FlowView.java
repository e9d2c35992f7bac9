package io.leasebridge.admin;

import io.leasebridge.hub.FlowRun;

import java.util.List;

/**
 * A flow as operators see it.
 *
 * @param status  {@code started} (runs on its schedule), {@code paused} (its routes suspended: no schedule fires, no
 *                poll runs), {@code stopped}, or {@code partly started} while routes disagree
 * @param routes  its Camel routes: the schedule, the flow itself, the ingest route of an export
 * @param trigger what {@code POST /api/flows/{flow}/trigger} does for it
 * @param lastRun its newest run; null when it never ran
 */
public record FlowView(String name, String status, List<RouteState> routes, String trigger, FlowRun lastRun) {

    public FlowView {
        routes = List.copyOf(routes);
    }

    /** @param status Camel's route status: Started, Suspended, Stopped, ... */
    public record RouteState(String id, String status) {
    }
}
