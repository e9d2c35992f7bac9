package io.leasebridge.repocases;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;

/**
 * Repossession Cases read before their vehicle: Salesforce is read by flows of their own, so a Case can name a
 * Vehicle__c the vehicle read has not brought into the hub yet. Such a Case waits for its parent here, as other children
 * do, instead of being refused (a repo order needs the vehicle), and is taken again once the vehicle is in the hub.
 */
@Repository
class CasesAwaitingVehicles {

    private final JdbcTemplate jdbc;
    private final Clock clock;

    CasesAwaitingVehicles(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Whether the Case names a vehicle the hub does not hold yet; such a Case is held (again) until it does. */
    boolean holdIfVehicleMissing(CaseRead c) {
        if (c.vin() == null || !jdbc.queryForList("select vin from vehicle where vin = ?", String.class, c.vin()).isEmpty()) {
            return false;
        }
        Timestamp now = Timestamp.from(clock.instant());
        if (jdbc.update("update repo_case_held set case_number = ?, vin = ?, held_at = ? where case_id = ?",
                c.caseNumber(), c.vin(), now, c.caseId()) == 0) {
            jdbc.update("insert into repo_case_held (case_id, case_number, vin, held_at) values (?, ?, ?, ?)",
                    c.caseId(), c.caseNumber(), c.vin(), now);
        }
        return true;
    }

    /** The held Cases whose vehicle the hub now holds, oldest first. */
    List<String> ready() {
        return jdbc.queryForList("""
                select h.case_id from repo_case_held h where exists (select 1 from vehicle v where v.vin = h.vin)
                order by h.held_at, h.case_id""", String.class);
    }

    void taken(String caseId) {
        jdbc.update("delete from repo_case_held where case_id = ?", caseId);
    }

    /** Each Case waiting for its vehicle, for the run summary. */
    List<String> waiting() {
        return jdbc.query("select case_number, case_id, vin from repo_case_held order by held_at, case_id", (rs, n) ->
                "case " + (rs.getString(1) == null ? rs.getString(2) : rs.getString(1)) + ": held for its vehicle " + rs.getString(3)
                        + " (not in the hub yet)");
    }
}
