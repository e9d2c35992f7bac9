package io.leasebridge.config;

import io.leasebridge.mapping.LeaseWorksMapping;
import io.leasebridge.mapping.MappingConfigException;
import org.apache.camel.processor.idempotent.jdbc.JdbcMessageIdRepository;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import javax.sql.DataSource;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
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
        Path file = properties.mappingFile();
        try (InputStream in = ShippedFile.open(file)) {
            return LeaseWorksMapping.read(in, file.toString());
        } catch (IOException e) {
            throw new MappingConfigException("cannot read field map " + file + ": " + e.getMessage(), e);
        }
    }

    /** Export files already processed, kept in the hub (Flyway creates the table). */
    @Bean
    JdbcMessageIdRepository leaseWorksFiles(DataSource dataSource) {
        JdbcMessageIdRepository repository = new JdbcMessageIdRepository(dataSource, "leaseworks-files");
        repository.setCreateTableIfNotExists(false);
        return repository;
    }
}
