package io.leasebridge.flow;

import org.springframework.stereotype.Component;

import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Every flow of this application, in the order its routes declare them (a RouteBuilder's flows stay in its order). */
@Component
public class FlowRegistry {

    private final Map<String, Flow> byId;

    public FlowRegistry(List<FlowRoutes> routes) {
        Map<String, Flow> flows = new LinkedHashMap<>();
        for (FlowRoutes builder : routes) {
            for (Flow flow : builder.flows()) {
                Flow other = flows.putIfAbsent(flow.id(), flow);
                if (other != null) {
                    throw new IllegalStateException("two flows are called " + flow.id() + ": " + other + " and " + flow);
                }
            }
        }
        this.byId = Collections.unmodifiableMap(flows);
    }

    /** Every flow, in declaration order. */
    public Collection<Flow> all() {
        return byId.values();
    }

    public Optional<Flow> find(String id) {
        return Optional.ofNullable(byId.get(id));
    }
}
