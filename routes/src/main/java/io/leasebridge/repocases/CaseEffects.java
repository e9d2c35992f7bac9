package io.leasebridge.repocases;

import io.leasebridge.promises.LedgerProperties;
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
 * LeaseWorks import, Salesforce), the repo order (queued once per case, sent by {@link RepoOrderMail}, withdrawn or
 * recalled from its agent when the case ends before the vehicle is taken),
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
    private final LedgerProperties lessor;
    private final Clock clock;

    CaseEffects(VehicleStore vehicles, SalesforceOutbox salesforceOutbox, RepoCaseStore store, RepoWorkflow workflow,
                FinalReviews reviews, LedgerProperties lessor, Clock clock) {
        this.reviews = reviews;
        this.lessor = lessor;
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
            done.add(reinstate(c, step, changedAt));
        }
        if (step.to() == RepoStatus.CANCELLED) {
            withdrawOrRecall(c, "the case was cancelled", changedAt).ifPresent(done::add);
        }
        return done.toString();
    }

    /**
     * Another chance: an order not yet mailed is withdrawn, one mailed is recalled while the vehicle is still with
     * the lessee, and what the recovery cost so far, which the lessee is charged for reinstating, is listed on the Case.
     */
    private String reinstate(CaseRead c, Transition.Allowed step, Instant changedAt) {
        StringJoiner done = new StringJoiner("; ");
        if (step.from() == RepoStatus.ORDERED) {
            withdrawOrRecall(c, "the lease was reinstated", changedAt).ifPresent(done::add);
        } else if (store.withdrawOrder(c.caseId())) {
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

    /**
     * An order still queued is withdrawn; one that went (or may have gone) to the mail server is recalled, so that the
     * agent does not take a vehicle the lessor no longer wants back. The recall names the case, the vehicle and the
     * lease, nothing of the lessee. Empty when the case had no order.
     */
    private Optional<String> withdrawOrRecall(CaseRead c, String why, Instant changedAt) {
        if (store.withdrawOrder(c.caseId())) {
            return Optional.of("unsent repo order withdrawn");
        }
        String lease = Optional.ofNullable(c.vin()).flatMap(vehicles::find).map(Vehicle::leaseId).orElse("(none on file)");
        LocalDate day = LocalDate.ofInstant(changedAt, lessor.zone());
        String subject = "STOP: repossession order recalled: case " + c.caseNumber() + ", VIN " + c.vin();
        String body = "STOP: repossession order for case " + c.caseNumber() + ", VIN " + c.vin() + ", lease " + lease
                + ", is recalled: " + why + " on " + day + ".\nDo not recover this vehicle.\n";
        return store.queueRecall(c.caseId(), subject, body)
                ? Optional.of("repo order recalled from its agent")
                : Optional.empty();
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
