package io.leasebridge.promises;

import io.leasebridge.flow.FlowRuns;
import io.leasebridge.hub.ExportFiles;
import io.leasebridge.hub.RunCounts;
import io.leasebridge.hub.SalesforceOutbox;
import io.leasebridge.ledger.JudgementCutoff;
import io.leasebridge.ledger.PromiseEvent;
import io.leasebridge.mapping.salesforce.SObjectRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentSkipListSet;

/**
 * Judges every open promise whose deadline has come, as of a date (today unless told otherwise), once the
 * payments of its deadline day are known: a payments export dated after the deadline has been read, or
 * {@code leasebridge.ledger.judge-after} has passed without one. The verdicts and what Salesforce must get of
 * them commit together, a few hundred leases at a time; running it again as of the same or an earlier date adds nothing.
 */
@Service
public class PromiseJudgement {

    public static final String FLOW = "promise-judgement";
    private static final Logger log = LoggerFactory.getLogger(PromiseJudgement.class);
    private static final int LEASES_PER_TRANSACTION = 500;

    private final PromiseLedgerService ledger;
    private final SalesforceOutbox outbox;
    private final FlowRuns runs;
    private final TransactionTemplate transaction;
    private final ExportFiles exportFiles;
    private final LedgerProperties properties;
    private final Clock clock;
    private final Set<String> judgedWithoutPayments = new ConcurrentSkipListSet<>();

    public PromiseJudgement(PromiseLedgerService ledger, SalesforceOutbox outbox, FlowRuns runs, TransactionTemplate transaction,
                            ExportFiles exportFiles, LedgerProperties properties, Clock clock) {
        this.ledger = ledger;
        this.outbox = outbox;
        this.runs = runs;
        this.transaction = transaction;
        this.exportFiles = exportFiles;
        this.properties = properties;
        this.clock = clock;
    }

    public RunCounts judgeToday() {
        return judge(ledger.today());
    }

    public RunCounts judge(LocalDate asOf) {
        JudgementCutoff cutoff = JudgementCutoff.of(asOf, exportFiles.readThrough(properties.paymentsExport()), clock.instant(),
                properties.zone(), properties.judgeAfter());
        return runs.run(FLOW, "as of " + asOf + ", deadlines through " + cutoff.through(), run -> {
            List<String> leases = ledger.store().leasesWithOpenPromises();
            long events = 0;
            run.count(new RunCounts(leases.size(), events, 0, 0, 0, 0));
            for (int from = 0; from < leases.size(); from += LEASES_PER_TRANSACTION) {
                List<String> chunk = leases.subList(from, Math.min(leases.size(), from + LEASES_PER_TRANSACTION));
                List<PromiseEvent> verdicts = new ArrayList<>();
                Long added = transaction.execute(status -> {
                    List<SObjectRecord> toSalesforce = new ArrayList<>();
                    long n = ledger.judge(chunk, cutoff.through(), toSalesforce, verdicts::add);
                    outbox.enqueue(toSalesforce);
                    return n;
                });
                verdicts.stream().filter(v -> cutoff.withoutPaymentsOf(v.occurredOn()))
                        .forEach(v -> judgedWithoutPayments.add(v.promiseId() + " (deadline " + v.occurredOn() + ")"));
                events += added == null ? 0 : added;
                run.count(new RunCounts(leases.size(), events, 0, 0, 0, 0));
            }
            RunCounts counts = new RunCounts(leases.size(), events, 0, 0, 0, 0);
            log.info("{}: as of {}: deadlines through {} (payments read through {}): {} leases with open promises, {} ledger events",
                    FLOW, asOf, cutoff.through(), cutoff.paymentsReadThrough(), leases.size(), events);
            return counts;
        });
    }

    /**
     * Promises judged since start-up because {@code judge-after} had passed, with no payments export yet showing their
     * whole deadline day: a payment of that day may still arrive and revise them.
     */
    public Set<String> judgedWithoutPayments() {
        return new TreeSet<>(judgedWithoutPayments);
    }
}
