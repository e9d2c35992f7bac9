package io.leasebridge.quickbooks;

import io.leasebridge.flow.RunOnceParts;

import java.io.PrintStream;
import java.util.List;

/** What run-once does for QuickBooks: post, then print the reconciliation. Absent when QuickBooks is not configured. */
public class QuickBooksRunOnceStep implements RunOnceParts {

    private final QuickBooksPostingRun postings;
    private final QuickBooksReconciliation reconciliation;

    QuickBooksRunOnceStep(QuickBooksPostingRun postings, QuickBooksReconciliation reconciliation) {
        this.postings = postings;
        this.reconciliation = reconciliation;
    }

    /** Last: the postings of everything this run brought in. */
    @Override
    public List<Step> steps() {
        return List.of(Step.of(1400, QuickBooksPostingRun.FLOW, once -> post()));
    }

    @Override
    public List<Report> reports() {
        return List.of(new Report(1600, (out, once) -> printReconciliation(out)));
    }

    public QuickBooksRunReport post() {
        return postings.run();
    }

    public Reconciliation printReconciliation(PrintStream out) {
        Reconciliation result = reconciliation.reconcile();
        result.print(out);
        return result;
    }
}
