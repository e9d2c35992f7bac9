package io.leasebridge.config;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import java.time.Duration;

/**
 * How the Salesforce outbox is drained.
 *
 * @param batchSize         records per sObject Collections call; Salesforce takes at most 200
 * @param maxRecordAttempts deliveries tried for a record that keeps failing with a retryable error
 *                          (row lock, limit) before it goes to dead letters
 * @param retry             how a failed call is redelivered (5xx, lock, limit, network)
 */
@Validated
@ConfigurationProperties("leasebridge.salesforce")
public record SalesforceDeliveryProperties(
        @DefaultValue("200") @Min(1) @Max(200) int batchSize,
        @DefaultValue("5") @Min(1) int maxRecordAttempts,
        @DefaultValue @NotNull Retry retry) {

    /**
     * @param maxRedeliveries redeliveries of one call after the first attempt
     * @param initialDelay    wait before the first redelivery; doubles each time
     * @param maxDelay        the longest wait between redeliveries
     */
    public record Retry(
            @DefaultValue("5") @Min(0) int maxRedeliveries,
            @DefaultValue("1s") @NotNull Duration initialDelay,
            @DefaultValue("60s") @NotNull Duration maxDelay) {
    }
}
