package io.leasebridge.architecture.violations;

import org.apache.camel.ProducerTemplate;

/** Breaks "no ProducerTemplate outside adapters": a Camel sandwich, a bean calling back into a route. */
public class FlowWithProducerTemplate {

    private final ProducerTemplate producer;

    public FlowWithProducerTemplate(ProducerTemplate producer) {
        this.producer = producer;
    }

    public void send(Object body) {
        producer.sendBody("direct:fixture", body);
    }
}
