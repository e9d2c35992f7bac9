package io.leasebridge.agency;

import io.leasebridge.mapping.AgencyLayouts;
import io.leasebridge.config.ShippedFile;
import io.leasebridge.mapping.MappingConfigException;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;

@Configuration(proxyBeanMethods = false)
class AgencyConfiguration {

    @Bean
    AgencyLayouts agencyLayouts(AgencyProperties properties) {
        Path file = properties.layoutsFile();
        try (InputStream in = ShippedFile.open(file)) {
            return AgencyLayouts.read(in, file.toString());
        } catch (IOException e) {
            throw new MappingConfigException("cannot read the agency layouts " + file + ": " + e.getMessage(), e);
        }
    }
}
