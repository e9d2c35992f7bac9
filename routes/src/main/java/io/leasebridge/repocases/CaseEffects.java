package io.leasebridge.repocases;

import io.leasebridge.hub.SalesforceOutbox;
import io.leasebridge.mapping.salesforce.SalesforceRecords;
import io.leasebridge.model.Vehicle;
import io.leasebridge.repo.RepoAction;
import io.leasebridge.repo.RepoOrder;
import io.leasebridge.repo.RepoStatus;
import io.leasebridge.repo.RepoWorkflow;
import io.leasebridge.repo.TitleStatus;
import io.leasebridge.repo.Transition;
import io.leasebridge.repo.VehicleDisposition;
import io.leasebridge.vehicles.VehicleStore;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.StringJoiner;

/**
 * Carries out what entering a state calls for, each part idempotent: the vehicle's disposition (hub,
 * LeaseWorks import, Salesforce), the repo order (queued once per case, sent by {@link RepoOrderMail}),
 * the payoff balance at recovery, the sale for accounting, the title's transfer to the buyer and its final account review
 * (recorded once per case).
 */
@Component
class CaseEffects {

    private final VehicleStore vehicles;
    private final SalesforceOutbox salesforceOutbox;
    private final RepoCaseStore store;
    private final RepoWorkflow workflow;
    private final FinalReviews reviews;
    private final Clock clock;

    CaseEffects(VehicleStore vehicles, SalesforceOutbox salesforceOutbox, RepoCaseStore store, RepoWorkflow workflow,
                FinalReviews reviews, Clock clock) {
        this.reviews = reviews;
        this.vehicles = vehicles;
        this.salesforceOutbox = salesforceOutbox;
        this.store = store;
        this.workflow = workflow;
        this.clock = clock;
    }

    /** Returns what was done, for the case's timeline. */
    String carryOut(CaseRead c, Transition.Allowed step, RepoOrder order, Instant changedAt) {
        StringJoiner done = new StringJoiner("; ");
        step.disposition().ifPresent(disposition -> done.add(dispose(c.vin(), disposition)));
        if (step.to() == RepoStatus.RECOVERED) {
            reviews.payoffAtRecovery(c);
        }
        if (step.actions().contains(RepoAction.SEND_REPO_ORDER) && order != null) {
            String agent = workflow.agentEmail(c.facts()).orElseThrow();
            boolean queued = store.queueOrder(c.caseId(), agent, order.subject(), order.text(clock.instant()));
            done.add(queued ? "repo order queued for " + agent : "repo order already sent for this case");
        }
        if (step.actions().contains(RepoAction.RECORD_SALE)) {
            boolean recorded = store.recordSale(c.caseId(), c.caseNumber(), c.vin(), c.facts().salePrice(),
                    c.facts().saleDate(), c.facts().buyer());
            done.add(recorded ? "sale of " + c.facts().salePrice().toPlainString() + " recorded for accounting"
                    : "sale already recorded");
            done.add(reviews.review(c));
        }
        if (step.actions().contains(RepoAction.TRANSFER_TITLE)) {
            done.add(transferTitle(c.vin(), c.facts().saleDate()));
        }
        if (step.actions().contains(RepoAction.RECORD_REINSTATEMENT)) {
            done.add(reinstate(c));
        }
        return done.toString();
    }

    /**
     * Another chance: an order not yet mailed is withdrawn (one being sent may already be with the agent), and
     * what the recovery cost so far, which the lessee is charged for reinstating, is listed on the Case.
     */
    private String reinstate(CaseRead c) {
        StringJoiner done = new StringJoiner("; ");
        if (store.withdrawOrder(c.caseId())) {
            done.add("unsent repo order withdrawn");
        }
        String charges = c.agentFee() == null || c.agentFee().signum() == 0
                ? "No recovery costs to charge."
                : "Repo agent fee" + (c.agentName() == null ? "" : " (" + c.agentName() + ")") + ": "
                        + c.agentFee().toPlainString() + "\nTotal charged to the lessee: " + c.agentFee().toPlainString();
        salesforceOutbox.enqueue(List.of(SalesforceRecords.reinstatementCharges(c.caseId(), charges)));
        String reason = c.facts().reinstatementReason();
        // the rep's reason stays on the Case: it may name the lessee, and this line reaches the run summary
        done.add("reinstated (" + (reason == null || reason.isBlank() ? "lease current" : "rep's reason on the Case")
                + "); charges to the lessee: " + (c.agentFee() == null ? "0.00" : c.agentFee().toPlainString()));
        return done.toString();
    }

    /** The sold vehicle's title goes to its buyer on the sale date, in the hub (and so LeaseWorks) and in Salesforce. */
    private String transferTitle(String vin, LocalDate saleDate) {
        Optional<Vehicle> vehicle = vin == null ? Optional.empty() : vehicles.find(vin);
        if (vehicle.isEmpty()) {
            return "vehicle " + (vin == null ? "(none on the Case)" : vin) + " not in the hub: title not transferred";
        }
        Vehicle v = vehicle.get();
        if (TitleStatus.fromPicklist(v.titleStatus()).orElse(null) == TitleStatus.TRANSFERRED) {
            return "title already TRANSFERRED";
        }
        vehicles.save(List.of(v.withTitleTransferred(saleDate)));
        salesforceOutbox.enqueue(List.of(SalesforceRecords.vehicleTitleTransferred(v.vin(), saleDate)));
        return "title TRANSFERRED to the buyer on " + saleDate;
    }

    private String dispose(String vin, VehicleDisposition disposition) {
        Optional<Vehicle> vehicle = vin == null ? Optional.empty() : vehicles.find(vin);
        if (vehicle.isEmpty()) {
            return "vehicle " + (vin == null ? "(none on the Case)" : vin) + " not in the hub: disposition " + disposition + " not set";
        }
        Vehicle v = vehicle.get();
        if (disposition.name().equals(v.disposition())) {
            return "vehicle already " + disposition;
        }
        vehicles.save(List.of(v.withDisposition(disposition.name())));
        salesforceOutbox.enqueue(List.of(SalesforceRecords.vehicleDisposition(v.vin(), disposition)));
        return "vehicle " + v.vin() + " disposition " + disposition;
    }
}
