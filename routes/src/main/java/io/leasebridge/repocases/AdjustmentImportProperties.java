package io.leasebridge.repocases;

import jakarta.validation.constraints.NotBlank;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The file of lease adjustments (the deficiency or surplus a sold repossession leaves) LeaseBridge writes for LeaseWorks.
 *
 * @param endpoint   the Camel endpoint the file goes to, as for the vehicle import; a file is written again under its own
 *                   name when a crash kept LeaseBridge from recording it written, so the endpoint overwrites
 *                   ({@code fileExist=Override}) rather than refusing or appending
 * @param filePrefix the file is named {@code <prefix>-<yyyyMMdd-HHmmss>.csv}
 */
@Validated
@ConfigurationProperties("leasebridge.leaseworks.adjustment-import")
public record AdjustmentImportProperties(
        @DefaultValue("file:./data/leaseworks/outbox?tempPrefix=.inprogress-&fileExist=Override") @NotBlank String endpoint,
        @DefaultValue("repo-adjustments") @NotBlank String filePrefix) {
}
