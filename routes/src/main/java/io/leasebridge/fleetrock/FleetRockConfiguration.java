package io.leasebridge.fleetrock;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.leasebridge.connectors.fleetrock.CamelFleetRockTransport;
import io.leasebridge.connectors.fleetrock.FleetRockClient;
import io.leasebridge.connectors.fleetrock.FleetRockSettings;
import io.leasebridge.connectors.fleetrock.FleetRockTransport;
import io.leasebridge.flow.FlowRuns;
import io.leasebridge.workorders.WorkOrderStore;
import org.apache.camel.CamelContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Clock;
import java.time.format.DateTimeFormatter;

/** The FleetRock poll, when {@code leasebridge.fleetrock.base-url} is set. */
@Configuration(proxyBeanMethods = false)
@Conditional(FleetRockConfigured.class)
class FleetRockConfiguration {

    @Bean(destroyMethod = "close")
    CamelFleetRockTransport fleetRockTransport(CamelContext camel) {
        return new CamelFleetRockTransport(camel);
    }

    @Bean
    FleetRockClient fleetRockClient(FleetRockProperties properties, FleetRockTransport transport, ObjectMapper json, Clock clock) {
        FleetRockSettings settings = new FleetRockSettings(properties.username(), properties.key(), properties.tokenPath(),
                properties.repairOrdersPath(), properties.tokenTtl(), DateTimeFormatter.ofPattern(properties.queryDateFormat()),
                properties.zone());
        return new FleetRockClient(transport, settings, json, clock);
    }

    @Bean
    FleetRockPoll fleetRockPoll(FleetRockClient client, FleetRockProperties properties, WorkOrderIntake intake,
                                WorkOrderStore store, FlowRuns runs, TransactionTemplate transaction, Clock clock) {
        return new FleetRockPoll(client, properties, intake, store, runs, transaction, clock);
    }

    @Bean
    FleetRockRoutes fleetRockRoutes(FleetRockPoll poll, FleetRockProperties properties) {
        return new FleetRockRoutes(poll, properties);
    }

    @Bean
    FleetRockRouteConfiguration fleetRockRouteConfiguration(FleetRockProperties properties) {
        return new FleetRockRouteConfiguration(properties);
    }
}
