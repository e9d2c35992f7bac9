package io.leasebridge.gps;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Clock;

/**
 * The GPS pull audit ({@code gps_pull}): every location requested, written before the call (vehicle, account,
 * provider, when, why it was eligible) and completed with its outcome, so a crash mid-call still leaves the trace.
 */
@Repository
public class GpsPullAudit {

    private final JdbcTemplate jdbc;
    private final Clock clock;

    public GpsPullAudit(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public long requested(long runId, String vin, String leaseId, String provider, String deviceId, String eligibleBecause) {
        KeyHolder key = new GeneratedKeyHolder();
        jdbc.update(con -> {
            PreparedStatement ps = con.prepareStatement("""
                    insert into gps_pull (run_id, vin, lease_id, provider, device_id, requested_at, eligible_because)
                    values (?, ?, ?, ?, ?, ?, ?)""", new String[]{"id"});
            ps.setLong(1, runId);
            ps.setString(2, vin);
            ps.setString(3, leaseId);
            ps.setString(4, provider);
            ps.setString(5, deviceId);
            ps.setTimestamp(6, Timestamp.from(clock.instant()));
            ps.setString(7, eligibleBecause);
            return ps;
        }, key);
        return key.getKeyAs(Number.class).longValue();
    }

    public void completed(long pullId, String outcome, String detail) {
        jdbc.update("update gps_pull set outcome = ?, detail = ? where id = ?", outcome,
                detail == null || detail.length() <= 1000 ? detail : detail.substring(0, 1000), pullId);
    }
}
