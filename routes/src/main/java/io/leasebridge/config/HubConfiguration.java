package io.leasebridge.config;

import io.leasebridge.mapping.LeaseWorksMapping;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Clock;

@Configuration(proxyBeanMethods = false)
class HubConfiguration {

    @Bean
    @ConditionalOnMissingBean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    LeaseWorksMapping leaseWorksMapping(LeaseWorksProperties properties) {
        return LeaseWorksMapping.load(properties.mappingFile());
    }
}
