package io.leasebridge.webhooks;

import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * What LeaseBridge accepts from a system that pushes to it.
 *
 * @param maxBody           the largest body a webhook reads; a larger one is refused (413) without being read
 * @param deadLetterExcerpt the most of a pushed record a dead letter keeps
 */
@Validated
@ConfigurationProperties("leasebridge.webhooks")
public record WebhookProperties(
        @DefaultValue("1MB") @NotNull DataSize maxBody,
        @DefaultValue("16KB") @NotNull DataSize deadLetterExcerpt) {

    public WebhookProperties {
        if (maxBody.toBytes() < 1 || maxBody.toBytes() > Integer.MAX_VALUE - 1) {
            throw new IllegalArgumentException("leasebridge.webhooks.max-body must be between 1B and 2GB, is " + maxBody);
        }
    }

    /** {@code text} cut to {@code dead-letter-excerpt} characters, saying how much was left out. */
    public String excerpt(String text) {
        long limit = deadLetterExcerpt.toBytes();
        if (text == null || text.length() <= limit) {
            return text;
        }
        return text.substring(0, (int) limit) + "... (" + (text.length() - limit) + " more characters not kept)";
    }
}
