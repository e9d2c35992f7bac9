package io.leasebridge.security;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import java.time.Duration;

/**
 * How repeated failed sign-ins are slowed and then locked out, counted separately per user name and per source
 * address: a guesser of one user's password and a guesser of many users' passwords from one address are both stopped.
 *
 * @param slowAfter  failed sign-ins after which each further attempt must wait
 * @param firstDelay the wait after {@code slowAfter} failures; doubled by each further failure
 * @param lockAfter  failed sign-ins after which the user or address is locked out
 * @param lockFor    how long a lock-out lasts; a right password does not sign in meanwhile
 * @param window     failures further apart than this are not counted together
 */
@Validated
@ConfigurationProperties("leasebridge.security.sign-in")
public record SignInProperties(
        @DefaultValue("5") @Min(1) int slowAfter,
        @DefaultValue("1s") @NotNull Duration firstDelay,
        @DefaultValue("10") @Min(1) int lockAfter,
        @DefaultValue("15m") @NotNull Duration lockFor,
        @DefaultValue("15m") @NotNull Duration window) {

    public SignInProperties {
        if (lockAfter < slowAfter) {
            throw new IllegalArgumentException("leasebridge.security.sign-in.lock-after (" + lockAfter
                    + ") must not be below slow-after (" + slowAfter + ")");
        }
    }
}
