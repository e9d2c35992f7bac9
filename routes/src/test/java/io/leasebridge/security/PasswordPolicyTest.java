package io.leasebridge.security;

import org.junit.jupiter.api.Test;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;

import static org.assertj.core.api.Assertions.assertThat;

/** The production profile's idea of a weak admin password, with the shipped list of common ones. */
class PasswordPolicyTest {

    private final PasswordPolicy policy = PasswordPolicy.shipped();

    @Test
    void aPasswordShorterThanTwelveCharactersIsWeak() {
        assertThat(policy.weakness("Tr0ub4dor&3")).contains("shorter than 12 characters");
        assertThat(policy.weakness("password")).contains("shorter than 12 characters");
    }

    @Test
    void aListedPasswordIsWeakWhateverItsCaseAndLength() {
        assertThat(policy.weakness("Qwerty123456")).contains("a common password");
        assertThat(policy.weakness("PASSWORDPASSWORD")).contains("a common password");
    }

    @Test
    void aLongPasswordOfItsOwnIsNotWeak() {
        assertThat(policy.weakness("ledger-gravel-harbor-42")).isEmpty();
    }

    @Test
    void theDevelopmentPasswordsAreListed() {
        PasswordEncoder encoder = PasswordEncoderFactories.createDelegatingPasswordEncoder();
        assertThat(policy.isCommon(encoder.encode("viewer-dev"), encoder)).isTrue();
        assertThat(policy.isCommon(encoder.encode("operator-dev"), encoder)).isTrue();
        assertThat(policy.isCommon(encoder.encode("ledger-gravel-harbor-42"), encoder)).isFalse();
    }
}
