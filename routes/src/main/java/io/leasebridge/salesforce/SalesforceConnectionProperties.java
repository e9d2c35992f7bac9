package io.leasebridge.salesforce;

import jakarta.validation.constraints.NotBlank;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * The org camel-salesforce connects to, checked at start-up so that a missing value stops LeaseBridge
 * with the property's name instead of a login failure later. camel-salesforce itself reads the same keys.
 */
@Validated
@ConfigurationProperties("camel.component.salesforce")
public record SalesforceConnectionProperties(
        @NotBlank String loginUrl,
        @NotBlank String clientId,
        @NotBlank String apiVersion) {
}
