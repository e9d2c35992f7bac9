package io.leasebridge.promises;

import io.leasebridge.hub.RunCounts;
import io.leasebridge.hub.RunHistory;
import io.leasebridge.hub.SalesforceOutbox;
import io.leasebridge.mapping.salesforce.SObjectRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Judges every open promise whose deadline has come, as of a date (today unless told otherwise). The
 * verdicts and what Salesforce must get of them commit together, a few hundred leases at a time; running
 * it again as of the same or an earlier date adds nothing.
 */
@Service
public class PromiseJudgement {

    public static final String FLOW = "promise-judgement";
    private static final Logger log = LoggerFactory.getLogger(PromiseJudgement.class);
    private static final int LEASES_PER_TRANSACTION = 500;

    private final PromiseLedgerService ledger;
    private final SalesforceOutbox outbox;
    private final RunHistory runs;
    private final TransactionTemplate transaction;

    public PromiseJudgement(PromiseLedgerService ledger, SalesforceOutbox outbox, RunHistory runs, TransactionTemplate transaction) {
        this.ledger = ledger;
        this.outbox = outbox;
        this.runs = runs;
        this.transaction = transaction;
    }

    public RunCounts judgeToday() {
        return judge(ledger.today());
    }

    public RunCounts judge(LocalDate asOf) {
        long runId = runs.start(FLOW, "as of " + asOf);
        List<String> leases = ledger.store().leasesWithOpenPromises();
        long events = 0;
        try {
            for (int from = 0; from < leases.size(); from += LEASES_PER_TRANSACTION) {
                List<String> chunk = leases.subList(from, Math.min(leases.size(), from + LEASES_PER_TRANSACTION));
                Long added = transaction.execute(status -> {
                    List<SObjectRecord> toSalesforce = new ArrayList<>();
                    long n = ledger.judge(chunk, asOf, toSalesforce);
                    outbox.enqueue(toSalesforce);
                    return n;
                });
                events += added == null ? 0 : added;
            }
            RunCounts counts = new RunCounts(leases.size(), events, 0, 0, 0, 0);
            runs.finish(runId, counts, null);
            log.info("{}: as of {}: {} leases with open promises, {} ledger events", FLOW, asOf, leases.size(), events);
            return counts;
        } catch (RuntimeException e) {
            runs.finish(runId, new RunCounts(leases.size(), events, 0, 0, 0, 0), e.toString());
            throw e;
        }
    }
}
