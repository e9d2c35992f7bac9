package io.leasebridge.privacy;

import org.springframework.boot.actuate.endpoint.SanitizableData;
import org.springframework.boot.actuate.endpoint.SanitizingFunction;

/**
 * Secrets stay hidden in {@code /actuator/env} and {@code /actuator/configprops} even for a user allowed to see
 * values ({@code management.endpoint.env.show-values=WHEN_AUTHORIZED} or {@code ALWAYS}): Spring Boot 3 hides every
 * value by default, but once values are shown it hides none unless a function like this one says so.
 *
 * <p>A property whose name names a secret ({@code camel.component.salesforce.password},
 * {@code leasebridge.quickbooks.client-secret}, {@code ...token}, {@code ...api-key}) is shown as {@code ******}; any
 * other text value is passed through the {@link PersonalDataMasker}, which catches a secret inside a longer value
 * ({@code sun.java.command} holding {@code --camel.component.salesforce.password=...}, a URL with a password).
 */
final class SecretsSanitizer implements SanitizingFunction {

    private final PersonalDataMasker masker;

    SecretsSanitizer(PersonalDataMasker masker) {
        this.masker = masker;
    }

    @Override
    public SanitizableData apply(SanitizableData data) {
        if (data.getValue() == null) {
            return data;
        }
        if (PersonalDataMasker.isSecretName(lastSegment(data.getKey()))) {
            return data.withSanitizedValue();
        }
        if (data.getValue() instanceof CharSequence text) {
            String masked = masker.mask(text.toString());
            return masked.contentEquals(text) ? data : data.withValue(masked);
        }
        return data;
    }

    /** {@code camel.component.salesforce.password} is judged by {@code password}, {@code my.key-store.type} by {@code type}. */
    private static String lastSegment(String key) {
        String k = key;
        if (k.endsWith("]")) {
            k = k.substring(0, k.lastIndexOf('[') < 0 ? k.length() : k.lastIndexOf('['));
        }
        int dot = k.lastIndexOf('.');
        return dot < 0 ? k : k.substring(dot + 1);
    }
}
