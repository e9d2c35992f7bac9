package io.leasebridge.privacy;

import org.junit.jupiter.api.Test;
import org.springframework.boot.actuate.endpoint.SanitizableData;
import org.springframework.core.env.MapPropertySource;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class SecretsSanitizerTest {

    private final SecretsSanitizer sanitizer = new SecretsSanitizer(PersonalDataMasker.standard());
    private final MapPropertySource source = new MapPropertySource("test", Map.of());

    private Object sanitized(String key, Object value) {
        return sanitizer.apply(new SanitizableData(source, key, value)).getValue();
    }

    @Test
    void aPropertyNamingASecretIsHiddenWhateverItsValue() {
        assertThat(sanitized("camel.component.salesforce.password", "pw")).isEqualTo(SanitizableData.SANITIZED_VALUE);
        assertThat(sanitized("camel.component.salesforce.client-secret", "s")).isEqualTo(SanitizableData.SANITIZED_VALUE);
        assertThat(sanitized("SALESFORCE_CLIENT_SECRET", "s")).isEqualTo(SanitizableData.SANITIZED_VALUE);
        assertThat(sanitized("leasebridge.quickbooks.refresh-token", "t")).isEqualTo(SanitizableData.SANITIZED_VALUE);
        assertThat(sanitized("leasebridge.fleetrock.key", "k")).isEqualTo(SanitizableData.SANITIZED_VALUE);
        assertThat(sanitized("leasebridge.security.users[1].password-hash", "{bcrypt}$2a$10$x")).isEqualTo(SanitizableData.SANITIZED_VALUE);
    }

    @Test
    void otherValuesAreShownWithWhatTheyHideMasked() {
        assertThat(sanitized("camel.component.salesforce.client-id", "3MVG9x")).isEqualTo("3MVG9x");
        assertThat(sanitized("leasebridge.ledger.grace-days", 2)).isEqualTo(2);
        assertThat(sanitized("leasebridge.leaseworks.exports.accounts", "sftp://lessor:s3cret@sftp.example.com/exports?idempotentKey=x"))
                .isEqualTo("sftp://lessor:****@sftp.example.com/exports?idempotentKey=x");
        assertThat(sanitized("sun.java.command", "leasebridge.jar --camel.component.salesforce.password=pw --leasebridge.run-once=true"))
                .isEqualTo("leasebridge.jar --camel.component.salesforce.password=**** --leasebridge.run-once=true");
        assertThat(sanitized("camel.component.salesforce.password", null)).isNull();
    }
}
