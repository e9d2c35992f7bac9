package io.leasebridge.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.http.HttpMethod;
import org.springframework.security.access.hierarchicalroles.RoleHierarchy;
import org.springframework.security.access.hierarchicalroles.RoleHierarchyImpl;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.context.RequestAttributeSecurityContextRepository;

/**
 * Who may do what over HTTP. Two filter chains:
 * <ul>
 *   <li>{@code /api/**} and {@code /actuator/**}: HTTP Basic on every request, no session, no CSRF token (a client
 *       that sends credentials with each request cannot be tricked into a request by another site's page, and a
 *       browser session from the page is never accepted here); {@code /actuator/health} is open.</li>
 *   <li>everything else (the page): form login or HTTP Basic, a session, CSRF tokens on every form.</li>
 * </ul>
 * Either way GET needs VIEWER and every other method OPERATOR; an OPERATOR is also a VIEWER. Users come from
 * {@code leasebridge.security.users}; defining the {@link UserDetailsService} here keeps Spring Boot from inventing a
 * user with a generated password.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
class AdminSecurityConfiguration {

    private static final Logger log = LoggerFactory.getLogger(AdminSecurityConfiguration.class);
    static final String PRODUCTION = "production";

    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    @Bean
    UserDetailsService adminUsers(AdminUsersProperties properties, Environment environment, PasswordEncoder encoder) {
        InMemoryUserDetailsManager users = AdminUsers.of(properties, environment.matchesProfiles(PRODUCTION), encoder);
        if (properties.users().isEmpty()) {
            log.warn("{} is empty: every request to the admin API and page will be refused", AdminUsers.PROPERTY);
        } else {
            log.info("admin users from {}: {}", AdminUsers.PROPERTY, properties.users());
        }
        return users;
    }

    @Bean
    static RoleHierarchy roleHierarchy() {
        return RoleHierarchyImpl.withDefaultRolePrefix().role(Role.OPERATOR.name()).implies(Role.VIEWER.name()).build();
    }

    @Bean
    @Order(1)
    SecurityFilterChain api(HttpSecurity http, ObjectMapper json) throws Exception {
        JsonSecurityErrors errors = new JsonSecurityErrors(json);
        return http.securityMatcher("/api/**", "/actuator/**")
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers(HttpMethod.GET, "/actuator/health", "/actuator/health/**").permitAll()
                        .requestMatchers(HttpMethod.GET, "/api/**", "/actuator/**").hasRole(Role.VIEWER.name())
                        .anyRequest().hasRole(Role.OPERATOR.name()))
                .httpBasic(basic -> basic.realmName(JsonSecurityErrors.REALM).authenticationEntryPoint(errors))
                .exceptionHandling(exceptions -> exceptions.authenticationEntryPoint(errors).accessDeniedHandler(errors))
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .securityContext(context -> context.securityContextRepository(new RequestAttributeSecurityContextRepository()))
                .requestCache(AbstractHttpConfigurer::disable)
                .csrf(AbstractHttpConfigurer::disable)
                .build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain page(HttpSecurity http) throws Exception {
        return http
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers("/error").permitAll()
                        .requestMatchers(HttpMethod.GET, "/**").hasRole(Role.VIEWER.name())
                        .anyRequest().hasRole(Role.OPERATOR.name()))
                .formLogin(form -> form.permitAll())
                .logout(logout -> logout.permitAll())
                .httpBasic(basic -> basic.realmName(JsonSecurityErrors.REALM))
                .csrf(Customizer.withDefaults())
                .build();
    }
}
