package io.leasebridge.privacy;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.util.List;

/**
 * @param maskedFields personal fields to mask as {@code field=value} and in JSON, beyond
 *                     {@link PersonalDataMasker#DEFAULT_PERSONAL_FIELDS}: a deployment's own names for a person's
 *                     name or address ({@code Co-Lessee}, {@code Garaging Address}). Write them comma-separated,
 *                     as the log configuration reads the same property
 */
@ConfigurationProperties("leasebridge.privacy")
public record PrivacyProperties(@DefaultValue List<String> maskedFields) {
}
