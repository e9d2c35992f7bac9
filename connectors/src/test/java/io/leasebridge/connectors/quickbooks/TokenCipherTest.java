package io.leasebridge.connectors.quickbooks;

import org.junit.jupiter.api.Test;

import java.util.Base64;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TokenCipherTest {

    private static final String KEY = Base64.getEncoder().encodeToString("0123456789abcdef0123456789abcdef".getBytes());

    @Test
    void aTokenIsSealedWithAFreshNonceAndOpensOnlyWithItsKey() {
        TokenCipher cipher = new TokenCipher(KEY);
        String sealed = cipher.encrypt("AB11xyzRefreshToken");

        assertThat(sealed).doesNotContain("AB11xyzRefreshToken");
        assertThat(cipher.encrypt("AB11xyzRefreshToken")).isNotEqualTo(sealed);
        assertThat(cipher.decrypt(sealed)).isEqualTo("AB11xyzRefreshToken");
        TokenCipher other = new TokenCipher(Base64.getEncoder().encodeToString("fedcba9876543210fedcba9876543210".getBytes()));
        assertThatThrownBy(() -> other.decrypt(sealed)).hasMessageContaining("token-encryption-key");
    }

    @Test
    void aKeyOfTheWrongSizeIsRefusedNamingTheProperty() {
        assertThatThrownBy(() -> new TokenCipher(Base64.getEncoder().encodeToString("short".getBytes())))
                .hasMessageContaining("leasebridge.quickbooks.token-encryption-key");
    }
}
