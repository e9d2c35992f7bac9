package io.leasebridge.risk;

import io.leasebridge.risk.RiskFacts.BrokenPromise;
import io.leasebridge.risk.RiskFacts.DpdReading;
import io.leasebridge.risk.RiskFacts.OpenAlert;
import io.leasebridge.risk.RiskFacts.PromiseDue;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

import java.sql.Date;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Gathers the recovery risk facts of the leases from the hub and the promise ledger's projection, a page of leases at a
 * time (by lease id), a handful of queries per page rather than a few per lease. Reads only: the ledger's verdicts are
 * taken as they stand.
 */
@Repository
class RiskFactsReader {

    private final JdbcTemplate jdbc;
    private final RiskProperties properties;

    RiskFactsReader(JdbcTemplate jdbc, RiskProperties properties) {
        this.jdbc = jdbc;
        this.properties = properties;
    }

    /**
     * The facts of at most {@code limit} leases whose ids follow {@code afterLeaseId}, in id order; empty after the last.
     *
     * @param afterLeaseId "" for the first page
     * @param zone         the lessor's zone: the day a GPS alert opened
     */
    List<RiskFacts> page(LocalDate asOf, ZoneId zone, String afterLeaseId, int limit) {
        List<Object[]> leases = jdbc.query("""
                select l.lease_id, l.status, l.days_past_due, l.gps_disclosure, c.do_not_call, c.do_not_text
                from lease_account l left join customer c on c.customer_id = l.customer_id
                where l.lease_id > ? order by l.lease_id limit ?""",
                (rs, n) -> new Object[] {rs.getString(1), rs.getString(2), rs.getInt(3),
                        rs.getObject(4) == null ? null : rs.getBoolean(4), rs.getBoolean(5) && rs.getBoolean(6)},
                afterLeaseId, limit);
        if (leases.isEmpty()) {
            return List.of();
        }
        String first = (String) leases.get(0)[0];
        String last = (String) leases.get(leases.size() - 1)[0];

        Map<String, List<DpdReading>> baselines = new HashMap<>();
        jdbc.query("""
                select h.lease_id, h.as_of, h.days_past_due from lease_dpd_history h
                where h.lease_id between ? and ?
                  and h.as_of = (select max(i.as_of) from lease_dpd_history i where i.lease_id = h.lease_id and i.as_of <= ?)""",
                rs -> {
                    baselines.computeIfAbsent(rs.getString(1), k -> new ArrayList<>())
                            .add(new DpdReading(rs.getDate(2).toLocalDate(), rs.getInt(3)));
                }, first, last, Date.valueOf(asOf.minusDays(properties.trendDays())));

        Map<String, List<BrokenPromise>> broken = new HashMap<>();
        jdbc.query("""
                select promise_id, lease_id, judged_on from promise
                where lease_id between ? and ? and status = 'BROKEN' and judged_on > ? and judged_on <= ?""",
                rs -> {
                    broken.computeIfAbsent(rs.getString(2), k -> new ArrayList<>())
                            .add(new BrokenPromise(rs.getString(1), rs.getDate(3).toLocalDate()));
                }, first, last, Date.valueOf(asOf.minusDays(properties.brokenWindowDays())), Date.valueOf(asOf));

        Map<String, List<PromiseDue>> due = new HashMap<>();
        jdbc.query("""
                select promise_id, lease_id, amount, promised_date from promise
                where lease_id between ? and ? and status in ('OPEN', 'UNCONFIRMED') and promised_date = ?""",
                rs -> {
                    due.computeIfAbsent(rs.getString(2), k -> new ArrayList<>())
                            .add(new PromiseDue(rs.getString(1), rs.getBigDecimal(3), rs.getDate(4).toLocalDate()));
                }, first, last, Date.valueOf(asOf));

        Map<String, List<OpenAlert>> alerts = new HashMap<>();
        jdbc.query("select lease_id, alert_type, opened_at from gps_alert where status = 'OPEN' and lease_id between ? and ?", rs -> {
            alerts.computeIfAbsent(rs.getString(1), k -> new ArrayList<>())
                    .add(new OpenAlert(rs.getString(2), LocalDate.ofInstant(rs.getTimestamp(3).toInstant(), zone)));
        }, first, last);

        List<RiskFacts> facts = new ArrayList<>(leases.size());
        for (Object[] l : leases) {
            String lease = (String) l[0];
            facts.add(new RiskFacts(lease, asOf, !properties.ended((String) l[1]), (Integer) l[2],
                    baselines.getOrDefault(lease, List.of()), broken.getOrDefault(lease, List.of()),
                    due.getOrDefault(lease, List.of()), alerts.getOrDefault(lease, List.of()), (Boolean) l[3], (Boolean) l[4]));
        }
        return facts;
    }
}
