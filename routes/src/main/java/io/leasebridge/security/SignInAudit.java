package io.leasebridge.security;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.security.authentication.event.AuthenticationFailureLockedEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

/**
 * Failed sign-ins as Spring Security reports them: one log line each with the user name and source address (never
 * the password), the counter {@code leasebridge_sign_in_failures_total{reason}}, and a wrong password counted by the
 * {@link SignInThrottle}. A refusal because of the throttle is logged and counted, not counted again as a guess.
 */
final class SignInAudit {

    static final String METRIC = "leasebridge.sign.in.failures";
    private static final Logger log = LoggerFactory.getLogger(SignInAudit.class);
    private static final int LONGEST_NAME = 64;

    private final SignInThrottle throttle;
    private final MeterRegistry registry;

    SignInAudit(SignInThrottle throttle, MeterRegistry registry) {
        this.throttle = throttle;
        this.registry = registry;
        for (String reason : new String[]{"bad_credentials", "throttled", "other"}) {
            counter(reason);
        }
    }

    @EventListener
    void failed(AbstractAuthenticationFailureEvent event) {
        Authentication attempt = event.getAuthentication();
        String user = printable(attempt.getName());
        String address = address(attempt);
        if (event instanceof AuthenticationFailureBadCredentialsEvent) {
            throttle.failed(attempt.getName(), address);
            log.warn("sign-in failed: user '{}' from {}: wrong user name or password", user, address);
            counter("bad_credentials").increment();
        } else if (event instanceof AuthenticationFailureLockedEvent) {
            log.warn("sign-in refused: user '{}' from {}: {}", user, address, event.getException().getMessage());
            counter("throttled").increment();
        } else {
            log.warn("sign-in refused: user '{}' from {}: {}", user, address, event.getException().getMessage());
            counter("other").increment();
        }
    }

    @EventListener
    void succeeded(AuthenticationSuccessEvent event) {
        throttle.succeeded(event.getAuthentication().getName());
    }

    /** The address the attempt came from, as the servlet container saw it (behind a proxy: forwarded, if trusted). */
    static String address(Authentication attempt) {
        return attempt.getDetails() instanceof WebAuthenticationDetails web && web.getRemoteAddress() != null
                ? web.getRemoteAddress() : "unknown";
    }

    private Counter counter(String reason) {
        return Counter.builder(METRIC).description("failed sign-ins to the admin API and page, by reason")
                .tag("reason", reason).register(registry);
    }

    /** A user name as typed, short and on one line: a log line must not be forged through it. */
    private static String printable(String name) {
        String flat = name == null ? "" : name.replaceAll("\\p{Cntrl}", "?");
        return flat.length() <= LONGEST_NAME ? flat : flat.substring(0, LONGEST_NAME) + "...";
    }
}
