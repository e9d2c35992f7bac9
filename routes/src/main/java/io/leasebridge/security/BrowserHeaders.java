package io.leasebridge.security;

import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.HeadersConfigurer;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;

/**
 * The headers every answer carries, on top of Spring Security's defaults (no sniffing, no caching, HSTS over TLS):
 * a Content-Security-Policy that lets the page load only from LeaseBridge itself and be framed by nobody, and a
 * Referrer-Policy that keeps LeaseBridge's URLs (lease ids in them) from other sites.
 */
final class BrowserHeaders {

    static final String CONTENT_SECURITY_POLICY =
            "default-src 'self'; frame-ancestors 'none'; form-action 'self'; base-uri 'self'; object-src 'none'";

    private BrowserHeaders() {
    }

    static Customizer<HeadersConfigurer<HttpSecurity>> strict() {
        return headers -> headers
                .contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
                .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.SAME_ORIGIN))
                .frameOptions(HeadersConfigurer.FrameOptionsConfig::deny);
    }
}
