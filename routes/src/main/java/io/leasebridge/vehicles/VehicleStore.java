package io.leasebridge.vehicles;

import io.leasebridge.hub.CanonicalTables;
import io.leasebridge.hub.HubStore;
import io.leasebridge.model.Vehicle;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Repository;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * Vehicles in the hub, and which of their changes LeaseWorks has not been sent yet: each change bumps
 * the vehicle's import version; writing the import file records the version it carried.
 */
@Repository
public class VehicleStore {

    private static final String COLUMNS = "vin, salesforce_id, lease_id, model_year, make, model, unit_number, gps_provider, "
            + "gps_device_id, disposition, title_status, market_value, condition, title_requested_date, title_received_date, "
            + "title_transferred_date";
    private static final RowMapper<Vehicle> VEHICLE = (rs, n) -> new Vehicle(rs.getString(1), rs.getString(2), rs.getString(3),
            (Integer) rs.getObject(4, Integer.class), rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8),
            rs.getString(9), rs.getString(10), rs.getString(11), rs.getBigDecimal(12), rs.getString(13), date(rs.getDate(14)),
            date(rs.getDate(15)), date(rs.getDate(16)));

    /** A vehicle as the import file carries it, with the version it carries. */
    public record PendingImport(Vehicle vehicle, int version) {
    }

    private final HubStore hub;
    private final JdbcTemplate jdbc;

    public VehicleStore(HubStore hub, JdbcTemplate jdbc) {
        this.hub = hub;
        this.jdbc = jdbc;
    }

    /** Stores vehicles; the new and changed ones are queued for LeaseWorks. Returns those. */
    public List<Vehicle> save(Collection<Vehicle> vehicles) {
        List<Vehicle> changed = hub.upsert(CanonicalTables.VEHICLE, vehicles);
        jdbc.batchUpdate("update vehicle set lw_import_version = lw_import_version + 1 where vin = ?",
                changed.stream().map(v -> new Object[]{v.vin()}).toList());
        return changed;
    }

    public Optional<Vehicle> find(String vin) {
        return jdbc.query("select " + COLUMNS + " from vehicle where vin = ?", VEHICLE, vin).stream().findFirst();
    }

    public List<Vehicle> onLease(String leaseId) {
        return jdbc.query("select " + COLUMNS + " from vehicle where lease_id = ? order by vin", VEHICLE, leaseId);
    }

    /** Vehicles whose latest change LeaseWorks has not received, in VIN order. */
    public List<PendingImport> pendingImport(int limit) {
        return jdbc.query("select " + COLUMNS + ", lw_import_version from vehicle where lw_import_version > lw_exported_version "
                        + "order by vin limit ?",
                (rs, n) -> new PendingImport(VEHICLE.mapRow(rs, n), rs.getInt(17)), limit);
    }

    /** Records that LeaseWorks was sent these versions; a vehicle changed since stays pending. */
    public void markImported(List<PendingImport> sent) {
        jdbc.batchUpdate("update vehicle set lw_exported_version = ? where vin = ? and lw_exported_version < ?",
                sent.stream().map(p -> new Object[]{p.version(), p.vehicle().vin(), p.version()}).toList());
    }

    private static LocalDate date(java.sql.Date date) {
        return date == null ? null : date.toLocalDate();
    }
}
