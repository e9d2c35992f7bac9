package io.leasebridge.calls;

import io.leasebridge.flow.Flow;
import io.leasebridge.flow.FlowRoutes;
import org.apache.camel.builder.RouteBuilder;
import org.springframework.stereotype.Component;

import java.util.List;

/** Reads call activity from Salesforce and brings the contact limits up to date, on its schedule or once in run-once. */
@Component
public class CallActivityRoutes extends RouteBuilder implements FlowRoutes {

    public static final String READ = "direct:" + CallActivityRead.FLOW;

    private final CallActivityRead calls;

    public CallActivityRoutes(CallActivityRead calls) {
        this.calls = calls;
    }

    @Override
    public List<Flow> flows() {
        return List.of(Flow.scheduled(CallActivityRead.FLOW, READ));
    }

    @Override
    public void configure() {
        from(READ).routeId(CallActivityRead.FLOW)
                .bean(calls, "read");
    }
}
