package io.leasebridge.cluster;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.leasebridge.salesforce.SalesforceOutboxDrain;
import io.leasebridge.salesforce.SalesforceWireMock;
import io.leasebridge.testing.TestDatabase;
import io.leasebridge.testing.TestProperties;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.quartz.Scheduler;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Two LeaseBridge nodes on one PostgreSQL hub (skipped locally without a server, required on CI): every fire of
 * a schedule runs on one node only, and when a node leaves, the other keeps firing.
 */
class ClusteredSchedulesPostgresIT {

    private static final String EVERY_TWO_SECONDS = "0/2 * * * * ?";
    private static final WireMockServer salesforce = SalesforceWireMock.start();
    private static TestDatabase database;

    @BeforeAll
    static void connect() {
        database = TestDatabase.postgres();
    }

    @AfterAll
    static void disconnect() {
        database.close();
        salesforce.stop();
    }

    @Test
    void everyFireRunsOnOneNodeAndTheOtherNodeTakesOverWhenOneLeaves() throws Exception {
        JdbcTemplate jdbc = new JdbcTemplate(database.freshSchema());
        ConfigurableApplicationContext first = node();
        try (ConfigurableApplicationContext second = node()) {
            assertThat(first.getBean(Scheduler.class).getMetaData().isJobStoreClustered()).isTrue();
            await().atMost(Duration.ofSeconds(30)).until(() -> drainRuns(jdbc) >= 5);
            assertThat(jdbc.queryForObject("select count(*) from qrtz_scheduler_state where sched_name = 'leasebridge'", Long.class))
                    .isEqualTo(2);
            first.close();
            long afterFirstLeft = drainRuns(jdbc);
            await().atMost(Duration.ofSeconds(30)).until(() -> drainRuns(jdbc) >= afterFirstLeft + 3);
        } finally {
            first.close();
        }
        // A fire that comes late (a node starting or leaving holds the trigger lock) still runs once, so the runs are
        // counted against the fire times of the cron, not against the seconds they started in.
        assertThat(jdbc.queryForObject("""
                select count(*) - (floor(extract(epoch from max(started_at)) / 2) - floor(extract(epoch from min(started_at)) / 2) + 1)
                from flow_run where flow = ?""", Long.class, SalesforceOutboxDrain.FLOW))
                .as("runs beyond one per fire").isLessThanOrEqualTo(0);
        assertThat(jdbc.queryForList("select distinct node_id from flow_run where flow = ?", String.class, SalesforceOutboxDrain.FLOW))
                .as("both nodes ran the flow").hasSize(2);
    }

    private static ConfigurableApplicationContext node() {
        TestDatabase.Login login = TestDatabase.postgresLogin();
        return LeaseBridgeNode.start(salesforce, login.url(), login.user(), login.password(), TestProperties.NEVER,
                Map.of("leasebridge.schedules." + SalesforceOutboxDrain.FLOW, EVERY_TWO_SECONDS));
    }

    private static long drainRuns(JdbcTemplate jdbc) {
        Long runs = jdbc.queryForObject("select count(*) from flow_run where flow = ?", Long.class, SalesforceOutboxDrain.FLOW);
        return runs == null ? 0 : runs;
    }
}
