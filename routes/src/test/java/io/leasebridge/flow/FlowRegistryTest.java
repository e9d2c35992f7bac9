package io.leasebridge.flow;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FlowRegistryTest {

    @Test
    void collectsTheFlowsEveryRouteBuilderDeclaresInTheirOrderWithTheirScheduleKeys() {
        FlowRegistry registry = new FlowRegistry(List.of(
                () -> List.of(Flow.scheduled("salesforce-vehicles-read", "direct:salesforce-vehicles-read"),
                        Flow.scheduled("leaseworks-vehicle-import", "direct:leaseworks-vehicle-import")),
                () -> List.of(Flow.polled("leaseworks-accounts", "leaseworks-accounts-ingest"))));

        assertThat(registry.all()).extracting(Flow::id)
                .containsExactly("salesforce-vehicles-read", "leaseworks-vehicle-import", "leaseworks-accounts");
        assertThat(registry.find("leaseworks-accounts")).get().extracting(Flow::trigger)
                .isEqualTo(new Flow.Polled("leaseworks-accounts-ingest"));
        assertThat(registry.find("salesforce-vehicles-read").orElseThrow().scheduleKey())
                .isEqualTo("leasebridge.schedules.salesforce-vehicles-read");
        assertThat(registry.find("salesforce-vehicles-read").orElseThrow().scheduleRouteId())
                .isEqualTo("salesforce-vehicles-read-schedule");
    }

    @Test
    void refusesTwoFlowsOfOneId() {
        assertThatThrownBy(() -> new FlowRegistry(List.of(
                () -> List.of(Flow.scheduled("promise-judgement", "direct:promise-judgement")),
                () -> List.of(Flow.onDemand("promise-judgement")))))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("two flows are called promise-judgement");
    }
}
