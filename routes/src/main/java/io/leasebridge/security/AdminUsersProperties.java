package io.leasebridge.security;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import java.util.List;
import java.util.Set;

/**
 * Who may sign in to the admin API and page: {@code leasebridge.security.users}, each with a name, a password hash in
 * the {@code {bcrypt}$2a$10$...} form and its roles. No password is ever held in clear.
 */
@Validated
@ConfigurationProperties("leasebridge.security")
public record AdminUsersProperties(@DefaultValue List<@Valid User> users) {

    /** @param passwordHash {@code {bcrypt}} followed by a bcrypt hash of the password */
    public record User(@NotBlank String name, @NotBlank String passwordHash, @NotEmpty Set<Role> roles) {

        /** Never the hash: a configuration dump or a log line must not carry it. */
        @Override
        public String toString() {
            return name + " " + roles;
        }
    }
}
