package io.leasebridge.repocases;

import io.leasebridge.mapping.quickbooks.PostingType;
import io.leasebridge.repo.RecoveryCost;
import io.leasebridge.repo.RecoveryCostType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Repository;

import java.math.BigDecimal;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** The costs of repossession cases in the hub, entered in Salesforce or derived, and each case's total as last written. */
@Repository
public class RecoveryCostStore {

    /** Where a cost comes from: a Recovery_Cost__c a rep entered, a FleetRock repair order, the agent's fee on the Case. */
    public enum Source { SALESFORCE, FLEETROCK, CASE }

    /** A cost as the hub holds it. */
    public record StoredCost(String key, String caseId, RecoveryCost cost, Source source) {

        /** The QuickBooks posting that bills it: an entered cost its own Bill, a repair its work order's, the agent's fee the case's. */
        public PostingType billedAs() {
            return switch (source) {
                case SALESFORCE -> PostingType.RECOVERY_COST_BILL;
                case FLEETROCK -> PostingType.WORK_ORDER_BILL;
                case CASE -> PostingType.AGENT_FEE_BILL;
            };
        }

        /** The source key of that posting in the QuickBooks outbox: the cost, the repair order or the case. */
        public String billSourceKey() {
            return switch (source) {
                case SALESFORCE -> key;
                case FLEETROCK -> key.substring(REPAIR_PREFIX.length());
                case CASE -> caseId;
            };
        }
    }

    /** A repair's cost key is its FleetRock repair order's id after this. */
    static final String REPAIR_PREFIX = "REPAIR-";

    private static final RowMapper<StoredCost> ROW = (rs, n) -> new StoredCost(rs.getString("cost_key"), rs.getString("case_id"),
            new RecoveryCost(RecoveryCostType.valueOf(rs.getString("cost_type")), rs.getString("vendor"), rs.getBigDecimal("amount"),
                    rs.getDate("cost_date") == null ? null : rs.getDate("cost_date").toLocalDate(), rs.getString("invoice")),
            Source.valueOf(rs.getString("source")));

    private final JdbcTemplate jdbc;
    private final Clock clock;

    public RecoveryCostStore(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Saves a cost; whether it is new or differs from what the hub held. */
    boolean save(String key, String caseId, RecoveryCost cost, Source source) {
        Optional<StoredCost> before = find(key);
        if (before.isPresent() && before.get().caseId().equals(caseId) && same(before.get().cost(), cost)) {
            return false;
        }
        Object[] values = {caseId, cost.type().name(), cost.vendor(), cost.amount(), cost.date() == null ? null : Date.valueOf(cost.date()),
                cost.invoice(), source.name(), Timestamp.from(clock.instant()), key};
        if (before.isEmpty()) {
            jdbc.update("""
                    insert into recovery_cost (case_id, cost_type, vendor, amount, cost_date, invoice, source, updated_at, cost_key)
                    values (?, ?, ?, ?, ?, ?, ?, ?, ?)""", values);
        } else {
            jdbc.update("""
                    update recovery_cost set case_id = ?, cost_type = ?, vendor = ?, amount = ?, cost_date = ?, invoice = ?, source = ?,
                           updated_at = ? where cost_key = ?""", values);
        }
        return true;
    }

    /** Removes a derived cost that no longer holds (a repair order moved off the vehicle); whether there was one. */
    boolean remove(String key) {
        return jdbc.update("delete from recovery_cost where cost_key = ?", key) > 0;
    }

    Optional<StoredCost> find(String key) {
        return jdbc.query("select * from recovery_cost where cost_key = ?", ROW, key).stream().findFirst();
    }

    /** A case's costs, oldest first. */
    public List<StoredCost> ofCase(String caseId) {
        return jdbc.query("select * from recovery_cost where case_id = ? order by cost_date, cost_key", ROW, caseId);
    }

    /** Every case's costs, by case, oldest first. */
    public List<StoredCost> all() {
        return jdbc.query("select * from recovery_cost order by case_id, cost_date, cost_key", ROW);
    }

    /** The costs reps entered in Salesforce: what LeaseBridge bills to their vendors. */
    public List<StoredCost> entered() {
        return jdbc.query("select * from recovery_cost where source = ? order by cost_key", ROW, Source.SALESFORCE.name());
    }

    /** Each case's recovery costs by type and total, one line per case that has any. */
    List<String> byCaseLines() {
        List<String> lines = new ArrayList<>();
        jdbc.query("""
                select coalesce(r.case_number, c.case_id) as case_key, c.cost_type, sum(c.amount) as amount from recovery_cost c
                left join repo_case r on r.case_id = c.case_id group by coalesce(r.case_number, c.case_id), c.cost_type
                order by 1, 2""", rs -> {
            String line = "case " + rs.getString("case_key") + ": ";
            String part = rs.getString("cost_type") + " " + rs.getBigDecimal("amount").setScale(2).toPlainString();
            if (!lines.isEmpty() && lines.get(lines.size() - 1).startsWith(line)) {
                lines.set(lines.size() - 1, lines.get(lines.size() - 1) + ", " + part);
            } else {
                lines.add(line + part);
            }
        });
        return lines;
    }

    private static boolean same(RecoveryCost a, RecoveryCost b) {
        return a.type() == b.type() && Objects.equals(a.vendor(), b.vendor()) && a.amount().compareTo(b.amount()) == 0
                && Objects.equals(a.date(), b.date()) && Objects.equals(a.invoice(), b.invoice());
    }
}
