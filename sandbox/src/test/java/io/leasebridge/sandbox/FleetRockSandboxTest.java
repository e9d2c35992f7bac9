package io.leasebridge.sandbox;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The sandbox with FleetRock: repair orders generated for the portfolio's vehicles are polled into the hub and
 * reach the simulated org as WorkOrders under their Vehicle__c, with their line items; the bad ones are in dead
 * letters; FleetRock's webhook sender pushes an update that LeaseBridge applies once.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FleetRockSandboxTest {

    private static Sandbox sandbox;
    private static FleetRockSimulator fleetRock;
    private static int exitCode;

    @BeforeAll
    static void runOnce() throws IOException {
        Path home = Files.createTempDirectory("sandbox-fleetrock");
        sandbox = Sandbox.start(new SandboxOptions(home, 200, 606L, false));
        sandbox.generateExports().orElseThrow();
        exitCode = sandbox.runOnce();
        fleetRock = sandbox.fleetRock().orElseThrow();
    }

    @AfterAll
    static void stop() {
        sandbox.close();
    }

    @Test
    @Order(1)
    void everyGoodRepairOrderIsAWorkOrderUnderItsVehicleWithItsLineItems() {
        assertThat(exitCode).isZero();
        SalesforceSimulator salesforce = sandbox.salesforce();
        Set<String> expected = new java.util.TreeSet<>();
        Set<String> bad = new java.util.TreeSet<>();
        int lines = 0;
        for (int n = 1; n <= fleetRock.repairOrderCount(); n++) {
            ObjectNode ro = fleetRock.repairOrder("FR-" + (100_000 + n));
            if (ro.path("grand_total").isNumber()) {
                expected.add(ro.path("id").asText());
                for (var task : ro.path("tasks")) {
                    lines += 1 + task.path("parts").size();
                }
            } else {
                bad.add(ro.path("id").asText());
            }
        }
        assertThat(expected).hasSizeGreaterThan(5);
        assertThat(bad).isNotEmpty();

        Map<String, Map<String, Object>> workOrders = salesforce.records("WorkOrder");
        assertThat(workOrders.keySet()).isEqualTo(expected);
        assertThat(salesforce.records("WorkOrderLineItem")).hasSize(lines);
        Map<String, Map<String, Object>> vehicles = salesforce.records("Vehicle__c");
        workOrders.forEach((roId, workOrder) -> assertThat(vehicles.get(fleetRock.repairOrder(roId).path("vin").asText()).get("Id"))
                .as(roId + " vehicle").isEqualTo(workOrder.get("Vehicle__c")));
        assertThat(fleetRock.tokenCalls()).isEqualTo(1);

        try (var hub = new org.springframework.jdbc.datasource.SingleConnectionDataSource(sandbox.options().hubUrl(), "sa", "", true)) {
            JdbcTemplate jdbc = new JdbcTemplate(hub);
            assertThat(Set.copyOf(jdbc.queryForList(
                    "select record_key from dead_letter where flow = 'fleetrock-repair-orders' and field = 'grand_total'", String.class)))
                    .isEqualTo(bad);
        }
    }

    @Test
    @Order(2)
    void workOrdersApprovedInSalesforceBecomeApprovedInTheHubForAccounting() {
        SalesforceSimulator salesforce = sandbox.salesforce();
        String approver = salesforce.user("Fleet Manager");
        List<String> approved = salesforce.records("WorkOrder").keySet().stream().sorted().limit(2).toList();
        approved.forEach(roId -> salesforce.saveAs(approver, "WorkOrder", String.valueOf(salesforce.records("WorkOrder").get(roId).get("Id")),
                Map.of("Approval_Status__c", "Approved")));

        assertThat(sandbox.runOnce()).isZero();

        try (var hub = new org.springframework.jdbc.datasource.SingleConnectionDataSource(sandbox.options().hubUrl(), "sa", "", true)) {
            JdbcTemplate jdbc = new JdbcTemplate(hub);
            assertThat(jdbc.queryForList("select ro_id from work_order where approval_status = 'Approved' and approved_at is not null order by ro_id",
                    String.class)).isEqualTo(approved);
        }
    }

    @Test
    @Order(3)
    void aWebhookPushOfAChangedRepairOrderIsAppliedOnceAndReachesSalesforce() throws Exception {
        String roId = "FR-100001";
        ObjectNode changed = fleetRock.repairOrder(roId);
        changed.put("grand_total", new BigDecimal("999.99"));
        changed.put("status", "Invoiced - revised");
        fleetRock.put(List.of(changed));

        try (ConfigurableApplicationContext serving = sandbox.serve()) {
            URI webhook = URI.create("http://localhost:" + serving.getEnvironment().getProperty("local.server.port") + "/webhooks/fleetrock");
            HttpResponse<String> wrongSecret = fleetRock.push(webhook, "X-FleetRock-Secret", "guess", "ro.updated", roId);
            HttpResponse<String> first = fleetRock.push(webhook, "X-FleetRock-Secret", FleetRockSandbox.WEBHOOK_SECRET, "ro.updated", roId);
            HttpResponse<String> again = fleetRock.push(webhook, "X-FleetRock-Secret", FleetRockSandbox.WEBHOOK_SECRET, "ro.updated", roId);

            assertThat(wrongSecret.statusCode()).isEqualTo(401);
            assertThat(first.statusCode()).as(first.body()).isEqualTo(200);
            assertThat(first.body()).contains("\"applied\"");
            assertThat(again.body()).contains("\"duplicate\"");
        }
        assertThat(sandbox.runOnce()).isZero();

        Map<String, Object> workOrder = sandbox.salesforce().records("WorkOrder").get(roId);
        assertThat(new BigDecimal(String.valueOf(workOrder.get("Grand_Total__c")))).isEqualByComparingTo("999.99");
        assertThat(sandbox.salesforce().createdCount("WorkOrder", roId)).isEqualTo(1);
        assertThat(sandbox.salesforce().records("WorkOrder").values().stream().map(w -> w.get("FleetRock_Status__c"))
                .collect(Collectors.toSet())).contains("Invoiced - revised");
    }
}
