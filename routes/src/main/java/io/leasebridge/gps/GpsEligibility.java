package io.leasebridge.gps;

import io.leasebridge.gps.rules.Garaging;
import io.leasebridge.gps.rules.TrackingPolicy;
import io.leasebridge.model.LeaseAccount;
import io.leasebridge.model.Vehicle;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

import java.util.List;

/**
 * The hub's vehicles with a GPS device, each with its lease and the customer's state, judged by the
 * {@link TrackingPolicy}. The garaging state falls back to the customer's State when the export leaves it blank.
 */
@Repository
public class GpsEligibility {

    public record Candidate(Vehicle vehicle, LeaseAccount lease, Garaging garaging, TrackingPolicy.Decision decision) {
    }

    private final JdbcTemplate jdbc;
    private final TrackingPolicy policy;

    public GpsEligibility(JdbcTemplate jdbc, TrackingPolicy policy) {
        this.jdbc = jdbc;
        this.policy = policy;
    }

    public List<Candidate> candidates() {
        return jdbc.query("""
                select v.vin, v.salesforce_id, v.lease_id, v.gps_provider, v.gps_device_id, v.disposition,
                       l.lease_id, l.customer_id, l.status, l.days_past_due, l.collector, l.gps_disclosure, l.garaging_state,
                       l.garaging_latitude, l.garaging_longitude, c.state
                from vehicle v
                left join lease_account l on l.lease_id = v.lease_id
                left join customer c on c.customer_id = l.customer_id
                where v.gps_provider is not null or v.gps_device_id is not null
                order by v.vin""", (rs, n) -> {
            Vehicle vehicle = new Vehicle(rs.getString(1), rs.getString(2), rs.getString(3), null, null, null, null,
                    rs.getString(4), rs.getString(5), rs.getString(6), null, null, null);
            LeaseAccount lease = rs.getString(7) == null ? null : new LeaseAccount(rs.getString(7), rs.getString(8), rs.getString(9),
                    null, rs.getInt(10), null, null, null, 0, null, null, rs.getString(11), vehicle.vin(),
                    (Boolean) rs.getObject(12, Boolean.class), rs.getString(13), rs.getBigDecimal(14), rs.getBigDecimal(15));
            String state = lease == null ? null : lease.garagingState() != null && !lease.garagingState().isBlank()
                    ? lease.garagingState() : rs.getString(16);
            Garaging garaging = new Garaging(state, lease == null ? null : lease.garagingLatitude(),
                    lease == null ? null : lease.garagingLongitude());
            return new Candidate(vehicle, lease, garaging, policy.decide(vehicle, lease));
        });
    }
}
