package io.leasebridge.salesforce;

import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import java.time.Duration;
import java.time.Instant;

/**
 * How changes made in Salesforce are read: by SOQL on {@code SystemModstamp} from a watermark.
 *
 * @param overlap   how far before the watermark each read starts again: a record committed late with an
 *                  earlier SystemModstamp is still seen; what is seen twice is recognised and skipped
 * @param firstRead where a reader with no watermark yet starts
 */
@Validated
@ConfigurationProperties("leasebridge.salesforce.reads")
public record SalesforceReadProperties(
        @DefaultValue("PT5M") @NotNull Duration overlap,
        @DefaultValue("2000-01-01T00:00:00Z") @NotNull Instant firstRead) {
}
