package io.leasebridge.config;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import java.nio.file.Path;
import java.util.Map;

/**
 * Where LeaseWorks exports are picked up and how they are read.
 *
 * @param mappingFile the field map, {@code config/mappings/leaseworks.yml}
 * @param exports     export name (accounts, payments, notes) -> Camel endpoint URI it is read from; a
 *                    local folder by default, {@code sftp:} in many deployments
 * @param batchSize   rows written to the hub per transaction
 */
@Validated
@ConfigurationProperties("leasebridge.leaseworks")
public record LeaseWorksProperties(
        @NotNull Path mappingFile,
        @NotEmpty Map<String, String> exports,
        @DefaultValue("1000") @Min(1) int batchSize) {
}
