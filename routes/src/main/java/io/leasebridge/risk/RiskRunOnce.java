package io.leasebridge.risk;

import io.leasebridge.flow.RunOnceParts;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.util.List;

/** The recovery risk of every lease in run-once, after the GPS poll; a failed review is in the run history and the exit code. */
@Component
class RiskRunOnce implements RunOnceParts {

    private static final Logger log = LoggerFactory.getLogger(RiskRunOnce.class);

    private final RecoveryRiskReview review;
    private volatile RiskReviewReport report;

    RiskRunOnce(RecoveryRiskReview review) {
        this.review = review;
    }

    @Override
    public List<Step> steps() {
        return List.of(Step.of(900, RecoveryRiskReview.FLOW, once -> {
            try {
                report = review.review(once.asOf());
            } catch (RuntimeException e) {
                log.error("{}: {}", RecoveryRiskReview.FLOW, e.getMessage());
                report = null;
            }
        }));
    }

    @Override
    public List<Report> reports() {
        return List.of(new Report(1200, (out, once) -> {
            if (report != null) {
                report.print(out);
            }
        }));
    }
}
