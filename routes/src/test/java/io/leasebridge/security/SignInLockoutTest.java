package io.leasebridge.security;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.leasebridge.LeaseBridgeApplication;
import io.leasebridge.salesforce.SalesforceWireMock;
import io.leasebridge.testing.TestProperties;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Guessing passwords: each failure is logged with user and address (never the password) and counted; after
 * {@code lock-after} failures the user is locked out from every address, and the address for every user, so that
 * even the right password is refused until {@code lock-for} has passed.
 */
@SpringBootTest(classes = LeaseBridgeApplication.class)
@AutoConfigureMockMvc
@ExtendWith(OutputCaptureExtension.class)
class SignInLockoutTest {

    private static final WireMockServer salesforce = SalesforceWireMock.start();
    private static final String ANNS_PASSWORD = "ledger-gravel-harbor-42";
    private static final String GUESSER = "198.51.100.7";

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        TestProperties.parked(registry, salesforce, "sign-in-lockout");
        String hash = PasswordEncoderFactories.createDelegatingPasswordEncoder().encode(ANNS_PASSWORD);
        registry.add("leasebridge.security.users[0].name", () -> "ann");
        registry.add("leasebridge.security.users[0].password-hash", () -> hash);
        registry.add("leasebridge.security.users[0].roles", () -> "VIEWER");
        registry.add("leasebridge.security.users[1].name", () -> "bob");
        registry.add("leasebridge.security.users[1].password-hash", () -> hash);
        registry.add("leasebridge.security.users[1].roles", () -> "VIEWER");
        registry.add("leasebridge.security.sign-in.slow-after", () -> "4");
        registry.add("leasebridge.security.sign-in.lock-after", () -> "4");
        registry.add("leasebridge.security.sign-in.lock-for", () -> "15m");
    }

    @Autowired
    MockMvc mvc;
    @Autowired
    MeterRegistry meters;

    @AfterAll
    static void stopSalesforce() {
        salesforce.stop();
    }

    @Test
    void afterLockAfterWrongPasswordsTheRightOneIsRefusedAndEveryFailureIsLoggedWithoutThePassword(CapturedOutput output)
            throws Exception {
        for (int guess = 0; guess < 4; guess++) {
            mvc.perform(get("/api/flows").with(httpBasic("ann", "guess-number-" + guess)).with(from(GUESSER)))
                    .andExpect(status().isUnauthorized());
        }

        mvc.perform(get("/api/flows").with(httpBasic("ann", ANNS_PASSWORD)).with(from(GUESSER)))
                .andExpect(status().isUnauthorized()).andExpect(jsonPath("$.error").value("unauthorized"));
        mvc.perform(get("/api/flows").with(httpBasic("ann", ANNS_PASSWORD)).with(from("203.0.113.9"))).andExpect(status().isUnauthorized());
        mvc.perform(get("/api/flows").with(httpBasic("bob", ANNS_PASSWORD)).with(from(GUESSER))).andExpect(status().isUnauthorized());
        mvc.perform(get("/api/flows").with(httpBasic("bob", ANNS_PASSWORD)).with(from("203.0.113.9")))
                .andExpect(status().isOk());

        assertThat(output.getAll())
                .contains("sign-in failed: user 'ann' from 198.51.100.7: wrong user name or password")
                .contains("sign-in refused: user 'ann' from 198.51.100.7: too many failed sign-ins: try again in")
                .contains("sign-in refused: user 'bob' from 198.51.100.7: too many failed sign-ins")
                .doesNotContain("guess-number-").doesNotContain(ANNS_PASSWORD);
        assertThat(meters.get(SignInAudit.METRIC).tag("reason", "bad_credentials").counter().count()).isEqualTo(4);
        assertThat(meters.get(SignInAudit.METRIC).tag("reason", "throttled").counter().count()).isEqualTo(3);
    }

    private static RequestPostProcessor from(String address) {
        return request -> {
            request.setRemoteAddr(address);
            return request;
        };
    }
}
