package io.leasebridge.repocases;

import io.leasebridge.repo.RepoFacts;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.util.List;

/**
 * What the workflow needs to know of a case that the Case does not say, from the hub: how many days past due
 * the last LeaseWorks export shows its lease (a lease brought current earns the lessee another chance), and
 * which FleetRock repair orders on its vehicle are not finished (a vehicle goes to inventory in sellable condition).
 */
@Component
class HubFacts {

    private final JdbcTemplate jdbc;

    HubFacts(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The Case's facts with its lease's days past due (none when the hub has no lease) and unfinished repair orders. */
    RepoFacts factsOf(CaseRead c) {
        if (c.vin() == null) {
            return c.facts();
        }
        List<Integer> dpd = jdbc.query("""
                select l.days_past_due from vehicle v join lease_account l on l.lease_id = v.lease_id where v.vin = ?""",
                (rs, n) -> rs.getInt(1), c.vin());
        List<String> unfinished = jdbc.query("""
                select coalesce(ro_number, ro_id) from work_order where vin = ? and date_finished is null
                order by coalesce(ro_number, ro_id)""", (rs, n) -> rs.getString(1), c.vin());
        return c.facts().withLeaseDaysPastDue(dpd.isEmpty() ? null : dpd.get(0))
                .withRepairOrders(unfinished, c.facts().inventoryOverride());
    }
}
