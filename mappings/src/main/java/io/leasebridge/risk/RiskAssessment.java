package io.leasebridge.risk;

import java.util.List;

/**
 * A lease's recovery risk as of a day.
 *
 * @param score   the points of every reason, at most {@link RecoveryRisk#MAX_SCORE}
 * @param reasons every reason, the weightiest first
 * @param summary the first few reasons in words, as the lease shows them ("left garaging state 2 days ago; ...")
 */
public record RiskAssessment(String leaseId, RiskLevel level, int score, List<RiskReason> reasons, String summary) {

    public RiskAssessment {
        reasons = List.copyOf(reasons);
    }
}
