package io.leasebridge.architecture.violations;

import org.apache.camel.FluentProducerTemplate;

/** Breaks the adapter rule too: the Camel prefix alone makes no adapter outside a connectors package. */
public class CamelNamedOutsideConnectors {

    private final FluentProducerTemplate producer;

    public CamelNamedOutsideConnectors(FluentProducerTemplate producer) {
        this.producer = producer;
    }

    public Object request() {
        return producer.to("direct:fixture").request();
    }
}
