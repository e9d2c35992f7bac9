package io.leasebridge.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.leasebridge.webhooks.WebhookGuard;
import io.leasebridge.webhooks.WebhookProperties;
import io.leasebridge.webhooks.WebhookSecret;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;

/**
 * {@code /webhooks/**}: pushes from other systems. They carry no admin user, no session and no CSRF token: each
 * webhook's shared secret is checked from its header, and its body size limited, by the {@link WebhookGuard}, before
 * anything else reads the request. Ordered before the admin chains, which would otherwise claim the path.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
class WebhookSecurityConfiguration {

    static final String WEBHOOKS = "/webhooks/**";

    @Bean
    @Order(0)
    SecurityFilterChain webhooks(HttpSecurity http, ObjectProvider<WebhookSecret> secrets, WebhookProperties properties,
                                 ObjectMapper json) throws Exception {
        return http.securityMatcher(WEBHOOKS)
                .addFilterBefore(new WebhookGuard(secrets.orderedStream().toList(), properties, json), AuthorizationFilter.class)
                .authorizeHttpRequests(requests -> requests.anyRequest().permitAll())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(AbstractHttpConfigurer::disable)
                .csrf(AbstractHttpConfigurer::disable)
                .headers(BrowserHeaders.strict())
                .build();
    }
}
