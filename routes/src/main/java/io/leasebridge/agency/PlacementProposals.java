package io.leasebridge.agency;

import io.leasebridge.promises.LedgerProperties;
import io.leasebridge.flow.FlowRuns;
import io.leasebridge.hub.RunCounts;
import io.leasebridge.hub.SalesforceOutbox;
import io.leasebridge.mapping.salesforce.SalesforceRecords;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

/**
 * Proposes the leases {@link PlacementEligibility} lets through for a collection agency: each becomes a PROPOSED
 * placement in the hub and an {@code Agency_Placement__c} under its lease, in one transaction, for a manager to decide.
 * A lease already holding a placement is not proposed again, so a rerun proposes nothing twice.
 */
@Service
public class PlacementProposals {

    public static final String FLOW = "agency-placement-proposals";
    private static final Logger log = LoggerFactory.getLogger(PlacementProposals.class);

    private final PlacementStore store;
    private final SalesforceOutbox outbox;
    private final FlowRuns runs;
    private final TransactionTemplate transaction;
    private final AgencyProperties properties;
    private final PlacementEligibility eligibility;
    private final LedgerProperties lessor;
    private final Clock clock;

    PlacementProposals(PlacementStore store, SalesforceOutbox outbox, FlowRuns runs, TransactionTemplate transaction,
                       AgencyProperties properties, LedgerProperties lessor, Clock clock) {
        this.store = store;
        this.outbox = outbox;
        this.runs = runs;
        this.transaction = transaction;
        this.properties = properties;
        this.eligibility = properties.eligibility();
        this.lessor = lessor;
        this.clock = clock;
    }

    public List<PlacementRecord> proposeToday() {
        return propose(LocalDate.now(clock.withZone(lessor.zone())));
    }

    /** @return the placements proposed */
    public List<PlacementRecord> propose(LocalDate asOf) {
        return runs.run(FLOW, "as of " + asOf, run -> {
            List<PlacementStore.Candidate> candidates = store.candidates(properties.minDaysPastDue());
            List<PlacementRecord> proposed = candidates.stream()
                    .filter(c -> eligibility.proposes(c.facts(), asOf))
                    .map(c -> new PlacementRecord("AP-" + c.facts().leaseId() + "-" + (c.placementsBefore() + 1), c.facts().leaseId(),
                            PlacementStatus.PROPOSED, c.facts().daysPastDue(), c.placedBalance(), asOf, null, null, null))
                    .toList();
            transaction.executeWithoutResult(status -> {
                proposed.forEach(store::propose);
                outbox.enqueue(proposed.stream().map(SalesforceRecords::agencyPlacement).toList());
            });
            run.count(new RunCounts(candidates.size(), proposed.size(), 0, 0, 0, 0));
            log.info("{}: as of {}: {} leases at {} days past due or more, {} proposed", FLOW, asOf, candidates.size(),
                    properties.minDaysPastDue(), proposed.size());
            return proposed;
        });
    }
}
