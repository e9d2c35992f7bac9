package io.leasebridge.flow;

import org.apache.camel.ProducerTemplate;
import org.springframework.stereotype.Component;

/** {@link RouteCalls} through Camel's ProducerTemplate. */
@Component
class CamelRouteCalls implements RouteCalls {

    private final ProducerTemplate producer;

    CamelRouteCalls(ProducerTemplate producer) {
        this.producer = producer;
    }

    @Override
    public void run(String endpoint) {
        producer.requestBody(endpoint, (Object) null);
    }

    @Override
    public <T> T request(String endpoint, Object body, Class<T> type) {
        return producer.requestBody(endpoint, body, type);
    }

    @Override
    public void start(String endpoint) {
        producer.asyncSendBody(endpoint, null);
    }
}
