package io.leasebridge.security;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.leasebridge.LeaseBridgeApplication;
import io.leasebridge.hub.CanonicalTables;
import io.leasebridge.hub.DeadLetter;
import io.leasebridge.hub.DeadLetters;
import io.leasebridge.hub.HubStore;
import io.leasebridge.model.LeaseAccount;
import io.leasebridge.salesforce.SalesforceWireMock;
import io.leasebridge.testing.HubTables;
import io.leasebridge.testing.TestProperties;
import org.apache.camel.CamelContext;
import org.apache.camel.ServiceStatus;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Every admin endpoint with each kind of caller: nobody (401, no Basic challenge), a viewer (reads, 403 on every
 * change), an operator (changes, unless a browser says another site sent them); health open; the page's form login
 * with CSRF; an API that never takes a browser session; the headers that keep a browser strict.
 */
@SpringBootTest(classes = LeaseBridgeApplication.class)
@AutoConfigureMockMvc
class AdminSecurityTest {

    private static final WireMockServer salesforce = SalesforceWireMock.start();
    private static final String FLOW = "promise-judgement";

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        TestProperties.parked(registry, salesforce, "admin-security");
        registry.add("leasebridge.leaseworks.inbox", () -> System.getProperty("java.io.tmpdir") + "/leasebridge-admin-security-inbox");
    }

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    DeadLetters deadLetters;
    @Autowired
    HubStore hub;
    @Autowired
    CamelContext camel;
    @Autowired
    ApplicationContext context;

    private static long deadLetterId;

    @AfterAll
    static void stopSalesforce() {
        salesforce.stop();
    }

    @BeforeEach
    void oneLeaseAndOneDeadLetter() {
        HubTables.clear(jdbc);
        hub.upsert(CanonicalTables.LEASE, List.of(new LeaseAccount("L-1", "C-1", "ACTIVE", LocalDate.of(2026, 12, 1), 33,
                new BigDecimal("120.00"), new BigDecimal("25.00"), new BigDecimal("9000.00"), 12, null, null, "jdoe", null, null, null, null, null)));
        deadLetters.record(List.of(new DeadLetter("leaseworks-notes", "notes file", "notes_1.csv", "notes_1.csv", 0L, null,
                "UNREADABLE_EXPORT", "no header row", null)), 0);
        deadLetterId = jdbc.queryForObject("select id from dead_letter", Long.class);
    }

    static List<String> reads() {
        return List.of("/api/flows", "/api/runs", "/api/runs?flow=promise-judgement&status=SUCCEEDED&page=0&size=10",
                "/api/dead-letters", "/api/dead-letters?flow=leaseworks-notes&status=OPEN", "/api/dead-letters/{id}",
                "/api/accounts/L-1", "/api/kpis", "/actuator");
    }

    static List<String> changes() {
        return List.of("/api/dead-letters/{id}/replay", "/api/dead-letters/replay?flow=leaseworks-notes&status=OPEN",
                "/api/flows/" + FLOW + "/trigger", "/api/flows/" + FLOW + "/pause", "/api/flows/" + FLOW + "/resume");
    }

    @ParameterizedTest
    @MethodSource({"reads", "changes"})
    void withoutLoginEveryEndpointAnswers401WithoutABasicChallengeABrowserWouldRemember(String path) throws Exception {
        boolean read = reads().contains(path);
        mvc.perform(read ? get(path, deadLetterId) : post(path, deadLetterId))
                .andExpect(status().isUnauthorized())
                .andExpect(header().doesNotExist(HttpHeaders.WWW_AUTHENTICATE))
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_JSON))
                .andExpect(jsonPath("$.error").value("unauthorized"))
                .andExpect(jsonPath("$.detail").isNotEmpty());
    }

    @ParameterizedTest
    @MethodSource("reads")
    void aViewerReadsEverything(String path) throws Exception {
        mvc.perform(get(path, deadLetterId).with(DevelopmentUsers.viewer())).andExpect(status().isOk());
    }

    @ParameterizedTest
    @MethodSource("changes")
    void aViewerChangesNothing(String path) throws Exception {
        mvc.perform(post(path, deadLetterId).with(DevelopmentUsers.viewer()))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.error").value("forbidden"))
                .andExpect(jsonPath("$.detail").value("POST " + path.replace("{id}", String.valueOf(deadLetterId)).replaceAll("\\?.*", "")
                        + " needs the OPERATOR role"));

        assertThat(camel.getRouteController().getRouteStatus(FLOW)).isEqualTo(ServiceStatus.Started);
        assertThat(jdbc.queryForObject("select attempts from dead_letter where id = ?", Integer.class, deadLetterId)).isEqualTo(1);
    }

    @ParameterizedTest
    @MethodSource("changes")
    void anOperatorChangesWithoutACsrfToken(String path) throws Exception {
        mvc.perform(post(path, deadLetterId).with(DevelopmentUsers.operator()))
                .andExpect(result -> assertThat(result.getResponse().getStatus()).as(path).isIn(200, 202));
        if (path.endsWith("/trigger")) {
            org.awaitility.Awaitility.await().until(() -> HubTables.count(jdbc,
                    "select count(*) from flow_run where flow = ? and status = 'SUCCEEDED'", FLOW) == 1);
        }
        mvc.perform(post("/api/flows/" + FLOW + "/resume").with(DevelopmentUsers.operator())).andExpect(status().isOk());
    }

    @ParameterizedTest
    @MethodSource("changes")
    void aChangeABrowserSendsFromAnotherSitesPageIsRefusedEvenWithCachedCredentials(String path) throws Exception {
        mvc.perform(post(path, deadLetterId).with(DevelopmentUsers.operator()).header(HttpHeaders.ORIGIN, "https://attacker.example"))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.error").value("forbidden"))
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("refused from another site's page")));
        mvc.perform(post(path, deadLetterId).with(DevelopmentUsers.operator()).header("Sec-Fetch-Site", "cross-site"))
                .andExpect(status().isForbidden());
        mvc.perform(post(path, deadLetterId).with(DevelopmentUsers.operator()).header(HttpHeaders.ORIGIN, "null"))
                .andExpect(status().isForbidden());

        assertThat(camel.getRouteController().getRouteStatus(FLOW)).isEqualTo(ServiceStatus.Started);
        assertThat(jdbc.queryForObject("select attempts from dead_letter where id = ?", Integer.class, deadLetterId)).isEqualTo(1);
        assertThat(HubTables.count(jdbc, "select count(*) from flow_run where flow = ?", FLOW)).isZero();
    }

    @Test
    void aChangeFromLeaseBridgesOwnOriginOrFromCurlIsServed() throws Exception {
        mvc.perform(post("/api/flows/" + FLOW + "/pause").with(DevelopmentUsers.operator())
                        .header(HttpHeaders.ORIGIN, "http://localhost").header("Sec-Fetch-Site", "same-origin"))
                .andExpect(status().isOk());
        mvc.perform(post("/api/flows/" + FLOW + "/resume").with(DevelopmentUsers.operator())).andExpect(status().isOk());
        mvc.perform(get("/api/flows").with(DevelopmentUsers.viewer()).header(HttpHeaders.ORIGIN, "https://attacker.example"))
                .andExpect(status().isOk());
    }

    @ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(strings = {"/api/flows", "/login", "/", "/actuator/health"})
    void everyAnswerCarriesAStrictContentSecurityPolicyAndReferrerPolicy(String path) throws Exception {
        mvc.perform(get(path).with(DevelopmentUsers.viewer()).accept(MediaType.TEXT_HTML, MediaType.APPLICATION_JSON))
                .andExpect(header().string("Content-Security-Policy", org.hamcrest.Matchers.startsWith("default-src 'self'")))
                .andExpect(header().string("Content-Security-Policy", org.hamcrest.Matchers.containsString("frame-ancestors 'none'")))
                .andExpect(header().string("Referrer-Policy", "same-origin"))
                .andExpect(header().string("X-Content-Type-Options", "nosniff"))
                .andExpect(header().string("X-Frame-Options", "DENY"));
    }

    @Test
    void anOperatorAlsoReads() throws Exception {
        mvc.perform(get("/api/flows").with(DevelopmentUsers.operator())).andExpect(status().isOk());
    }

    @Test
    void aWrongPasswordOrAnUnknownUserIs401() throws Exception {
        mvc.perform(get("/api/flows").with(httpBasic("viewer", "operator-dev"))).andExpect(status().isUnauthorized())
                .andExpect(jsonPath("$.error").value("unauthorized"));
        mvc.perform(get("/api/flows").with(httpBasic("admin", "admin"))).andExpect(status().isUnauthorized());
    }

    @Test
    void healthIsOpenTheRestOfActuatorIsNot() throws Exception {
        mvc.perform(get("/actuator/health"))
                .andExpect(result -> assertThat(result.getResponse().getStatus()).as("open, UP (200) or DOWN (503)").isIn(200, 503))
                .andExpect(jsonPath("$.status").isNotEmpty());
        mvc.perform(get("/actuator")).andExpect(status().isUnauthorized());
        mvc.perform(post("/actuator/health")).andExpect(status().isUnauthorized());
    }

    @Test
    void theApiKeepsNoSessionAndTakesNoBrowserSession() throws Exception {
        MvcResult basic = mvc.perform(get("/api/flows").with(DevelopmentUsers.operator())).andExpect(status().isOk()).andReturn();
        assertThat(basic.getRequest().getSession(false)).isNull();
        assertThat(basic.getResponse().getHeader(HttpHeaders.SET_COOKIE)).isNull();

        MockHttpSession signedIn = (MockHttpSession) mvc.perform(formLogin().user("operator").password("operator-dev"))
                .andExpect(status().is3xxRedirection()).andReturn().getRequest().getSession(false);
        assertThat(signedIn).isNotNull();
        mvc.perform(get("/api/flows").session(signedIn)).andExpect(status().isUnauthorized());
        mvc.perform(post("/api/flows/" + FLOW + "/pause").session(signedIn).with(csrf())).andExpect(status().isUnauthorized());
        assertThat(camel.getRouteController().getRouteStatus(FLOW)).isEqualTo(ServiceStatus.Started);
    }

    @Test
    void thePageSignsInWithAFormThatCarriesACsrfToken() throws Exception {
        mvc.perform(get("/login")).andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("name=\"_csrf\"")));
        mvc.perform(page(get("/"))).andExpect(status().is3xxRedirection()).andExpect(redirectedUrl("http://localhost/login"));
        mvc.perform(post("/login").param("username", "viewer").param("password", "viewer-dev"))
                .andExpect(status().isForbidden());
        mvc.perform(formLogin().user("viewer").password("wrong")).andExpect(redirectedUrl("/login?error"));
        mvc.perform(formLogin().user("viewer").password("viewer-dev")).andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrl("/"));
    }

    @Test
    void usersComeFromConfigurationOnlySoNoPasswordIsEverGenerated() {
        assertThat(context.getBeanNamesForType(UserDetailsService.class)).containsExactly("adminUsers");
        assertThat(context.getBeanNamesForType(org.springframework.security.provisioning.InMemoryUserDetailsManager.class))
                .containsExactly("adminUsers");
    }

    private static MockHttpServletRequestBuilder page(MockHttpServletRequestBuilder request) {
        return request.accept(MediaType.TEXT_HTML);
    }
}
