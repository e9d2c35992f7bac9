package io.leasebridge.security;

import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;

/** The development users application.yml ships, signing in over HTTP Basic through the real filter chain. */
public final class DevelopmentUsers {

    public static final String VIEWER_PASSWORD = "viewer-dev";
    public static final String OPERATOR_PASSWORD = "operator-dev";

    private DevelopmentUsers() {
    }

    public static RequestPostProcessor viewer() {
        return httpBasic("viewer", VIEWER_PASSWORD);
    }

    public static RequestPostProcessor operator() {
        return httpBasic("operator", OPERATOR_PASSWORD);
    }
}
