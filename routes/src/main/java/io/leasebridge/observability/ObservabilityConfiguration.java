package io.leasebridge.observability;

import io.leasebridge.ingest.LeaseWorksProperties;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class ObservabilityConfiguration {

    @Bean
    FlowMetrics flowMetrics(MeterRegistry registry, LeaseWorksProperties leaseWorks) {
        return new FlowMetrics(registry, leaseWorks);
    }
}
