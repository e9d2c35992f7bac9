package io.leasebridge.admin;

import io.leasebridge.model.Vehicle;
import io.leasebridge.repocases.RepoCaseStore;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * A vehicle of the lease, with its last GPS location and its repossession cases.
 *
 * @param location  null when LeaseBridge holds no GPS fix for it
 * @param repoCases oldest first, each with its timeline
 */
public record VehicleView(Vehicle vehicle, Location location, List<RepoCase> repoCases) {

    public VehicleView {
        repoCases = List.copyOf(repoCases);
    }

    public record Location(String provider, BigDecimal latitude, BigDecimal longitude, Instant locatedAt, String gpsStatus) {
    }

    /**
     * @param refusal why LeaseBridge refused the Case's last change, null when it applied it
     */
    public record RepoCase(String caseId, String caseNumber, String status, String refusal,
                           List<RepoCaseStore.TimelineEntry> timeline) {
        public RepoCase {
            timeline = List.copyOf(timeline);
        }
    }
}
