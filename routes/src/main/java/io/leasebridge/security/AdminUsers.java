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
 * The users of {@code leasebridge.security.users}, checked before anyone can sign in: there is at least one, each hash
 * is a bcrypt hash, each name appears once, and in production none is the hash of a common password. Messages name
 * the property and the user, never a password or a hash.
 */
final class AdminUsers {

    static final String PROPERTY = "leasebridge.security.users";
    private static final String BCRYPT_ID = "{bcrypt}";
    private static final Pattern BCRYPT = Pattern.compile("\\$2[aby]?\\$\\d\\d\\$[./0-9A-Za-z]{53}");

    private AdminUsers() {
    }

    /** @param production the production profile's password policy; null outside production */
    static InMemoryUserDetailsManager of(AdminUsersProperties properties, PasswordPolicy production, PasswordEncoder encoder) {
        List<AdminUsersProperties.User> users = properties.users();
        if (users.isEmpty()) {
            throw new IllegalStateException(PROPERTY + " is empty: LeaseBridge does not serve its admin API and page without"
                    + " admin users. Add one (name, password-hash as {bcrypt}<hash>, roles VIEWER or OPERATOR), e.g. with the"
                    + " environment variables LEASEBRIDGE_SECURITY_USERS_0_NAME, LEASEBRIDGE_SECURITY_USERS_0_PASSWORD_HASH and"
                    + " LEASEBRIDGE_SECURITY_USERS_0_ROLES; make the hash with io.leasebridge.security.PasswordHashCommand"
                    + " (README, \"Admin users\"). Development users come with the dev profile (--spring.profiles.active=dev)");
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
            if (production != null && production.isCommon(user.passwordHash(), encoder)) {
                throw new IllegalStateException(where + " has a common password (one of security/common-passwords.txt,"
                        + " development passwords included), refused by the production profile: give the user a password of"
                        + " at least " + PasswordPolicy.MIN_LENGTH + " characters of its own and configure its new hash");
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
