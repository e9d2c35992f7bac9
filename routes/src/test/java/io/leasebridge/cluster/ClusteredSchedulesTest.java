package io.leasebridge.cluster;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.leasebridge.ingest.LeaseWorksExportRoutes;
import io.leasebridge.salesforce.SalesforceWireMock;
import io.leasebridge.testing.TestProperties;
import org.apache.camel.CamelContext;
import org.apache.camel.ServiceStatus;
import org.apache.camel.component.quartz.QuartzComponent;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.quartz.Scheduler;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

import java.sql.Connection;
import java.sql.DriverManager;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** On the embedded hub: the schedules are kept in the hub by Quartz's JDBC job store, one trigger per flow. */
class ClusteredSchedulesTest {

    private static final WireMockServer salesforce = SalesforceWireMock.start();

    @AfterAll
    static void stopSalesforce() {
        salesforce.stop();
    }

    @Test
    void camelSchedulesEveryFlowOnTheSharedJdbcJobStoreWithOneStatefulTriggerPerFlow() throws Exception {
        String url = "jdbc:h2:mem:schedules-" + UUID.randomUUID() + ";MODE=PostgreSQL;DB_CLOSE_DELAY=-1";
        try (ConfigurableApplicationContext node = LeaseBridgeNode.start(salesforce, url, "sa", "", TestProperties.NEVER, Map.of())) {
            Scheduler scheduler = node.getBean(Scheduler.class);
            CamelContext camel = node.getBean(CamelContext.class);
            assertThat(camel.getComponent("quartz", QuartzComponent.class).getScheduler()).isSameAs(scheduler);
            assertThat(scheduler.getMetaData().getJobStoreClass()).isEqualTo(LockingDataSourceJobStore.class);
            assertThat(scheduler.getSchedulerName()).isEqualTo("leasebridge");
            assertThat(camel.getName()).as("the name a job fired on any node looks its routes up by").isEqualTo("leasebridge");
            assertThat(scheduler.isStarted()).isTrue();
            assertThat(scheduler.getMetaData().isJobStoreClustered()).as("an embedded H2 hub is one node").isFalse();

            JdbcTemplate jdbc = node.getBean(JdbcTemplate.class);
            assertThat(jdbc.queryForList("select trigger_name from qrtz_triggers where trigger_group = 'leasebridge'", String.class))
                    .contains("salesforce-outbox-drain", "salesforce-vehicles-read", "gps-location-poll", "promise-judgement");
            assertThat(jdbc.queryForList("select trigger_name from qrtz_triggers where trigger_group = 'leasebridge-polls'", String.class))
                    .containsExactlyInAnyOrder("leaseworks-accounts", "leaseworks-payments", "leaseworks-promises",
                            "leaseworks-notes", "leaseworks-gl");
            assertThat(jdbc.queryForList("""
                    select j.is_nonconcurrent from qrtz_job_details j join qrtz_triggers t
                      on t.job_name = j.job_name and t.job_group = j.job_group where t.trigger_name = 'salesforce-outbox-drain'""",
                    Boolean.class)).containsExactly(true);
        }
    }

    @Test
    void aRestartedNodeReusesItsTriggersInsteadOfAddingNewOnes() {
        String url = "jdbc:h2:mem:restart-" + UUID.randomUUID() + ";MODE=PostgreSQL;DB_CLOSE_DELAY=-1";
        List<Long> sizes = new java.util.ArrayList<>();
        for (int start = 0; start < 2; start++) {
            try (ConfigurableApplicationContext node = LeaseBridgeNode.start(salesforce, url, "sa", "", TestProperties.NEVER, Map.of())) {
                JdbcTemplate jdbc = node.getBean(JdbcTemplate.class);
                sizes.add(jdbc.queryForObject("select (select count(*) from qrtz_triggers) * 1000 + (select count(*) from qrtz_job_details)",
                        Long.class));
            }
        }
        assertThat(sizes.get(1)).isEqualTo(sizes.get(0));
        assertThat(sizes.get(0)).isGreaterThan(10_000);
    }

    @Test
    void aNodeKilledOnTheEmbeddedHubStartsAgainOnThePollingTriggersItLeft() throws Exception {
        String url = "jdbc:h2:mem:killed-" + UUID.randomUUID() + ";MODE=PostgreSQL;DB_CLOSE_DELAY=-1";
        try (ConfigurableApplicationContext node = LeaseBridgeNode.start(salesforce, url, "sa", "", TestProperties.NEVER, Map.of())) {
            // as a kill does: the scheduler is gone before Camel could unschedule anything
            node.getBean(Scheduler.class).shutdown();
        }
        try (Connection hub = DriverManager.getConnection(url, "sa", "")) {
            assertThat(pollingTriggers(new JdbcTemplate(new SingleConnectionDataSource(hub, true))))
                    .as("polling triggers the killed node left").hasSize(5);
        }

        try (ConfigurableApplicationContext node = LeaseBridgeNode.start(salesforce, url, "sa", "", TestProperties.NEVER, Map.of())) {
            CamelContext camel = node.getBean(CamelContext.class);
            assertThat(camel.getRouteController().getRouteStatus(LeaseWorksExportRoutes.routeId("accounts"))).isEqualTo(ServiceStatus.Started);
            assertThat(pollingTriggers(node.getBean(JdbcTemplate.class))).containsExactlyInAnyOrder("leaseworks-accounts",
                    "leaseworks-payments", "leaseworks-promises", "leaseworks-notes", "leaseworks-gl");
        }
    }

    private static List<String> pollingTriggers(JdbcTemplate jdbc) {
        return jdbc.queryForList("select trigger_name from qrtz_triggers where trigger_group = 'leasebridge-polls'", String.class);
    }
}
