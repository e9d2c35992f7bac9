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
        return vehicle(provider, device, "ACTIVE");
    }

    private static Vehicle vehicle(String provider, String device, String disposition) {
        return new Vehicle("1HGCM82633A004352", "a0X000000000001", "L-1", 2022, "Honda", "Accord", "U-1", provider, device,
                disposition, null, null, null);
    }

    private static LeaseAccount lease(int daysPastDue, Boolean disclosure) {
        return lease("ACTIVE", daysPastDue, disclosure);
    }

    private static LeaseAccount lease(String status, int daysPastDue, Boolean disclosure) {
        return new LeaseAccount("L-1", "C-1", status, null, daysPastDue, BigDecimal.ZERO, null, null, 3, null, null, "jdoe",
                "1HGCM82633A004352", disclosure, "KS", null, null);
    }

    @Test
    void neverASoldOrClosedVehicleHoweverFarPastDueItsOldLeaseShows() {
        assertThat(policy.decide(vehicle("PASSTIME", "PT-1", "SOLD"), lease(120, true)))
                .isEqualTo(new TrackingPolicy.Decision(false, "vehicle SOLD: the lessor no longer has a claim on it"));
        assertThat(policy.decide(vehicle("PASSTIME", "PT-1", "closed"), lease(120, true)).pull()).isFalse();
        assertThat(policy.decide(vehicle("PASSTIME", "PT-1", "INVENTORY"), lease(120, true)).pull()).isTrue();
    }

    @Test
    void aReinstatedVehicleIsActiveAgainAndThePolicyDecidesAsForAnyOther() {
        Vehicle reinstated = vehicle("PASSTIME", "PT-1", io.leasebridge.repo.VehicleDisposition.ACTIVE.name());

        assertThat(policy.decide(reinstated, lease(0, true)))
                .isEqualTo(new TrackingPolicy.Decision(false, "below 10 days past due"));
        assertThat(policy.decide(reinstated, lease(15, true)).pull()).isTrue();
    }

    @Test
    void neverALeasePaidOffOrClosedWhateverLeaseWorksCallsIt() {
        assertThat(policy.decide(vehicle("PASSTIME", "PT-1"), lease("Paid Off", 45, true)))
                .isEqualTo(new TrackingPolicy.Decision(false, "lease PAID_OFF: the lessor no longer has a claim on the vehicle"));
        assertThat(policy.decide(vehicle("PASSTIME", "PT-1"), lease("paid-off", 45, true)).pull()).isFalse();
        assertThat(policy.decide(vehicle("PASSTIME", "PT-1"), lease("CLOSED", 45, true)).pull()).isFalse();
        assertThat(policy.decide(vehicle("PASSTIME", "PT-1"), lease("ACTIVE", 45, true)).pull()).isTrue();
    }

    @Test
    void theEndingStatusesAreTheDeploymentsToName() {
        TrackingPolicy terminated = new TrackingPolicy(10, Set.of("PASSTIME"), Set.of("SOLD"), Set.of("Terminated"));

        assertThat(terminated.decide(vehicle("PASSTIME", "PT-1"), lease("TERMINATED", 45, true)).pull()).isFalse();
        assertThat(terminated.decide(vehicle("PASSTIME", "PT-1"), lease("PAID_OFF", 45, true)).pull()).isTrue();
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
