package io.leasebridge.observability;

import io.leasebridge.flow.FlowRegistry;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class ObservabilityConfiguration {

    @Bean
    FlowMetrics flowMetrics(MeterRegistry registry, ObjectProvider<FlowRegistry> flows) {
        return new FlowMetrics(registry, flows);
    }
}
