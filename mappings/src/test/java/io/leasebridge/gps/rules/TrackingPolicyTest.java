package io.leasebridge.gps.rules;

import io.leasebridge.model.LeaseAccount;
import io.leasebridge.model.Vehicle;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class TrackingPolicyTest {

    private final TrackingPolicy policy = new TrackingPolicy(10, Set.of("PASSTIME", "SPIREON"));

    private static Vehicle vehicle(String provider, String device) {
        return new Vehicle("1HGCM82633A004352", "a0X000000000001", "L-1", 2022, "Honda", "Accord", "U-1", provider, device,
                "ACTIVE", null, null, null);
    }

    private static LeaseAccount lease(int daysPastDue, Boolean disclosure) {
        return new LeaseAccount("L-1", "C-1", "ACTIVE", null, daysPastDue, BigDecimal.ZERO, null, null, 3, null, null, "jdoe",
                "1HGCM82633A004352", disclosure, "KS", null, null);
    }

    @Test
    void pullsAtTheThresholdWithDisclosureAndNotBelowIt() {
        assertThat(policy.decide(vehicle("PASSTIME", "PT-1"), lease(10, true)))
                .isEqualTo(new TrackingPolicy.Decision(true, "10 days past due (at least 10); GPS disclosure on file"));
        assertThat(policy.decide(vehicle("PASSTIME", "PT-1"), lease(9, true)))
                .isEqualTo(new TrackingPolicy.Decision(false, "below 10 days past due"));
    }

    @Test
    void neverWithoutDisclosure() {
        assertThat(policy.decide(vehicle("SPIREON", "A-1"), lease(90, false)).reason()).isEqualTo("no GPS disclosure on file");
        assertThat(policy.decide(vehicle("SPIREON", "A-1"), lease(90, null)).pull()).isFalse();
    }

    @Test
    void neverWithoutADeviceOrAConfiguredVendor() {
        TrackingPolicy passTimeOnly = new TrackingPolicy(10, Set.of("PASSTIME"));

        assertThat(policy.decide(vehicle(null, null), lease(30, true)).reason()).isEqualTo("no GPS device on the vehicle");
        assertThat(passTimeOnly.decide(vehicle("spireon", "A-1"), lease(30, true)).reason())
                .isEqualTo("GPS provider SPIREON is not configured");
        assertThat(policy.decide(vehicle("PASSTIME", "PT-1"), null).reason()).isEqualTo("no lease in the hub for the vehicle");
    }
}
