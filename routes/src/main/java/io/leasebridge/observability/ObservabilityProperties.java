package io.leasebridge.observability;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import java.time.Duration;

/**
 * How LeaseBridge judges the health of the systems it talks to.
 *
 * @param salesforceFailuresBeforeDown consecutive failed Salesforce calls (each redelivery is a call) after
 *                                     which Salesforce is reported DOWN
 * @param outboxDepthMaxAge            how long one count of the outbox serves scrapes before it is taken again
 */
@Validated
@ConfigurationProperties("leasebridge.observability")
public record ObservabilityProperties(
        @DefaultValue("3") @Min(1) int salesforceFailuresBeforeDown,
        @DefaultValue("5s") @NotNull Duration outboxDepthMaxAge) {
}
