package io.leasebridge.salesforce;

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
 * @param apiBudget         the percentage of the org's daily API requests (as {@code Sforce-Limit-Info} reports them,
 *                          every client of the org counted) past which the drain stops for the run, leaving the rest
 *                          to the org's users; records stay pending for a later run
 * @param bulk              Bulk API 2.0 for backlogs
 * @param concurrency       sObject Collections calls of one sObject in flight at once, below the Bulk threshold; calls
 *                          in flight never carry children of the same parent (Salesforce would lock it for each)
 */
@Validated
@ConfigurationProperties("leasebridge.salesforce")
public record SalesforceDeliveryProperties(
        @DefaultValue("200") @Min(1) @Max(200) int batchSize,
        @DefaultValue("5") @Min(1) int maxRecordAttempts,
        @DefaultValue @NotNull Retry retry,
        @DefaultValue("60") @Min(1) @Max(100) int apiBudget,
        @DefaultValue @NotNull Bulk bulk,
        @DefaultValue("4") @Min(1) @Max(10) int concurrency) {

    /**
     * @param threshold      pending records of one sObject above which the drain uses Bulk API 2.0 (one job per upload)
     *                       instead of sObject Collections; 0 never
     * @param maxUpload      rows per job: camel-salesforce holds one upload in memory, so this bounds the heap it takes
     * @param maxUploadBytes bytes of CSV per job, the other bound of one upload (Salesforce takes up to 150 MB)
     * @param pollInterval   the wait before an open job's state is read again; each next wait is twice as long
     * @param maxPollInterval the longest wait between two reads of an open job's state
     * @param jobTimeout     how long a job may take before the run leaves it (the next run resumes it)
     */
    public record Bulk(
            @DefaultValue("2000") @Min(0) int threshold,
            @DefaultValue("50000") @Min(1) int maxUpload,
            @DefaultValue("20000000") @Min(1000) long maxUploadBytes,
            @DefaultValue("2s") @NotNull Duration pollInterval,
            @DefaultValue("30s") @NotNull Duration maxPollInterval,
            @DefaultValue("30m") @NotNull Duration jobTimeout) {
    }

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
