package io.leasebridge.config;

import io.leasebridge.hub.sql.HubDatabase;
import io.leasebridge.ingest.IngestWriters;
import io.leasebridge.ingest.LeaseWorksProperties;
import io.leasebridge.mapping.LeaseWorksMapping;
import io.leasebridge.mapping.MappingConfigException;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

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
    IngestWriters ingestWriters(LeaseWorksProperties properties, JdbcTemplate jdbc) {
        return new IngestWriters(properties, HubDatabase.askedOnFirstUse(jdbc));
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
}
