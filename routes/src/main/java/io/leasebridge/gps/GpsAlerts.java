package io.leasebridge.gps;

import io.leasebridge.gps.rules.AlertType;
import io.leasebridge.gps.rules.GpsAssessment;
import io.leasebridge.mapping.salesforce.SObjectRecord;
import io.leasebridge.mapping.salesforce.SalesforceRecords;
import io.leasebridge.model.GpsAlert;
import io.leasebridge.model.GpsFix;
import io.leasebridge.promises.CollectorTasks;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * GPS alerts in the hub ({@code gps_alert}) and what Salesforce must get of them: a condition seen for the first time
 * opens an alert (a {@code GPS_Alert__c} and a Task for the collector); seen again, the open alert is updated; gone,
 * it is closed. The same condition coming back later is a new alert.
 */
@Repository
public class GpsAlerts {

    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final CollectorTasks tasks;

    public GpsAlerts(JdbcTemplate jdbc, Clock clock, CollectorTasks tasks) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.tasks = tasks;
    }

    /** Applies an assessment of the vehicle's fix; adds what Salesforce must receive to {@code toSalesforce}. */
    public void reconcile(LocateRequest vehicle, GpsFix fix, GpsAssessment assessment, List<SObjectRecord> toSalesforce,
                          GpsPollReport report) {
        Instant now = clock.instant();
        Map<AlertType, GpsAlert> open = open(vehicle.vin());
        assessment.holding().forEach((type, detail) -> {
            GpsAlert existing = open.get(type);
            if (existing == null) {
                GpsAlert alert = new GpsAlert(key(vehicle.vin(), type, now), vehicle.vin(), vehicle.leaseId(), type.name(), GpsAlert.OPEN,
                        now, null, detail, fix.latitude(), fix.longitude(), fix.locatedAt());
                insert(alert);
                toSalesforce.add(SalesforceRecords.gpsAlert(alert));
                toSalesforce.add(SalesforceRecords.task(tasks.gpsAlert(alert)));
                report.raised(alert);
            } else if (!Objects.equals(existing.detail(), detail) || !Objects.equals(existing.locatedAt(), fix.locatedAt())) {
                GpsAlert updated = new GpsAlert(existing.alertKey(), existing.vin(), vehicle.leaseId(), existing.type(), GpsAlert.OPEN,
                        existing.openedAt(), null, detail, fix.latitude(), fix.longitude(), fix.locatedAt());
                update(updated);
                toSalesforce.add(SalesforceRecords.gpsAlert(updated));
            }
        });
        open.forEach((type, alert) -> {
            if (assessment.cleared(type)) {
                close(alert, alert.detail() + " | cleared at " + fix.locatedAt(), toSalesforce, report);
            }
        });
    }

    /** Closes every open alert of a vehicle LeaseBridge no longer tracks (the account became current, say). */
    public void closeAll(String vin, String why, List<SObjectRecord> toSalesforce, GpsPollReport report) {
        open(vin).values().forEach(alert -> close(alert, alert.detail() + " | closed: " + why, toSalesforce, report));
    }

    public boolean hasOpen(String vin) {
        Long n = jdbc.queryForObject("select count(*) from gps_alert where vin = ? and status = 'OPEN'", Long.class, vin);
        return n != null && n > 0;
    }

    private void close(GpsAlert alert, String detail, List<SObjectRecord> toSalesforce, GpsPollReport report) {
        GpsAlert closed = new GpsAlert(alert.alertKey(), alert.vin(), alert.leaseId(), alert.type(), GpsAlert.CLOSED, alert.openedAt(),
                clock.instant(), detail, alert.latitude(), alert.longitude(), alert.locatedAt());
        update(closed);
        toSalesforce.add(SalesforceRecords.gpsAlert(closed));
        report.closed(closed);
    }

    private Map<AlertType, GpsAlert> open(String vin) {
        Map<AlertType, GpsAlert> open = new EnumMap<>(AlertType.class);
        jdbc.query("""
                select alert_key, vin, lease_id, alert_type, status, opened_at, closed_at, detail, latitude, longitude, located_at
                from gps_alert where vin = ? and status = 'OPEN'""", rs -> {
            open.put(AlertType.valueOf(rs.getString(4)), new GpsAlert(rs.getString(1), rs.getString(2), rs.getString(3),
                    rs.getString(4), rs.getString(5), rs.getTimestamp(6).toInstant(), null, rs.getString(8),
                    rs.getBigDecimal(9), rs.getBigDecimal(10), rs.getTimestamp(11) == null ? null : rs.getTimestamp(11).toInstant()));
        }, vin);
        return open;
    }

    private void insert(GpsAlert a) {
        jdbc.update("""
                insert into gps_alert (alert_key, vin, lease_id, alert_type, status, opened_at, closed_at, detail, latitude, longitude,
                                       located_at, updated_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                a.alertKey(), a.vin(), a.leaseId(), a.type(), a.status(), ts(a.openedAt()), ts(a.closedAt()), cut(a.detail()),
                a.latitude(), a.longitude(), ts(a.locatedAt()), ts(clock.instant()));
    }

    private void update(GpsAlert a) {
        jdbc.update("""
                update gps_alert set lease_id = ?, status = ?, closed_at = ?, detail = ?, latitude = ?, longitude = ?, located_at = ?,
                       updated_at = ? where alert_key = ?""",
                a.leaseId(), a.status(), ts(a.closedAt()), cut(a.detail()), a.latitude(), a.longitude(), ts(a.locatedAt()),
                ts(clock.instant()), a.alertKey());
    }

    /** VIN, rule and the second it opened: one key per episode, stable across reruns of the same poll's outcome. */
    static String key(String vin, AlertType type, Instant openedAt) {
        return vin + "-" + type.name() + "-" + openedAt.getEpochSecond();
    }

    private static Timestamp ts(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }

    private static String cut(String detail) {
        return detail.length() <= 1000 ? detail : detail.substring(0, 1000);
    }
}
