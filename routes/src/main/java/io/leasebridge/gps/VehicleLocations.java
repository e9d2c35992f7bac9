package io.leasebridge.gps;

import io.leasebridge.gps.rules.Motion;
import io.leasebridge.model.GpsFix;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.Optional;

/**
 * The last accepted fix per vehicle ({@code vehicle_location}, read by the repo order) and where each vehicle came
 * to rest ({@code gps_motion}).
 */
@Repository
public class VehicleLocations {

    private final JdbcTemplate jdbc;
    private final Clock clock;

    public VehicleLocations(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public record Stored(GpsFix fix, String gpsStatus) {
    }

    public Optional<Stored> find(String vin) {
        return jdbc.query("select provider, latitude, longitude, located_at, gps_status from vehicle_location where vin = ?",
                (rs, n) -> new Stored(new GpsFix(vin, rs.getString(1), null, rs.getBigDecimal(2), rs.getBigDecimal(3),
                        rs.getTimestamp(4).toInstant()), rs.getString(5)), vin).stream().findFirst();
    }

    /** Stores the vehicle's last fix and status; true when either differs from what was stored. */
    public boolean save(GpsFix fix, String gpsStatus) {
        Optional<Stored> before = find(fix.vin());
        if (before.isPresent() && before.get().fix().locatedAt().equals(fix.locatedAt()) && before.get().gpsStatus().equals(gpsStatus)) {
            return false;
        }
        Timestamp now = Timestamp.from(clock.instant());
        int updated = jdbc.update("""
                update vehicle_location set provider = ?, latitude = ?, longitude = ?, located_at = ?, gps_status = ?, updated_at = ?
                where vin = ?""", fix.provider(), fix.latitude(), fix.longitude(), Timestamp.from(fix.locatedAt()), gpsStatus, now, fix.vin());
        if (updated == 0) {
            jdbc.update("""
                    insert into vehicle_location (vin, provider, latitude, longitude, located_at, gps_status, updated_at)
                    values (?, ?, ?, ?, ?, ?, ?)""", fix.vin(), fix.provider(), fix.latitude(), fix.longitude(),
                    Timestamp.from(fix.locatedAt()), gpsStatus, now);
        }
        return true;
    }

    public Motion motion(String vin) {
        return jdbc.query("select anchor_latitude, anchor_longitude, still_since from gps_motion where vin = ?",
                (rs, n) -> new Motion(rs.getBigDecimal(1), rs.getBigDecimal(2), rs.getTimestamp(3).toInstant()), vin)
                .stream().findFirst().orElse(null);
    }

    public void saveMotion(String vin, Motion motion) {
        Timestamp now = Timestamp.from(clock.instant());
        int updated = jdbc.update("update gps_motion set anchor_latitude = ?, anchor_longitude = ?, still_since = ?, updated_at = ? where vin = ?",
                motion.anchorLatitude(), motion.anchorLongitude(), Timestamp.from(motion.stillSince()), now, vin);
        if (updated == 0) {
            jdbc.update("insert into gps_motion (vin, anchor_latitude, anchor_longitude, still_since, updated_at) values (?, ?, ?, ?, ?)",
                    vin, motion.anchorLatitude(), motion.anchorLongitude(), Timestamp.from(motion.stillSince()), now);
        }
    }
}
