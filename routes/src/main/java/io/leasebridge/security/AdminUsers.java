package io.leasebridge.security;

import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The users of {@code leasebridge.security.users}, checked before anyone can sign in: each hash is a bcrypt hash, each
 * name appears once, and in production there is at least one user and none keeps a development password. Messages
 * name the property and the user, never a password or a hash.
 */
final class AdminUsers {

    static final String PROPERTY = "leasebridge.security.users";
    private static final String BCRYPT_ID = "{bcrypt}";
    private static final Pattern BCRYPT = Pattern.compile("\\$2[aby]?\\$\\d\\d\\$[./0-9A-Za-z]{53}");
    /** The passwords of the development users application.yml ships; documented, so never good enough for production. */
    private static final List<String> DEVELOPMENT_PASSWORDS = List.of("viewer-dev", "operator-dev");

    private AdminUsers() {
    }

    static InMemoryUserDetailsManager of(AdminUsersProperties properties, boolean production, PasswordEncoder encoder) {
        List<AdminUsersProperties.User> users = properties.users();
        if (production && users.isEmpty()) {
            throw new IllegalStateException(PROPERTY + " is empty: the production profile does not start without admin users."
                    + " Configure at least one (name, password-hash as {bcrypt}<hash>, roles VIEWER or OPERATOR), e.g. with"
                    + " LEASEBRIDGE_SECURITY_USERS_0_NAME, LEASEBRIDGE_SECURITY_USERS_0_PASSWORD_HASH and LEASEBRIDGE_SECURITY_USERS_0_ROLES");
        }
        Set<String> names = new HashSet<>();
        List<UserDetails> details = new ArrayList<>();
        for (int i = 0; i < users.size(); i++) {
            AdminUsersProperties.User user = users.get(i);
            String where = PROPERTY + "[" + i + "] (" + user.name() + ")";
            if (!names.add(user.name())) {
                throw new IllegalStateException(where + ": the name " + user.name() + " is configured twice");
            }
            if (!isBcrypt(user.passwordHash())) {
                throw new IllegalStateException(where + ".password-hash is not {bcrypt} followed by a bcrypt hash"
                        + " (a password in clear is never accepted; README, \"Admin users\", shows how to make one)");
            }
            if (production && DEVELOPMENT_PASSWORDS.stream().anyMatch(dev -> encoder.matches(dev, user.passwordHash()))) {
                throw new IllegalStateException(where + " is a development user shipped in application.yml, refused by the"
                        + " production profile: configure its own users in " + PROPERTY + ", each with a password of its own");
            }
            details.add(User.withUsername(user.name()).password(user.passwordHash())
                    .roles(user.roles().stream().map(Role::name).toArray(String[]::new)).build());
        }
        return new InMemoryUserDetailsManager(details);
    }

    static boolean isBcrypt(String hash) {
        return hash.startsWith(BCRYPT_ID) && BCRYPT.matcher(hash.substring(BCRYPT_ID.length())).matches();
    }
}
