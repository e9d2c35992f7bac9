package io.leasebridge.security;

import org.junit.jupiter.api.Test;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;

import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** leasebridge.security.users checked before anyone signs in; messages name the user, never a password or hash. */
class AdminUsersTest {

    private static final PasswordEncoder encoder = PasswordEncoderFactories.createDelegatingPasswordEncoder();
    private static final String ANNS_HASH = encoder.encode("correct horse battery staple");
    private static final PasswordPolicy production = PasswordPolicy.shipped();

    @Test
    void eachUserSignsInWithItsPasswordAndHasItsRoles() {
        InMemoryUserDetailsManager users = AdminUsers.of(properties(user("ann", ANNS_HASH, Role.OPERATOR),
                user("bob", encoder.encode("bobs own passphrase"), Role.VIEWER)), production, encoder);

        assertThat(encoder.matches("correct horse battery staple", users.loadUserByUsername("ann").getPassword())).isTrue();
        assertThat(users.loadUserByUsername("ann").getAuthorities()).extracting(GrantedAuthority::getAuthority)
                .containsExactly("ROLE_OPERATOR");
        assertThat(users.loadUserByUsername("bob").getAuthorities()).extracting(GrantedAuthority::getAuthority)
                .containsExactly("ROLE_VIEWER");
    }

    @Test
    void noUsersInAnyProfileRefusesToStartSayingHowToAddOne() {
        for (PasswordPolicy policy : new PasswordPolicy[]{production, null}) {
            assertThatThrownBy(() -> AdminUsers.of(properties(), policy, encoder))
                    .hasMessageContaining("leasebridge.security.users is empty")
                    .hasMessageContaining("LEASEBRIDGE_SECURITY_USERS_0_PASSWORD_HASH")
                    .hasMessageContaining("PasswordHashCommand");
        }
    }

    @Test
    void productionRefusesTheHashOfACommonOrADevelopmentPassword() {
        for (String common : new String[]{"password", "operator-dev"}) {
            assertThatThrownBy(() -> AdminUsers.of(properties(user("ops", encoder.encode(common), Role.OPERATOR)), production, encoder))
                    .as(common)
                    .hasMessageContaining("leasebridge.security.users[0] (ops) has a common password")
                    .hasMessageContaining("refused by the production profile")
                    .message().doesNotContain("$2a$");
        }
    }

    @Test
    void outsideProductionACommonPasswordIsAccepted() {
        assertThat(AdminUsers.of(properties(user("dev", encoder.encode("operator-dev"), Role.OPERATOR)), null, encoder)
                .userExists("dev")).isTrue();
    }

    @Test
    void aPasswordInClearIsRefusedWithoutRepeatingIt() {
        assertThatThrownBy(() -> AdminUsers.of(properties(user("ann", "plain-s3cret", Role.VIEWER)), null, encoder))
                .hasMessageContaining("leasebridge.security.users[0] (ann).password-hash is not {bcrypt}")
                .message().doesNotContain("plain-s3cret");
        assertThatThrownBy(() -> AdminUsers.of(properties(user("ann", "{noop}plain-s3cret", Role.VIEWER)), null, encoder))
                .message().doesNotContain("plain-s3cret");
        assertThatThrownBy(() -> AdminUsers.of(properties(user("ann", ANNS_HASH.substring("{bcrypt}".length()), Role.VIEWER)), null,
                encoder)).hasMessageContaining("is not {bcrypt}");
    }

    @Test
    void aNameConfiguredTwiceIsRefused() {
        assertThatThrownBy(() -> AdminUsers.of(properties(user("ann", ANNS_HASH, Role.VIEWER), user("ann", ANNS_HASH, Role.OPERATOR)),
                null, encoder)).hasMessageContaining("leasebridge.security.users[1] (ann): the name ann is configured twice");
    }

    @Test
    void aUserPrintsWithoutItsHash() {
        assertThat(user("ann", ANNS_HASH, Role.VIEWER).toString()).isEqualTo("ann [VIEWER]").doesNotContain("$2a$");
    }

    private static AdminUsersProperties properties(AdminUsersProperties.User... users) {
        return new AdminUsersProperties(List.of(users));
    }

    private static AdminUsersProperties.User user(String name, String hash, Role role) {
        return new AdminUsersProperties.User(name, hash, Set.of(role));
    }
}
