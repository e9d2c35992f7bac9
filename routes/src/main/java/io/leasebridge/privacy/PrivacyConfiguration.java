package io.leasebridge.privacy;

import org.springframework.boot.actuate.endpoint.SanitizingFunction;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The {@link PersonalDataMasker} for code that shows text to people (dead-letter reasons on the page and in the admin
 * API), and the rule that keeps secrets out of {@code /actuator/env} and {@code /actuator/configprops} whoever asks.
 */
@Configuration(proxyBeanMethods = false)
class PrivacyConfiguration {

    @Bean
    PersonalDataMasker personalDataMasker(PrivacyProperties properties) {
        return PersonalDataMasker.standard().withPersonalFields(properties.maskedFields());
    }

    @Bean
    SanitizingFunction secretsSanitizer(PersonalDataMasker masker) {
        return new SecretsSanitizer(masker);
    }
}
