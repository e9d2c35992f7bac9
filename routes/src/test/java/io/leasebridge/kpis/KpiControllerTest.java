package io.leasebridge.kpis;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import io.leasebridge.LeaseBridgeApplication;
import io.leasebridge.salesforce.SalesforceWireMock;
import io.leasebridge.testing.TestProperties;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.json.JsonCompareMode;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** GET /api/kpis in the serving application: the report as of the day asked, or as of today where the lessor is. */
@SpringBootTest(classes = LeaseBridgeApplication.class)
@Import(KpiControllerTest.EveningOfMarch31InChicago.class)
@AutoConfigureMockMvc
class KpiControllerTest {

    private static final WireMockServer salesforce = SalesforceWireMock.start();
    /** The development viewer application.yml ships: reading KPIs needs no more. */
    private static final RequestPostProcessor VIEWER = httpBasic("viewer", "viewer-dev");

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        TestProperties.parked(registry, salesforce, "kpis-api");
        registry.add("leasebridge.leaseworks.inbox", () -> System.getProperty("java.io.tmpdir") + "/leasebridge-kpis-inbox");
    }

    /** 03:00 UTC on April 1st is still March 31st in Chicago, the ledger's zone. */
    @TestConfiguration
    static class EveningOfMarch31InChicago {
        @Bean
        @Primary
        Clock eveningOfMarch31() {
            return Clock.fixed(Instant.parse("2026-04-01T03:00:00Z"), ZoneOffset.UTC);
        }
    }

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    ObjectMapper json;

    @AfterAll
    static void stopSalesforce() {
        salesforce.stop();
    }

    @BeforeEach
    void handMadePortfolio() {
        jdbc.update("delete from promise");
        jdbc.update("delete from lease_dpd_history");
        jdbc.update("delete from lease_account");
        CollectionsKpisContract.handMade().insertInto(jdbc);
    }

    @Test
    void answersWithBucketsRollRatesAndKeptRatesAsOfTheDayAsked() throws Exception {
        LocalDate march14 = LocalDate.of(2026, 3, 14);
        String recomputed = json.writeValueAsString(KpiReference.compute(CollectionsKpisContract.handMade(), march14));

        mvc.perform(get("/api/kpis").param("asOf", "2026-03-14").with(VIEWER))
                .andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_JSON))
                .andExpect(content().json(recomputed, JsonCompareMode.STRICT))
                .andExpect(jsonPath("$.asOf").value("2026-03-14"))
                .andExpect(jsonPath("$.promiseKeptRate.total.judged").value(6))
                .andExpect(jsonPath("$.promiseKeptRate.total.fullyKeptRate").value(0.5))
                .andExpect(jsonPath("$.promiseKeptRate.byCollectorAndMonth[0].collector").value("ann"))
                .andExpect(jsonPath("$.promiseKeptRate.byCollectorAndMonth[0].month").value("2026-01"))
                .andExpect(jsonPath("$.promiseKeptRate.byCollectorAndMonth[0].partiallyKept").value(1))
                .andExpect(jsonPath("$.dpdBuckets[2].measuredOn").value("2026-03-14"))
                .andExpect(jsonPath("$.dpdBuckets[2].buckets[4].bucket").value("90+"))
                .andExpect(jsonPath("$.dpdBuckets[2].buckets[4].leases").value(2))
                .andExpect(jsonPath("$.rollRates[6].fromBucket").value("1-30"))
                .andExpect(jsonPath("$.rollRates[6].stayRate").value(1.0));
    }

    @Test
    void withoutAsOfItIsTodayInTheLessorsZone() throws Exception {
        String recomputed = json.writeValueAsString(KpiReference.compute(CollectionsKpisContract.handMade(), CollectionsKpisContract.MARCH_31));

        mvc.perform(get("/api/kpis").with(VIEWER))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.asOf").value("2026-03-31"))
                .andExpect(content().json(recomputed, JsonCompareMode.STRICT));
    }

    @Test
    void anAsOfThatIsNotAnIsoDateIsABadRequest() throws Exception {
        mvc.perform(get("/api/kpis").param("asOf", "03/31/2026").with(VIEWER))
                .andExpect(status().isBadRequest());
    }
}
