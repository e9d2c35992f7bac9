package io.leasebridge.risk;

import io.leasebridge.flow.FlowRuns;
import io.leasebridge.promises.LedgerProperties;
import io.leasebridge.hub.RunCounts;
import io.leasebridge.hub.SalesforceOutbox;
import io.leasebridge.mapping.salesforce.SObjectRecord;
import io.leasebridge.mapping.salesforce.SalesforceRecords;
import io.leasebridge.promises.CollectorTasks;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Reviews every lease's recovery risk as of a day, {@code leasebridge.risk.batch-size} leases at a time: their facts
 * read, assessed and their changes saved before the next page is read, so memory does not grow with the portfolio.
 * Every reason dated relative to a day ("2 days ago") counts from the review's day, so the same facts read the same. A
 * lease whose level, score or reasons changed is saved and queued
 * for Salesforce in one transaction; one that did not change sends nothing; one rising to HIGH also gets one Task for
 * its collector, keyed by the rise, so a rerun or a crash never makes two.
 */
@Service
public class RecoveryRiskReview {

    public static final String FLOW = "recovery-risk";
    private static final Logger log = LoggerFactory.getLogger(RecoveryRiskReview.class);

    private final RiskFactsReader facts;
    private final LeaseRisks risks;
    private final RecoveryRisk rules;
    private final CollectorTasks tasks;
    private final SalesforceOutbox outbox;
    private final FlowRuns runs;
    private final TransactionTemplate transaction;
    private final LedgerProperties ledger;
    private final Clock clock;
    private final int batchSize;

    RecoveryRiskReview(RiskFactsReader facts, LeaseRisks risks, RiskProperties properties, CollectorTasks tasks,
                       SalesforceOutbox outbox, FlowRuns runs, TransactionTemplate transaction, LedgerProperties ledger,
                       Clock clock) {
        this.facts = facts;
        this.risks = risks;
        this.rules = new RecoveryRisk(properties.settings());
        this.tasks = tasks;
        this.outbox = outbox;
        this.runs = runs;
        this.transaction = transaction;
        this.ledger = ledger;
        this.clock = clock;
        this.batchSize = properties.batchSize();
    }

    public RiskReviewReport reviewToday() {
        return review(LocalDate.now(clock.withZone(ledger.zone())));
    }

    public RiskReviewReport review(LocalDate asOf) {
        return runs.run(FLOW, "as of " + asOf, run -> {
            Map<RiskLevel, Long> byLevel = new EnumMap<>(RiskLevel.class);
            List<String> risen = new ArrayList<>();
            long changed = 0;
            int leases = 0;
            String after = "";
            for (List<RiskFacts> page = facts.page(asOf, ledger.zone(), after, batchSize); !page.isEmpty();
                 page = facts.page(asOf, ledger.zone(), after, batchSize)) {
                leases += page.size();
                after = page.get(page.size() - 1).leaseId();
                Map<String, StoredRisk> stored = risks.between(page.get(0).leaseId(), after);
                List<RiskAssessment> assessed = page.stream().map(rules::assess).toList();
                assessed.forEach(a -> byLevel.merge(a.level(), 1L, Long::sum));
                List<String> risenHere = new ArrayList<>();
                Integer n = transaction.execute(status -> saveChanges(assessed, stored, asOf, risenHere));
                changed += n == null ? 0 : n;
                risen.addAll(risenHere);
                run.count(new RunCounts(leases, changed, 0, 0, 0, 0));
            }
            log.info("{}: as of {}: {} leases, {} changed, {} rose to HIGH", FLOW, asOf, leases, changed, risen.size());
            return new RiskReviewReport(byLevel, changed, risen);
        });
    }

    private int saveChanges(List<RiskAssessment> assessed, Map<String, StoredRisk> stored, LocalDate asOf, List<String> risen) {
        List<SObjectRecord> toSalesforce = new ArrayList<>();
        int changed = 0;
        for (RiskAssessment assessment : assessed) {
            StoredRisk before = stored.getOrDefault(assessment.leaseId(), StoredRisk.NONE);
            if (before.sameAs(assessment)) {
                continue;
            }
            boolean rising = assessment.level() == RiskLevel.HIGH && before.level() != RiskLevel.HIGH;
            int episodes = before.highEpisodes() + (rising ? 1 : 0);
            risks.save(assessment, episodes, asOf);
            changed++;
            toSalesforce.add(SalesforceRecords.leaseRecoveryRisk(assessment));
            if (rising) {
                toSalesforce.add(SalesforceRecords.task(tasks.recoveryRiskHigh(assessment, episodes, asOf)));
                risen.add(assessment.leaseId() + " (score " + assessment.score() + "): " + assessment.summary());
            }
        }
        outbox.enqueue(toSalesforce);
        return changed;
    }
}
