package io.leasebridge.architecture.violations.connectors;

import io.leasebridge.architecture.violations.routes.SomeFlow;

/** Breaks "connectors know no routes": a connector that names a flow's route. */
public class ConnectorThatKnowsAFlow {

    public String caller() {
        return new SomeFlow().toString();
    }
}
