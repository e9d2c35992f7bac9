package io.leasebridge.vehicles;

import jakarta.validation.constraints.NotBlank;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The vehicle import file LeaseBridge writes for LeaseWorks.
 *
 * @param endpoint the Camel endpoint the file goes to: a local folder by default, {@code sftp:} in many
 *                 deployments; {@code tempFileName} makes the write atomic (LeaseWorks never sees half a file)
 * @param filePrefix the file is named {@code <prefix>-<yyyyMMdd-HHmmss>.csv}
 */
@Validated
@ConfigurationProperties("leasebridge.leaseworks.vehicle-import")
public record VehicleImportProperties(
        @DefaultValue("file:./data/leaseworks/outbox?tempPrefix=.inprogress-&fileExist=Fail") @NotBlank String endpoint,
        @DefaultValue("vehicles") @NotBlank String filePrefix) {
}
