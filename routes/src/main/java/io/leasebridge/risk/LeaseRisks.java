package io.leasebridge.risk;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;

/** The {@code lease_risk} table: each lease's risk as last sent to Salesforce. */
@Repository
class LeaseRisks {

    private final JdbcTemplate jdbc;
    private final Clock clock;

    LeaseRisks(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** The stored risks of the leases whose ids lie between {@code first} and {@code last}, both included. */
    Map<String, StoredRisk> between(String first, String last) {
        Map<String, StoredRisk> stored = new HashMap<>();
        jdbc.query("select lease_id, risk_level, score, reasons, high_episodes from lease_risk where lease_id between ? and ?", rs -> {
            stored.put(rs.getString(1), new StoredRisk(RiskLevel.valueOf(rs.getString(2)), rs.getInt(3), rs.getString(4), rs.getInt(5)));
        }, first, last);
        return stored;
    }

    void save(RiskAssessment assessment, int highEpisodes, LocalDate asOf) {
        Timestamp now = Timestamp.from(clock.instant());
        int updated = jdbc.update("""
                update lease_risk set risk_level = ?, score = ?, reasons = ?, high_episodes = ?, assessed_on = ?, updated_at = ?
                where lease_id = ?""", assessment.level().name(), assessment.score(), assessment.summary(), highEpisodes,
                Date.valueOf(asOf), now, assessment.leaseId());
        if (updated == 0) {
            jdbc.update("""
                    insert into lease_risk (lease_id, risk_level, score, reasons, high_episodes, assessed_on, updated_at)
                    values (?, ?, ?, ?, ?, ?, ?)""", assessment.leaseId(), assessment.level().name(), assessment.score(),
                    assessment.summary(), highEpisodes, Date.valueOf(asOf), now);
        }
    }
}
