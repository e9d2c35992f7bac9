package io.leasebridge.repocases;

import io.leasebridge.hub.SalesforceOutbox;
import io.leasebridge.mapping.salesforce.SObjectRecord;
import io.leasebridge.mapping.salesforce.SalesforceRecords;
import io.leasebridge.repo.FinalAccountReview;
import io.leasebridge.repo.RecoveryCost;
import io.leasebridge.repo.RepoAdjustment;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The Asset Manager's final account review of a sold case, from the hub: the payoff balance kept when the vehicle was
 * recovered, the case's recovery costs and the sale price make a {@link FinalAccountReview}, recorded once and written to
 * the Case and the lease, and queued as the lease's adjustment for LeaseWorks. A case closes only once its review is recorded.
 */
@Component
public class FinalReviews {

    private final JdbcTemplate jdbc;
    private final RecoveryCosts costs;
    private final SalesforceOutbox salesforceOutbox;
    private final RepoAdjustmentImport adjustments;
    private final Clock clock;

    FinalReviews(JdbcTemplate jdbc, RecoveryCosts costs, SalesforceOutbox salesforceOutbox, RepoAdjustmentImport adjustments, Clock clock) {
        this.jdbc = jdbc;
        this.adjustments = adjustments;
        this.costs = costs;
        this.salesforceOutbox = salesforceOutbox;
        this.clock = clock;
    }

    /** Keeps the lease's payoff balance as the last LeaseWorks export left it, once per case, when its vehicle is recovered. */
    void payoffAtRecovery(CaseRead c) {
        if (c.vin() == null || !jdbc.queryForList("select case_id from repo_recovery_payoff where case_id = ?", String.class,
                c.caseId()).isEmpty()) {
            return;
        }
        List<Map<String, Object>> lease = jdbc.queryForList("""
                select l.lease_id, l.payoff_balance from vehicle v join lease_account l on l.lease_id = v.lease_id where v.vin = ?""",
                c.vin());
        jdbc.update("insert into repo_recovery_payoff (case_id, lease_id, payoff_balance, recorded_at) values (?, ?, ?, ?)",
                c.caseId(), lease.isEmpty() ? null : lease.get(0).get("lease_id"), lease.isEmpty() ? null : lease.get(0).get("payoff_balance"),
                Timestamp.from(clock.instant()));
    }

    /** Whether the case's review is recorded. */
    boolean recorded(String caseId) {
        return !jdbc.queryForList("select case_id from repo_review where case_id = ?", String.class, caseId).isEmpty();
    }

    /**
     * Reviews a sold case, once: records the review and queues it for the Case and the lease. Returns what was done, or
     * why the review cannot be made (the case then cannot close), for the case's timeline.
     */
    String review(CaseRead c) {
        if (recorded(c.caseId())) {
            return "final account review already recorded";
        }
        List<RecoveryCost> caseCosts = costs.rollUpCase(c.caseId(), c.vin(), c.agentName(), c.agentFee());
        List<Map<String, Object>> payoff = jdbc.queryForList("select lease_id, payoff_balance from repo_recovery_payoff where case_id = ?",
                c.caseId());
        FinalAccountReview review;
        try {
            review = FinalAccountReview.of(c.caseNumber(), payoff.isEmpty() ? null : (BigDecimal) payoff.get(0).get("payoff_balance"),
                    caseCosts, c.facts().salePrice());
        } catch (IllegalArgumentException e) {
            return "final account review not made: " + e.getMessage();
        }
        String leaseId = payoff.isEmpty() ? null : (String) payoff.get(0).get("lease_id");
        jdbc.update("""
                insert into repo_review (case_id, case_number, lease_id, payoff_at_recovery, total_costs, net_proceeds, deficiency, surplus,
                       review, reviewed_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                c.caseId(), c.caseNumber(), leaseId, review.payoffAtRecovery(), review.totalCosts(), review.netProceeds(),
                review.deficiency(), review.surplus(), review.describe(), Timestamp.from(clock.instant()));
        adjustments.queue(RepoAdjustment.of(c.caseId(), leaseId, c.caseNumber(), c.facts().saleDate(), review));
        List<SObjectRecord> writes = new ArrayList<>(List.of(SalesforceRecords.caseFinalReview(c.caseId(), review)));
        if (leaseId != null) {
            writes.add(SalesforceRecords.leaseFinalReview(leaseId, review));
        }
        salesforceOutbox.enqueue(writes);
        return "final account review: " + (review.deficiency().signum() > 0 ? "deficiency " + review.deficiency().toPlainString()
                : review.surplus().signum() > 0 ? "surplus " + review.surplus().toPlainString() : "settled exactly, no deficiency or surplus");
    }

    /** Why a case cannot close: empty once its review is recorded; a sold case reviewed before this existed is reviewed now. */
    Optional<String> beforeClosing(CaseRead c) {
        if (recorded(c.caseId())) {
            return Optional.empty();
        }
        String outcome = review(c);
        return recorded(c.caseId()) ? Optional.empty()
                : Optional.of("the final account review is not recorded (" + outcome.replaceFirst("^final account review not made: ", "") + ")");
    }

    /** Each case's recovery costs by type and total, one line per case that has any, for the run summary. */
    public List<String> costs() {
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

    /** Each recorded review, one line per case, for the run summary. */
    public List<String> reviews() {
        return jdbc.query("select case_number, case_id, review from repo_review order by case_number, case_id", (rs, n) ->
                "case " + (rs.getString(1) == null ? rs.getString(2) : rs.getString(1)) + ": " + rs.getString(3).replace("\n", "; "));
    }
}
