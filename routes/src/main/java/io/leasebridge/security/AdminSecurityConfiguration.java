package io.leasebridge.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.MeterRegistry;
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
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.context.RequestAttributeSecurityContextRepository;

import java.time.Clock;

/**
 * Who may do what over HTTP. Two filter chains:
 * <ul>
 *   <li>{@code /api/**} and {@code /actuator/**}: the {@code Authorization: Basic} header on every request, no session,
 *       no CSRF token, and no Basic challenge that would make a browser keep credentials; a call that changes
 *       something is refused when a browser says another site's page sent it ({@link CrossSiteRefusal});
 *       {@code /actuator/health} and its probes are open.</li>
 *   <li>everything else (the page): form login, a session cookie ({@code SameSite=Strict}), CSRF tokens on every
 *       form.</li>
 * </ul>
 * Either way GET needs VIEWER and every other method OPERATOR; an OPERATOR is also a VIEWER. Users come from
 * {@code leasebridge.security.users}; every sign-in passes {@link ThrottledSignIn}. Defining the
 * {@link UserDetailsService} here keeps Spring Boot from inventing a user with a generated password.
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
        InMemoryUserDetailsManager users = AdminUsers.of(properties, productionPolicy(environment), encoder);
        log.info("admin users from {}: {}", AdminUsers.PROPERTY, properties.users());
        return users;
    }

    @Bean
    SignInThrottle signInThrottle(SignInProperties properties, Clock clock) {
        return new SignInThrottle(properties, clock);
    }

    @Bean
    SignInAudit signInAudit(SignInThrottle throttle, MeterRegistry registry) {
        return new SignInAudit(throttle, registry);
    }

    @Bean
    AuthenticationProvider adminSignIn(UserDetailsService adminUsers, PasswordEncoder encoder, SignInThrottle throttle,
                                       Environment environment) {
        DaoAuthenticationProvider passwords = new DaoAuthenticationProvider(adminUsers);
        passwords.setPasswordEncoder(encoder);
        return new ThrottledSignIn(passwords, throttle, productionPolicy(environment));
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
                .addFilterBefore(new CrossSiteRefusal(errors), BasicAuthenticationFilter.class)
                .httpBasic(basic -> basic.authenticationEntryPoint(errors))
                .exceptionHandling(exceptions -> exceptions.authenticationEntryPoint(errors).accessDeniedHandler(errors))
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .securityContext(context -> context.securityContextRepository(new RequestAttributeSecurityContextRepository()))
                .requestCache(AbstractHttpConfigurer::disable)
                .csrf(AbstractHttpConfigurer::disable)
                .headers(BrowserHeaders.strict())
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
                .csrf(Customizer.withDefaults())
                .headers(BrowserHeaders.strict())
                .build();
    }

    /** The production profile's password policy; null in any other profile. */
    private static PasswordPolicy productionPolicy(Environment environment) {
        return environment.matchesProfiles(PRODUCTION) ? PasswordPolicy.shipped() : null;
    }
}
