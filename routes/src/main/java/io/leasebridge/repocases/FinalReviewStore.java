package io.leasebridge.repocases;

import io.leasebridge.repo.FinalAccountReview;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The payoff balances kept at recovery ({@code repo_recovery_payoff}) and the final account reviews ({@code repo_review}). */
@Repository
public class FinalReviewStore {

    /** A lease's payoff balance as the last LeaseWorks export left it when the case's vehicle was recovered. */
    record Payoff(String leaseId, BigDecimal balance) {
    }

    private final JdbcTemplate jdbc;
    private final Clock clock;

    public FinalReviewStore(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    Optional<Payoff> payoff(String caseId) {
        return jdbc.query("select lease_id, payoff_balance from repo_recovery_payoff where case_id = ?",
                (rs, n) -> new Payoff(rs.getString(1), rs.getBigDecimal(2)), caseId).stream().findFirst();
    }

    void keepPayoff(String caseId, Payoff payoff) {
        jdbc.update("insert into repo_recovery_payoff (case_id, lease_id, payoff_balance, recorded_at) values (?, ?, ?, ?)",
                caseId, payoff.leaseId(), payoff.balance(), Timestamp.from(clock.instant()));
    }

    boolean recorded(String caseId) {
        return !jdbc.queryForList("select case_id from repo_review where case_id = ?", String.class, caseId).isEmpty();
    }

    void record(String caseId, String caseNumber, String leaseId, FinalAccountReview review) {
        jdbc.update("""
                insert into repo_review (case_id, case_number, lease_id, payoff_at_recovery, total_costs, net_proceeds, deficiency, surplus,
                       review, reviewed_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                caseId, caseNumber, leaseId, review.payoffAtRecovery(), review.totalCosts(), review.netProceeds(),
                review.deficiency(), review.surplus(), review.describe(), Timestamp.from(clock.instant()));
    }

    /** Each recorded review, one line per case. */
    List<String> reviewLines() {
        return jdbc.query("select case_number, case_id, review from repo_review order by case_number, case_id", (rs, n) ->
                "case " + (rs.getString(1) == null ? rs.getString(2) : rs.getString(1)) + ": " + rs.getString(3).replace("\n", "; "));
    }
}
