package io.leasebridge.config;

import io.leasebridge.mapping.LeaseWorksMapping;
import org.apache.camel.processor.idempotent.jdbc.JdbcMessageIdRepository;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import javax.sql.DataSource;
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

    /** Export files already processed, kept in the hub (Flyway creates the table). */
    @Bean
    JdbcMessageIdRepository leaseWorksFiles(DataSource dataSource) {
        JdbcMessageIdRepository repository = new JdbcMessageIdRepository(dataSource, "leaseworks-files");
        repository.setCreateTableIfNotExists(false);
        return repository;
    }
}
