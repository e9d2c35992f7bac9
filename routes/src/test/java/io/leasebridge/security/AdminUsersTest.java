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

    @Test
    void eachUserSignsInWithItsPasswordAndHasItsRoles() {
        InMemoryUserDetailsManager users = AdminUsers.of(properties(user("ann", ANNS_HASH, Role.OPERATOR),
                user("bob", encoder.encode("bobs own"), Role.VIEWER)), true, encoder);

        assertThat(encoder.matches("correct horse battery staple", users.loadUserByUsername("ann").getPassword())).isTrue();
        assertThat(users.loadUserByUsername("ann").getAuthorities()).extracting(GrantedAuthority::getAuthority)
                .containsExactly("ROLE_OPERATOR");
        assertThat(users.loadUserByUsername("bob").getAuthorities()).extracting(GrantedAuthority::getAuthority)
                .containsExactly("ROLE_VIEWER");
    }

    @Test
    void productionRefusesNoUsersNamingTheProperty() {
        assertThatThrownBy(() -> AdminUsers.of(properties(), true, encoder))
                .hasMessageContaining("leasebridge.security.users is empty");
    }

    @Test
    void withoutProductionNoUsersIsAllowedAndLetsNobodyIn() {
        assertThat(AdminUsers.of(properties(), false, encoder).userExists("viewer")).isFalse();
    }

    @Test
    void productionRefusesADevelopmentPassword() {
        assertThatThrownBy(() -> AdminUsers.of(properties(user("ops", encoder.encode("operator-dev"), Role.OPERATOR)), true, encoder))
                .hasMessageContaining("leasebridge.security.users[0] (ops) is a development user shipped in application.yml, refused by the production profile");
    }

    @Test
    void aPasswordInClearIsRefusedWithoutRepeatingIt() {
        assertThatThrownBy(() -> AdminUsers.of(properties(user("ann", "plain-s3cret", Role.VIEWER)), false, encoder))
                .hasMessageContaining("leasebridge.security.users[0] (ann).password-hash is not {bcrypt}")
                .message().doesNotContain("plain-s3cret");
        assertThatThrownBy(() -> AdminUsers.of(properties(user("ann", "{noop}plain-s3cret", Role.VIEWER)), false, encoder))
                .message().doesNotContain("plain-s3cret");
        assertThatThrownBy(() -> AdminUsers.of(properties(user("ann", ANNS_HASH.substring("{bcrypt}".length()), Role.VIEWER)), false,
                encoder)).hasMessageContaining("is not {bcrypt}");
    }

    @Test
    void aNameConfiguredTwiceIsRefused() {
        assertThatThrownBy(() -> AdminUsers.of(properties(user("ann", ANNS_HASH, Role.VIEWER), user("ann", ANNS_HASH, Role.OPERATOR)),
                false, encoder)).hasMessageContaining("leasebridge.security.users[1] (ann): the name ann is configured twice");
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
