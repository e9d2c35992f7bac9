package io.leasebridge.config;

import io.leasebridge.risk.RiskProperties;
import io.leasebridge.risk.RiskSettings;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RiskPropertiesTest {

    @Test
    void withNothingSetTheRulesAreTheShippedDefaults() {
        assertThat(bind(Map.of("leasebridge.risk.max-reasons", "3")).settings()).isEqualTo(RiskSettings.defaults());
    }

    @Test
    void bandsAndAlertWeightsAreSetByTheirKeysAndReplaceTheDefaultsWhole() {
        RiskProperties properties = bind(Map.of(
                "leasebridge.risk.days-past-due-points[45]", "20",
                "leasebridge.risk.gps-alert-points.out-of-state", "40",
                "leasebridge.risk.gps-alert-points.SILENT", "5",
                "leasebridge.risk.high-at", "70"));

        assertThat(properties.settings().daysPastDuePoints()).isEqualTo(Map.of(45, 20));
        assertThat(properties.settings().gpsAlertPoints()).isEqualTo(Map.of("OUT_OF_STATE", 40, "SILENT", 5));
        assertThat(properties.settings().highAt()).isEqualTo(70);
    }

    @Test
    void endedStatusesMatchWhateverWayLeaseWorksWritesThem() {
        RiskProperties properties = bind(Map.of("leasebridge.risk.max-reasons", "3"));

        assertThat(properties.ended("Paid Off")).isTrue();
        assertThat(properties.ended("paid-off")).isTrue();
        assertThat(properties.ended("CLOSED")).isTrue();
        assertThat(properties.ended("Active")).isFalse();
        assertThat(properties.ended(null)).isFalse();
    }

    @Test
    void aMediumThresholdAboveTheHighOneIsRefusedNamingBoth() {
        RiskProperties properties = bind(Map.of("leasebridge.risk.medium-at", "80"));

        assertThatThrownBy(properties::settings).hasMessageContaining("leasebridge.risk.medium-at (80)")
                .hasMessageContaining("leasebridge.risk.high-at (60)");
    }

    private static RiskProperties bind(Map<String, String> values) {
        return new Binder(new MapConfigurationPropertySource(values)).bind("leasebridge.risk", RiskProperties.class).get();
    }
}
