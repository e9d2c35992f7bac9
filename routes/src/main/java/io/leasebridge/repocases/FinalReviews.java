package io.leasebridge.repocases;

import io.leasebridge.hub.LeaseAccounts;
import io.leasebridge.hub.SalesforceOutbox;
import io.leasebridge.mapping.salesforce.SObjectRecord;
import io.leasebridge.mapping.salesforce.SalesforceRecords;
import io.leasebridge.model.LeaseAccount;
import io.leasebridge.model.Vehicle;
import io.leasebridge.repo.FinalAccountReview;
import io.leasebridge.repo.RecoveryCost;
import io.leasebridge.repo.RepoAdjustment;
import io.leasebridge.vehicles.VehicleStore;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The Asset Manager's final account review of a sold case, from the hub: the payoff balance kept when the vehicle was
 * recovered, the case's recovery costs and the sale price make a {@link FinalAccountReview}, recorded once and written to
 * the Case and the lease, and queued as the lease's adjustment for LeaseWorks. A case closes only once its review is recorded.
 */
@Component
public class FinalReviews {

    private final FinalReviewStore store;
    private final RecoveryCostStore costStore;
    private final VehicleStore vehicles;
    private final LeaseAccounts leases;
    private final RecoveryCosts costs;
    private final SalesforceOutbox salesforceOutbox;
    private final RepoAdjustmentImport adjustments;

    FinalReviews(FinalReviewStore store, RecoveryCostStore costStore, VehicleStore vehicles, LeaseAccounts leases, RecoveryCosts costs,
                 SalesforceOutbox salesforceOutbox, RepoAdjustmentImport adjustments) {
        this.store = store;
        this.costStore = costStore;
        this.vehicles = vehicles;
        this.leases = leases;
        this.costs = costs;
        this.salesforceOutbox = salesforceOutbox;
        this.adjustments = adjustments;
    }

    /** Keeps the lease's payoff balance as the last LeaseWorks export left it, once per case, when its vehicle is recovered. */
    void payoffAtRecovery(CaseRead c) {
        if (c.vin() == null || store.payoff(c.caseId()).isPresent()) {
            return;
        }
        Optional<LeaseAccount> lease = vehicles.find(c.vin()).map(Vehicle::leaseId).flatMap(leases::find);
        store.keepPayoff(c.caseId(), new FinalReviewStore.Payoff(lease.map(LeaseAccount::leaseId).orElse(null),
                lease.map(LeaseAccount::payoffBalance).orElse(null)));
    }

    /** Whether the case's review is recorded. */
    boolean recorded(String caseId) {
        return store.recorded(caseId);
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
        Optional<FinalReviewStore.Payoff> payoff = store.payoff(c.caseId());
        FinalAccountReview review;
        try {
            review = FinalAccountReview.of(c.caseNumber(), payoff.map(FinalReviewStore.Payoff::balance).orElse(null), caseCosts,
                    c.facts().salePrice());
        } catch (IllegalArgumentException e) {
            return "final account review not made: " + e.getMessage();
        }
        String leaseId = payoff.map(FinalReviewStore.Payoff::leaseId).orElse(null);
        store.record(c.caseId(), c.caseNumber(), leaseId, review);
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
        return costStore.byCaseLines();
    }

    /** Each recorded review, one line per case, for the run summary. */
    public List<String> reviews() {
        return store.reviewLines();
    }
}
