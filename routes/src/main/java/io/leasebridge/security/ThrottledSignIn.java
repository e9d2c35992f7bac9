package io.leasebridge.security;

import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.CredentialsExpiredException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;

import java.time.Duration;

/**
 * Every sign-in, HTTP Basic or form: refused while {@link SignInThrottle} makes its user or address wait, whatever the
 * password; otherwise checked by Spring Security's own provider (bcrypt). In production a right password that the
 * {@link PasswordPolicy} calls weak is refused too: a bcrypt hash hides a password's length, a sign-in shows it.
 * Failures are counted by {@link SignInAudit}, which hears Spring Security's events.
 */
final class ThrottledSignIn implements AuthenticationProvider {

    private final AuthenticationProvider passwords;
    private final SignInThrottle throttle;
    private final PasswordPolicy policy;

    /** @param policy null outside production */
    ThrottledSignIn(AuthenticationProvider passwords, SignInThrottle throttle, PasswordPolicy policy) {
        this.passwords = passwords;
        this.throttle = throttle;
        this.policy = policy;
    }

    @Override
    public Authentication authenticate(Authentication attempt) throws AuthenticationException {
        Duration wait = throttle.waitFor(attempt.getName(), SignInAudit.address(attempt)).orElse(null);
        if (wait != null) {
            throw new LockedException("too many failed sign-ins: try again in " + Math.max(1, wait.toSeconds()) + " s");
        }
        Authentication signedIn = passwords.authenticate(attempt);
        if (policy != null && attempt.getCredentials() instanceof String password) {
            policy.weakness(password).ifPresent(weakness -> {
                throw new CredentialsExpiredException("the password of " + attempt.getName() + " is " + weakness
                        + ", refused by the production profile: give the user a new password-hash");
            });
        }
        return signedIn;
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }
}
